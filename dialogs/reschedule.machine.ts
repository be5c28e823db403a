/**
 * The reschedule machine: which appointment (appointment-choice.ts), confirmed when the member
 * named it, then the shared take-slot machine, which moves it in one atomic call.
 */
import { assign, enqueueActions, sendTo, setup } from 'xstate';
import { serviceOf, type Appointment, type Patient, type RissCase } from '../bot/domain.js';
import { appointmentOptions, bogotaParts, minuteAfter, minutesAfter, weekAfter, type Request } from './appointments.js';
import {
  BEFORE_THE_PICK,
  appointmentChoiceGuards,
  keepingChosen,
  listAppointments,
  loadingAppointments,
  otherAppointmentNamed,
  pickedAppointment,
  type ChoosingAppointment,
} from './appointment-choice.js';
import type { DialogEvent } from './events.js';
import { machineTypes } from './machine-types.js';
import { endings, isDoneBy } from './endings.js';
import { appointmentFor, leftAsIs, patientOf, relayTo, revisionBy, type Revision } from './operation.js';
import type { PatientChoice } from './patients.js';
import { agesOutIn, seeker, siteKeptReply } from './slot-search.js';
import { YES_NO, ask } from './replies.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { resultOfTaking, type TakeSlotInput, type TakeSlotOutput } from './take-slot.io.js';
import { takeSlotMachine } from './take-slot.machine.js';
import { answerOf, entitiesOf, isMessage, messageGuards } from './understood.js';

export interface RescheduleInput {
  conversationId: string;
  patient: Patient;
  patients: PatientChoice[];
  memberEmail?: string;
  /** `YYYY-MM-DD` in Bogotá: a child's pediatrics ends at 18, counted from it. */
  today: string;
  /** What the member said about the appointment and the new time ("la del miércoles, en la tarde"). */
  request?: Request;
}

export type RescheduleOutput =
  | { outcome: 'rescheduled'; appointment: Appointment }
  | { outcome: 'case'; rissCase: RissCase }
  | Revision
  /** "Mejor cancélela" instead of moving it: nothing moved; `request` names the appointment to cancel. */
  | { outcome: 'cancelInstead'; request: Request }
  | { outcome: 'none' | 'back' | 'abandoned' | 'error' };

type RescheduleContext = RescheduleInput & ChoosingAppointment & SpeakingContext;

const { endWith, failed, output } = endings<RescheduleContext, RescheduleOutput>({
  rescheduled: true,
  case: true,
  revise: true,
  cancelInstead: true,
  none: true,
  back: true,
  abandoned: true,
  error: true,
});
const slotTakingEnded = isDoneBy<TakeSlotOutput>('takeSlot');

/**
 * The new time the member named while choosing the appointment ("esa, para el viernes en la
 * tarde"): a day other than the appointment's own, or its own day said as such ("ese mismo
 * día, más tarde"), a band, a time.
 */
function newTimeIn(event: DialogEvent | RepeatEvent, chosen: Appointment | undefined): Partial<Request> {
  const said = entitiesOf(withOwnDay(event, chosen));
  const ownDay = chosen ? bogotaParts(chosen.start).day : undefined;
  const sameDay = said.sameDay === true && said.day === ownDay;
  // ("La del jueves": the day names the appointment, never the one to move it to.)
  const namesIt = said.appointmentDay !== undefined && said.day === said.appointmentDay;
  // ("La de las 12" for the appointment at 12: its own hour, with no day said, names it too.)
  const namesItsTime = chosen !== undefined && said.day === undefined && said.time === bogotaParts(chosen.start).time;
  return {
    ...(said.band ? { band: said.band } : {}),
    ...(said.newDay && said.newDay !== ownDay ? { newDay: said.newDay } : said.day && !namesIt && (said.day !== ownDay || sameDay) ? { newDay: said.day } : {}),
    ...(said.time && !namesIt && !namesItsTime && (said.day !== ownDay || sameDay) ? { newTime: said.time, beforeTime: said.beforeTime } : {}),
  };
}

/**
 * A message as the slot search reads it: "ese mismo día" is the day of the appointment being
 * moved, and "pero más tarde" (no hour) is from the minute after its own time, in any band.
 */
function withOwnDay(event: DialogEvent | RepeatEvent, chosen: Appointment | undefined): DialogEvent | RepeatEvent {
  if (!isMessage(event) || !chosen) return event;
  const said = event.understood.entities;
  const { day: ownDay, weekday, time } = bogotaParts(chosen.start);
  // ("A la misma hora si se puede", the new day's slots shown: the appointment's own hour.)
  if (said.sameTime && said.time === undefined && !said.timeOf && !said.sameDay) return { ...event, understood: { ...event.understood, entities: { ...said, time } } };
  if (!said.sameDay || said.day || said.timeOf) return event;
  // ("El mismo día de la otra semana": the appointment's weekday, a week later.)
  const day = event.understood.entities.weekLater ? weekAfter(ownDay) : ownDay;
  const later = event.understood.entities.later === true && event.understood.entities.time === undefined;
  const laterBy = event.understood.entities.laterBy;
  // ("Una hora más temprano" once the appointment is chosen: its slots from an hour before it.)
  const earlierBy = event.understood.entities.time === undefined ? event.understood.entities.earlierBy : undefined;
  return {
    ...event,
    understood: {
      ...event.understood,
      entities: {
        ...event.understood.entities,
        day,
        weekday,
        ...(later ? { time: laterBy ? minutesAfter(time, laterBy) : minuteAfter(time) } : earlierBy ? { time: minutesAfter(time, -earlierBy) } : {}),
      },
    },
  };
}

/**
 * The day and time to search for the appointment's new slot: those said while choosing it,
 * or a day and time said before ("cámbiemela pal viernes" at a cancellation, carried here)
 * that are not the appointment's own (which only named it: "la del miércoles"), unless the
 * member moves it within its own day ("ese mismo día, después de las 2").
 */
function carriedNewTime(request: Request | undefined, appointment: Appointment): { day?: string; time?: string; beforeTime?: true; dayOff?: 'holiday' | 'weekend' } {
  const own = bogotaParts(appointment.start);
  // ("Me la pasa para el mismo día de la otra semana": its weekday, a week later.)
  const sameDayAs = request?.sameDay ? (request.weekLater ? weekAfter(own.day) : own.day) : undefined;
  const day = request?.newDay ?? (request?.day && request.day !== own.day ? request.day : sameDayAs);
  // ("Más tempranito ese mismo día? a las 10 tengo una reunión": the hour is the reason; the day's first slots come first.)
  const earlier = request?.sameDay === true && request.earlier === true && day === own.day;
  const saidTime = !earlier && request?.time && request.time !== own.time && (request.day === undefined || request.day !== own.day) ? request.time : undefined;
  // "Ese mismo día pero más tarde": from the minute after the appointment's own time. "Para el viernes a la misma hora": from it.
  const time =
    request?.newTime ??
    saidTime ??
    // ("Una horita más tarde": from an hour after it. "Una hora más temprano": from an hour before it.)
    (request?.sameDay && request.later && day === own.day ? (request.laterBy ? minutesAfter(own.time, request.laterBy) : minuteAfter(own.time)) : undefined) ??
    (request?.sameDay && request.earlierBy && day === own.day ? minutesAfter(own.time, -request.earlierBy) : undefined) ??
    // ("Con otro médico, el mismo día y hora": its own day and hour, with someone else.)
    (request?.sameTime && day !== undefined && (day !== own.day || request.otherDoctor) ? own.time : undefined);
  // "Pásemela para el martes 8" (a holiday) said before the appointment was chosen: said to be one, not "no hay cupos".
  const dayOff = day && day === request?.day ? request.dayOff : undefined;
  // ("Pal viernes antes de las 10": the time said is a bound, the slots before it.)
  const before = time !== undefined && (time === request?.newTime || time === saidTime) && request?.beforeTime === true;
  return { ...(day ? { day } : {}), ...(time ? { time } : {}), ...(before ? { beforeTime: true as const } : {}), ...(dayOff ? { dayOff } : {}) };
}

/** The appointment being moved: always chosen before a slot is taken. */
function chosenOf(context: RescheduleContext): Appointment {
  if (!context.chosen) throw new Error('a slot is taken before the appointment to move was chosen');
  return context.chosen;
}

/** What taking the new slot is asked: the appointment's service and site, and the new time said. */
function takeSlotInput(context: RescheduleContext): TakeSlotInput {
  const appointment = chosenOf(context);
  const service = serviceOf(appointment.cups);
  return {
    mode: 'move',
    ...seeker(context),
    cups: appointment.cups,
    specialty: service.specialty,
    // A child who turns 18 within the days searched: pediatrics moves only to before the birthday.
    ...agesOutIn(context.patient, service.specialty, context.today),
    site: appointment.site,
    ...(context.request?.band ? { band: context.request.band } : {}),
    ...(context.request?.ruledOutBand ? { ruledOutBand: context.request.ruledOutBand } : {}),
    ...(context.request?.ruledOutDays?.length ? { ruledOutDays: context.request.ruledOutDays } : {}),
    ...(context.request?.latest ? { latest: true as const } : {}),
    ...carriedNewTime(context.request, appointment),
    // ("No me gusta ese médico, me la cambia con otro": any doctor but this appointment's.)
    ...(context.request?.otherDoctor ? { notDoctorId: appointment.doctor.id } : {}),
    window: service.visitType === 'no_programada' ? 'todayAndNextWorkingDay' : 'horizon',
    appointment,
  };
}

/**
 * Rescheduling (contract points 13, 16-18): which appointment (always asked, unless the member
 * named exactly one, which is then confirmed), then a slot of the same service at the same
 * site (any doctor; the ladder applies) through the shared take-slot machine, whose move is one
 * atomic call: the member never ends with two appointments or none.
 */
export const rescheduleMachine = setup({
  types: machineTypes<{ context: RescheduleContext; events: DialogEvent | RepeatEvent; input: RescheduleInput; output: RescheduleOutput }>(),
  actors: {
    listAppointments,
    takeSlot: takeSlotMachine,
  },
  guards: {
    ...messageGuards,
    ...appointmentChoiceGuards,
    /** "No, mejor cancélela" at a yes/no about the appointment: not to move it, but to cancel it. */
    cancelsInstead: ({ event }) => entitiesOf(event).cancelIt === true && answerOf(event) !== 'yes',
  },
  actions: {
    /** "Pásemela para la sede de Suba": a move keeps its site, said once, before the move is asked or sought. */
    sayIfSiteKept: enqueueActions(({ context, enqueue }) => {
      const asked = context.request?.site;
      if (!asked || !context.chosen || asked === context.chosen.site) return;
      enqueue({ type: 'say', params: siteKeptReply(context.chosen.site, asked) });
      enqueue.assign({ request: { ...context.request, site: undefined } });
    }),
    ...childSpeech<RescheduleContext, DialogEvent | RepeatEvent>(),
  },
}).createMachine({
  id: 'reschedule',
  context: ({ input }) => ({ ...input, appointments: [], invalidAnswers: 0 }),
  initial: 'loading',
  on: {
    REPEAT: { actions: 'repeatPrompt' },
  },
  states: {
    loading: loadingAppointments<RescheduleContext>('confirmingChoice', 'takingSlot'),
    awaitingAppointment: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('appointment', 'reschedule.askWhich', patientOf(context), appointmentOptions(context.appointments)) },
      on: {
        BACK: { target: 'back' },
        USER_MESSAGE: [
          ...BEFORE_THE_PICK,
          {
            guard: 'pickedShown',
            target: 'takingSlot',
            actions: assign(({ context, event }) => {
              const chosen = pickedAppointment(context, event);
              return { chosen, request: { ...context.request, ...newTimeIn(event, chosen) } };
            }),
          },
          // One appointment listed, and the member already says when to ("¿y el viernes?"): that one, to then.
          {
            guard: ({ context, event }) => context.appointments.length === 1 && Object.keys(newTimeIn(event, context.appointments[0])).length > 0,
            target: 'takingSlot',
            actions: assign(({ context, event }) => ({ chosen: context.appointments[0], request: { ...context.request, ...newTimeIn(event, context.appointments[0]) } })),
          },
          // A bare "no" to "¿Cuál cita…?": none of them; they stay as they are, said, and the menu follows.
          { guard: 'saidNo', target: 'leftAsIs' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** The member named the appointment: one yes/no that names it, instead of the list. */
    confirmingChoice: {
      tags: ['awaitingInput'],
      entry: ['sayIfSiteKept', { type: 'prompt', params: ({ context }) => ask('confirm', 'reschedule.confirmWhich', appointmentFor(context, context.chosen), YES_NO) }],
      on: {
        BACK: { target: 'awaitingAppointment' },
        USER_MESSAGE: [
          { guard: 'leavesAsIs', target: 'leftAsIs' },
          // "No, mejor cancélela": not moved, cancelled instead (its own «¿La cancelo?» follows).
          { guard: 'cancelsInstead', target: 'cancelInstead' },
          { guard: 'saidYes', target: 'takingSlot', actions: assign({ request: ({ context, event }) => ({ ...context.request, ...newTimeIn(event, context.chosen) }) }) },
          {
            guard: 'namesOtherAppointment',
            target: 'confirmingChoice',
            reenter: true,
            actions: assign({ chosen: ({ context, event }) => otherAppointmentNamed(context, event) ?? context.chosen }),
          },
          { guard: 'saidNoToTheOnlyOne', target: 'leftAsIs' },
          { guard: 'saidNo', target: 'awaitingAppointment' },
          // "¿El viernes en la tarde sí hay?": that one, to then.
          {
            guard: ({ context, event }) => Object.keys(newTimeIn(event, context.chosen)).length > 0,
            target: 'takingSlot',
            actions: assign({ request: ({ context, event }) => ({ ...context.request, ...newTimeIn(event, context.chosen) }) }),
          },
          { guard: 'namesAnotherPatient', target: 'revised' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    takingSlot: {
      entry: 'sayIfSiteKept',
      invoke: {
        id: 'takeSlot',
        src: 'takeSlot',
        input: ({ context }) => takeSlotInput(context),
        onDone: [
          {
            guard: ({ event }) => event.output.outcome === 'back',
            target: 'awaitingAppointment',
            actions: assign({ request: ({ context }) => ({ ...context.request, band: undefined, newDay: undefined, newTime: undefined, day: undefined, time: undefined }) }),
          },
          { guard: ({ event }) => event.output.outcome === 'cancelInstead', target: 'cancelInstead' },
          { target: 'tookSlot' },
        ],
      },
      on: {
        ...relayTo<RescheduleContext>('takeSlot'),
        USER_MESSAGE: [
          // "No, la otra, la de medicina general era la que quería mover": another appointment listed, described; which one
          // is asked with its yes, and no time said for the first one carries over.
          {
            guard: 'namesOtherAppointment',
            target: 'confirmingChoice',
            actions: assign(({ context, event }) => ({
              chosen: otherAppointmentNamed(context, event) ?? context.chosen,
              request: { ...context.request, band: undefined, newDay: undefined, newTime: undefined, day: undefined, time: undefined },
            })),
          },
          { actions: sendTo('takeSlot', ({ context, event }) => withOwnDay(event, context.chosen)) },
        ],
      },
    },
    failed: failed({ outcome: 'error' }),
    none: endWith({ outcome: 'none' }),
    leftAsIs: { ...endWith({ outcome: 'abandoned' }), entry: { type: 'say', params: ({ context }) => leftAsIs('reschedule', context, context.chosen) } },
    tookSlot: endWith(({ context, event }) =>
      slotTakingEnded(event)
        ? resultOfTaking(
            event.output,
            (appointment) => ({ outcome: 'rescheduled', appointment }),
            // ("Ay no, era la de Mateo" at «¿La muevo?»: the day and band chosen for the move go with it to the other patient's.)
            (understood, search) => ({
              outcome: 'revise',
              understood,
              request: {
                ...keepingChosen(context),
                ...(search?.band && search.band !== 'cualquiera' ? { band: search.band } : {}),
                ...(search?.day ? { newDay: search.day } : {}),
              },
            }),
          )
        : { outcome: 'abandoned' },
    ),
    /** The member named another patient: the conversation asks, keeping the appointment they described. */
    revised: endWith(({ context, event }) => revisionBy(event, keepingChosen(context))),
    /** "Mejor cancélela" instead of moving it: the conversation cancels the appointment chosen, with its own yes. */
    cancelInstead: endWith(({ context }) => ({ outcome: 'cancelInstead', request: keepingChosen(context) })),
    back: endWith({ outcome: 'back' }),
  },
  output,
});
