/**
 * The appointment the patient has (at the one-per-specialty offer), chosen to move or cancel,
 * and when the member said to move it to with that choice ("cámbiemela para el viernes").
 */
function existingChosen(context: Pick<BookingContext, 'existing'>, event: EventObject): Request {
  if (!context.existing) return {};
  const { band, day, weekday, time, newDay, newTime, sameDay, site } = entitiesOf(event);
  return {
    appointmentId: context.existing.id,
    appointmentConfirmed: true,
    // ("Cámbiemela para Chía": a move keeps its site, which the move then says.)
    ...(site ? { site } : {}),
    ...(band ? { band } : {}),
    ...(day ? { day } : {}),
    ...(weekday !== undefined ? { weekday } : {}),
    ...(time ? { time } : {}),
    ...(newDay ? { newDay } : {}),
    ...(newTime ? { newTime } : {}),
    ...(sameDay ? { sameDay } : {}),
  };
}

/** What the booking had of its form when it switched to another operation. */
function formOf(context: Pick<BookingContext, 'request'>): Pick<Request, 'specialty' | 'visitType' | 'site' | 'hereSite'> {
  const { specialty, visitType, site, hereSite } = context.request;
  return { ...(specialty ? { specialty } : {}), ...(visitType ? { visitType } : {}), ...(site ? { site } : hereSite ? { hereSite } : {}) };
}

/**
 * The booking machine: the form (specialty, visit type, site), the restrictions checked before a
 * slot is sought (an open RISS case, an upcoming appointment of the specialty), then the shared
 * take-slot machine. The request it fills is read in booking-request.ts.
 */
import { and, assign, enqueueActions, fromPromise, setup, type EventObject } from 'xstate';
import { PEDIATRICS_MAX_AGE, type Appointment, type Patient, type RissCase, type SiteCode, type Specialty } from '../bot/domain.js';
import type { Understanding } from '../bot/understanding/types.js';
import type { Request } from './appointments.js';
import {
  cupsOf,
  doctorNoteFor,
  isPatientRevision,
  otherSpecialtyIn,
  revisedRequest,
  sitesInOrder,
  takeSlotInputFor,
  withDoctorsPlace,
  withWhatWasSaid,
  type FormField,
} from './booking-request.js';
import type { DialogEvent } from './events.js';
import { machineTypes } from './machine-types.js';
import { endings, isDoneBy } from './endings.js';
import { appointmentFor, leftAsIs, namesOtherPatient, patientOf, relayTo, revisionBy, type Revision } from './operation.js';
import { yearsOld } from './parse.js';
import type { PatientChoice } from './patients.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { resultOfTaking, type TakeSlotOutput } from './take-slot.io.js';
import { takeSlotMachine } from './take-slot.machine.js';
import { answerOf, choiceOf, entitiesOf, messageGuards } from './understood.js';

/** What stands in the way of a new booking of a specialty for a patient (points 10, 11). */
export interface BookingRestrictions {
  openCase: RissCase | null;
  upcoming: Appointment | null;
}

export interface BookingInput {
  conversationId: string;
  patient: Patient;
  patients: PatientChoice[];
  memberEmail?: string;
  today: string;
  /** Sites to list first: the QR code's, then the last one used. */
  preferredSites: SiteCode[];
  /** The site the member writes from (its QR code), which "aquí en esta sede" names. */
  entrySite?: SiteCode;
  /** The site of the member's last booking, which "la misma sede" names. */
  lastBookedSite?: SiteCode;
  /** What the member already said they want ("control de medicina general en Suba el martes"). */
  request?: Request;
}

export type BookingOutput =
  | { outcome: 'booked'; appointment: Appointment }
  | { outcome: 'case'; rissCase: RissCase }
  /**
   * The patient already has an appointment of that specialty and chose to move or cancel it:
   * `request` names it, with when to move it to if the member said so ("cámbiemela pal viernes").
   */
  /** `booking`: what the booking had of its form, for a new one asked with the switch ("cancele esa y me saca la nueva aquí"). */
  | { outcome: 'switch'; operation: 'reschedule' | 'cancel'; request: Request; booking: Pick<Request, 'specialty' | 'visitType' | 'site' | 'hereSite'> }
  /** The member named another patient: the conversation asks, then starts over with `request`. */
  | Revision
  | { outcome: 'back' | 'refused' | 'abandoned' | 'error' };

interface BookingContext extends BookingInput, SpeakingContext {
  request: Request;
  /** The specialty whose restrictions were checked: a new specialty is checked again. */
  checkedFor?: Specialty;
  existing?: Appointment;
  /** A specialty the member named mid-flow, waiting for their yes. */
  proposedSpecialty?: Specialty;
  /** What the member said while taking a slot that changes an earlier answer. */
  pendingRevision?: Understanding;
  /** The specialty switch was asked at the slots: a "no" goes back there, not to the form. */
  switchAskedAtSlots?: boolean;
  /** The site the member asked to leave for another one ("¿no hay en otra sede?"): not offered again until another is searched. */
  leavingSite?: SiteCode;
  /** The doctor asked for, who is no treating doctor at the site, was said so once. */
  doctorNoted?: true;
}

/** Nobody the member can book for (themself, their beneficiaries) is under 18 today. */
function nobodyForPediatrics(context: Pick<BookingContext, 'patients' | 'patient' | 'today'>): boolean {
  const people = context.patients.length > 0 ? context.patients.map((choice) => choice.patient) : [context.patient];
  return people.every((person) => yearsOld(person.birthDate, context.today) >= PEDIATRICS_MAX_AGE);
}

const { endWith, failed, output } = endings<BookingContext, BookingOutput>({
  booked: true,
  case: true,
  switch: true,
  revise: true,
  back: true,
  refused: true,
  abandoned: true,
  error: true,
});
const slotTakingEnded = isDoneBy<TakeSlotOutput>('takeSlot');

/**
 * What a message says ahead of the question asked, for later questions of the form ("primera
 * vez", "en Fontibón", "en la tarde" at the specialty question): the values, in the form's order.
 */
function saidAhead(event: EventObject): string[] {
  const said = entitiesOf(event);
  return [said.visitType, said.site, said.band, said.day, said.time].filter((value): value is string => value !== undefined);
}

/**
 * Answers said ahead of their question: kept, and said ("Listo, en la USS Fontibón.", "Anoté:
 * primera vez, en la tarde."), so the question asked again is not taken for a miss or a loop.
 */
const SAID_AHEAD = {
  guard: and(['saysSomethingForTheForm', ({ event }: { event: EventObject }) => saidAhead(event).length > 0]),
  target: '#booking.deciding',
  actions: [
    { type: 'collect', params: undefined },
    {
      type: 'say',
      params: ({ event }: { event: EventObject }) => {
        const noted = saidAhead(event);
        const site = entitiesOf(event).site;
        return noted.length === 1 && site !== undefined ? reply('booking.siteNoted', { site }) : reply('booking.noted', { noted: noted.join(',') });
      },
    },
  ],
} as const;

/** The site a message names by where it is rather than by its name: the QR code's ("aquí en esta sede") or the last booking's ("la misma sede"). */
function siteMeant(context: Pick<BookingContext, 'entrySite' | 'lastBookedSite'>, event: EventObject): SiteCode | undefined {
  const said = entitiesOf(event);
  return said.hereSite ? context.entrySite : said.sameSite ? context.lastBookedSite : undefined;
}

/** Pediatrics asked for mid-flow when nobody the member can book for is under 18: said plainly, and medicina general goes on. */
const SAY_NOBODY_FOR_PEDIATRICS = { type: 'say', params: reply('booking.pediatricsNobodyUnder18', { context: 'kept' }) } as const;

/** "La que sea", "cualquiera" at the visit type: the member does not know the types; they are explained, and asked again. */
const ANY_TYPE = { guard: 'anyVisitType', actions: [{ type: 'say', params: reply('help.explain.visitType') }, 'repeatPrompt'] } as const;

/** The request with the QR code's site for "aquí mismo", when the member wrote from one and named no other site. */
function withSiteHere(request: Request, entrySite: SiteCode | undefined): Request {
  const { hereSite, ...rest } = request;
  return hereSite && entrySite && !rest.site ? { ...rest, site: entrySite } : rest;
}

/**
 * How a question of the form reads a message: another patient ends the booking with a revision;
 * another specialty than the one chosen is asked about (not at the specialty question itself);
 * an option picked, or anything else the form can use, fills the request, and the next question
 * that has no answer follows.
 */
function answering(field: FormField) {
  const otherSpecialty = { guard: 'namesOtherSpecialty', target: '#booking.confirmingSpecialty', actions: 'proposeSpecialty' } as const;
  return [
    // "Déjelo así, mejor después llamo": nothing is booked, and Lina says so.
    { guard: 'leavesAsIs', target: '#booking.leftAsIs' },
    { guard: 'namesAnotherPatient', target: '#booking.revised' },
    // "No, mejor pediatría" when nobody the member books for is under 18: why not, and the same question.
    ...(field === 'specialty'
      ? []
      : [{ guard: and(['namesOtherSpecialty', 'nobodyForPediatrics']), actions: [SAY_NOBODY_FOR_PEDIATRICS, 'repeatPrompt'] } as const, otherSpecialty]),
    ...(field === 'visitType' ? [ANY_TYPE] : []),
    { guard: 'pickedAny', target: '#booking.deciding', actions: { type: 'collect', params: field } },
    // "Pediatría" when it is not offered (nobody under 18): the specialty said, which the booking then answers.
    ...(field === 'specialty' ? [{ guard: 'namesSpecialty', target: '#booking.deciding', actions: { type: 'collect', params: field } } as const] : []),
    // "Primera vez", "en Kennedy" to the specialty question when only medicina general can be (nobody under 18): that one,
    // and what was said, never the one-option question again.
    ...(field === 'specialty'
      ? [
          {
            guard: and(['nobodyForPediatrics', 'saysSomethingForTheForm']),
            target: '#booking.deciding',
            actions: [{ type: 'collect', params: undefined }, 'takeGeneralMedicine'],
          } as const,
        ]
      : []),
    SAID_AHEAD,
    { guard: 'saysSomethingForTheForm', target: '#booking.deciding', actions: { type: 'collect', params: undefined } },
    { actions: 'rejectAnswer' },
  ] as const;
}

/**
 * Booking, from the specialty to the booked appointment (contract points 8-11, 16-19). A form:
 * whatever the member already said fills its answers, and Lina asks only what is missing, in
 * the contract's order. Naming another specialty mid-flow asks before switching; naming
 * another patient goes back to the conversation, which asks. The band, the slots and the
 * confirmation run in the shared take-slot machine.
 */
export const bookingMachine = setup({
  types: machineTypes<{ context: BookingContext; events: DialogEvent | RepeatEvent; input: BookingInput; output: BookingOutput }>(),
  actors: {
    checkRestrictions: fromPromise<BookingRestrictions, { patientId: string; specialty: Specialty }>(() =>
      Promise.reject(new Error('checkRestrictions is provided by the engine')),
    ),
    takeSlot: takeSlotMachine,
  },
  guards: {
    ...messageGuards,
    needsSpecialty: ({ context }) => context.request.specialty === undefined,
    patientTooOldForPediatrics: ({ context }) => context.request.specialty === 'pediatria' && yearsOld(context.patient.birthDate, context.today) >= PEDIATRICS_MAX_AGE,
    /** Nobody the member can book for (themself, their beneficiaries) is under 18: pediatrics is for no one here. */
    nobodyForPediatrics: ({ context }) => nobodyForPediatrics(context),
    needsRestrictionCheck: ({ context }) => context.checkedFor !== context.request.specialty,
    needsVisitType: ({ context }) => context.request.visitType === undefined,
    needsSite: ({ context }) => context.request.site === undefined,
    namesAnotherPatient: namesOtherPatient,
    /** The member names a specialty other than the one already chosen ("no, mejor pediatría"). */
    namesOtherSpecialty: ({ context, event }) => {
      const specialty = entitiesOf(event).specialty;
      return context.request.specialty !== undefined && specialty !== undefined && specialty !== context.request.specialty;
    },
    namesSite: ({ event }) => entitiesOf(event).site !== undefined,
    namesSpecialty: ({ event }) => entitiesOf(event).specialty !== undefined,
    anyVisitType: ({ event }) => {
      const { band, writer: _writer, ...said } = entitiesOf(event);
      return band === 'cualquiera' && Object.keys(said).length === 0 && choiceOf(event) === undefined;
    },
    saysSomethingForTheForm: ({ context, event }) => {
      const said = entitiesOf(event);
      // The specialty already chosen, said again ("pediatría" at the type question), is no miss either.
      // ("Con la doctora Salazar" at the site question: the doctor asked for, whose site and specialty settle those questions.)
      return Boolean(said.visitType || said.site || said.band || said.day || said.time || said.doctorName || (said.specialty && said.specialty === context.request.specialty));
    },
  },
  actions: {
    /** Medicina general, the only specialty there can be (nobody the member books for is under 18). */
    takeGeneralMedicine: assign({ request: ({ context }) => ({ ...context.request, specialty: 'medicina_general' as const }) }),
    ...childSpeech<BookingContext, DialogEvent | RepeatEvent>(),
    /** What the message said for the form; `params`: the question it answers, whose option it may pick. */
    collect: assign({ request: ({ context, event }, field: FormField | undefined) => withDoctorsPlace(withWhatWasSaid(context.request, event, field), context.patient) }),
    proposeSpecialty: assign({ proposedSpecialty: ({ event }) => entitiesOf(event).specialty }),
  },
}).createMachine({
  id: 'booking',
  // ("Aquí mismo", "en esta sede" said with the request, from a site's QR code: that site.)
  context: ({ input }) => ({ ...input, request: withDoctorsPlace(withSiteHere(input.request ?? {}, input.entrySite), input.patient), invalidAnswers: 0 }),
  initial: 'deciding',
  on: {
    REPEAT: { actions: 'repeatPrompt' },
  },
  states: {
    /** The next question that has no answer yet, or the slot. */
    deciding: {
      always: [
        { guard: 'needsSpecialty', target: 'form.awaitingSpecialty' },
        {
          // Pediatrics serves only patients under 18: say why (when nobody the member books for is under 18, that too) and ask the specialty again.
          guard: 'patientTooOldForPediatrics',
          target: 'form.awaitingSpecialty',
          actions: [
            {
              type: 'say',
              params: ({ context }) => (nobodyForPediatrics(context) ? reply('booking.pediatricsNobodyUnder18') : reply('booking.pediatricsUnder18', patientOf(context))),
            },
            assign({ request: ({ context }) => ({ ...context.request, specialty: undefined }) }),
          ],
        },
        { guard: 'needsRestrictionCheck', target: 'checkingRestrictions' },
        { guard: 'needsVisitType', target: 'form.awaitingVisitType' },
        { guard: 'needsSite', target: 'form.awaitingSite' },
        { target: 'takingSlot' },
      ],
    },
    form: {
      initial: 'awaitingSpecialty',
      states: {
        awaitingSpecialty: {
          tags: ['awaitingInput'],
          entry: {
            type: 'prompt',
            params: ({ context }) =>
              ask('specialty', 'booking.askSpecialty', undefined, [
                option('medicina_general', 'options.specialty.medicina_general'),
                ...(nobodyForPediatrics(context) ? [] : [option('pediatria', 'options.specialty.pediatria')]),
              ]),
          },
          on: {
            BACK: { target: '#booking.back' },
            USER_MESSAGE: answering('specialty'),
          },
        },
        awaitingVisitType: {
          tags: ['awaitingInput'],
          entry: {
            type: 'prompt',
            params: ask('visitType', 'booking.askVisitType', undefined, [
              option('primera_vez', 'options.visitType.primera_vez'),
              option('control', 'options.visitType.control'),
              option('no_programada', 'options.visitType.no_programada'),
            ]),
          },
          on: {
            BACK: { target: 'awaitingSpecialty' },
            USER_MESSAGE: answering('visitType'),
          },
        },
        awaitingSite: {
          tags: ['awaitingInput'],
          entry: {
            type: 'prompt',
            params: ({ context }) =>
              ask(
                'site',
                'booking.askSite',
                undefined,
                sitesInOrder(context.preferredSites, context.leavingSite).map((site) => option(site, 'options.site', { site })),
              ),
          },
          on: {
            BACK: { target: 'awaitingVisitType' },
            USER_MESSAGE: [
              // "Aquí en esta sede", "la de acá": the QR code's site. "La misma sede", "en la misma que la de Mateo": the site of the
              // member's last booking. Without one, Lina says she cannot tell which and asks again.
              {
                guard: ({ context, event }) => siteMeant(context, event) !== undefined,
                target: '#booking.deciding',
                actions: [
                  assign({ request: ({ context, event }) => ({ ...context.request, site: siteMeant(context, event) }) }),
                  { type: 'say', params: ({ context, event }) => reply('booking.siteNoted', { site: siteMeant(context, event) }) },
                ],
              },
              {
                guard: ({ event }) => entitiesOf(event).hereSite === true || entitiesOf(event).sameSite === true,
                actions: [{ type: 'say', params: ({ event }) => reply(entitiesOf(event).hereSite ? 'booking.siteHereUnknown' : 'booking.sameSiteUnknown') }, 'repeatPrompt'],
              },
              // "La más cerca": Lina cannot tell where the member is, says so, and asks again.
              { guard: ({ event }) => entitiesOf(event).nearestSite === true, actions: [{ type: 'say', params: reply('booking.siteNearestUnknown') }, 'repeatPrompt'] },
              // "En Suba o en Calle 26, la que tenga más temprano": one site at a time, said so, and which of those two first
              // ("la primera" then is Suba, never the first site of the whole list).
              {
                guard: ({ event }) => (entitiesOf(event).sitesWeighed?.length ?? 0) > 1,
                actions: [
                  { type: 'say', params: reply('help.anySite') },
                  {
                    type: 'prompt',
                    params: ({ event }) =>
                      ask(
                        'site',
                        'booking.askSiteOf',
                        undefined,
                        (entitiesOf(event).sitesWeighed ?? []).map((site) => option(site, 'options.site', { site })),
                      ),
                  },
                ],
              },
              ...answering('site'),
            ],
          },
        },
        /** One upcoming appointment per patient and specialty: offer to move or cancel it instead. */
        awaitingExistingChoice: {
          tags: ['awaitingInput'],
          entry: {
            type: 'prompt',
            params: ({ context }) =>
              ask('existing', 'booking.alreadyHasOne', appointmentFor(context, context.existing), [
                option('reschedule', 'options.existing.reschedule'),
                option('cancel', 'options.existing.cancel'),
                option('menu', 'options.existing.menu'),
              ]),
          },
          on: {
            BACK: { target: '#booking.refused' },
            USER_MESSAGE: [
              { guard: { type: 'picked', params: 'reschedule' }, target: '#booking.switchedToRescheduling' },
              { guard: { type: 'picked', params: 'cancel' }, target: '#booking.switchedToCancelling' },
              { guard: { type: 'picked', params: 'menu' }, target: '#booking.refused' },
              // "Déjela así, era solo pa confirmar la hora": the appointment stays, said, and the menu follows.
              { guard: 'leavesAsIs', target: '#booking.existingKept' },
              { guard: 'namesAnotherPatient', target: '#booking.revised' },
              // "Ush, entonces no": neither moving nor cancelling it; the appointment stays, said, and the menu follows.
              { guard: and(['saidNo', ({ event }) => entitiesOf(event).specialty === undefined]), target: '#booking.existingKept' },
              { actions: 'rejectAnswer' },
            ],
          },
        },
        history: { type: 'history' },
      },
    },
    /** "No, mejor pediatría" in the middle: a yes before switching, then what still applies is kept. */
    confirmingSpecialty: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('confirm', 'booking.confirmSpecialtySwitch', { specialty: context.proposedSpecialty }, YES_NO) },
      on: {
        BACK: [{ guard: ({ context }) => context.switchAskedAtSlots === true, target: 'takingSlot', actions: assign({ switchAskedAtSlots: false }) }, { target: 'form.history' }],
        USER_MESSAGE: [
          {
            guard: 'saidYes',
            target: 'deciding',
            actions: assign({ request: ({ context }) => ({ ...context.request, specialty: context.proposedSpecialty }), proposedSpecialty: undefined, switchAskedAtSlots: false }),
          },
          {
            guard: ({ context, event }) => context.switchAskedAtSlots === true && answerOf(event) === 'no',
            target: 'takingSlot',
            actions: assign({ proposedSpecialty: undefined, switchAskedAtSlots: false }),
          },
          { guard: 'saidNo', target: 'form.history', actions: assign({ proposedSpecialty: undefined }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    checkingRestrictions: {
      invoke: {
        src: 'checkRestrictions',
        input: ({ context }) => ({ patientId: context.patient.id, specialty: context.request.specialty ?? 'medicina_general' }),
        onDone: [
          {
            guard: ({ event }) => event.output.openCase !== null,
            target: 'refused',
            actions: {
              type: 'say',
              params: ({ context, event }) =>
                reply('booking.caseOpen', { radicado: event.output.openCase?.radicado, dueDate: event.output.openCase?.dueDate, specialty: context.request.specialty }),
            },
          },
          {
            guard: ({ event }) => event.output.upcoming !== null,
            target: 'form.awaitingExistingChoice',
            actions: assign({ existing: ({ event }) => event.output.upcoming ?? undefined, checkedFor: ({ context }) => context.request.specialty }),
          },
          { target: 'deciding', actions: assign({ checkedFor: ({ context }) => context.request.specialty }) },
        ],
        onError: { target: 'failed' },
      },
    },
    takingSlot: {
      entry: [
        assign({ leavingSite: undefined }),
        // ("Con la doctora Pérez en Kennedy": a doctor Lina cannot look up there, said once before the slots.)
        enqueueActions(({ context, enqueue }) => {
          const note = context.doctorNoted ? undefined : doctorNoteFor(context);
          if (!note) return;
          enqueue({ type: 'say', params: note });
          enqueue.assign({ doctorNoted: true });
        }),
      ],
      invoke: {
        id: 'takeSlot',
        src: 'takeSlot',
        input: ({ context }) => takeSlotInputFor(context),
        onDone: [
          // "Atrás" from the first question of taking a slot: the site again.
          {
            guard: ({ event }) => event.output.outcome === 'back',
            target: 'form.awaitingSite',
            actions: assign({ request: ({ context }) => ({ ...context.request, band: undefined, day: undefined, time: undefined }) }),
          },
          {
            guard: ({ event }) => event.output.outcome === 'revise',
            target: 'revising',
            // What the member had chosen of the time stays for the next search.
            actions: assign(({ context, event }) => {
              const output = event.output;
              if (output.outcome !== 'revise') return {};
              const search = output.search;
              return {
                pendingRevision: output.understood,
                request: search
                  ? {
                      ...context.request,
                      band: search.band,
                      ...(search.day ? { day: search.day } : {}),
                      ...(search.fromTime ? { time: search.fromTime } : search.toTime ? { time: search.toTime, beforeTime: true as const } : {}),
                      ...(search.latest ? { latest: search.latest } : {}),
                      // ("No, en la tarde tiene colegio", then "¿y en otra sede?": the afternoon stays out at the next site too.)
                      ...(search.ruledOutBand ? { ruledOutBand: search.ruledOutBand } : {}),
                      ...(search.ruledOutDays ? { ruledOutDays: search.ruledOutDays } : {}),
                    }
                  : context.request,
              };
            }),
          },
          // "Atrás" and a revision were taken above: what is left is a booking, a case, or nothing booked.
          { target: 'tookSlot' },
        ],
      },
      on: relayTo<BookingContext>('takeSlot'),
    },
    /** While taking a slot the member named another patient, specialty or site. */
    revising: {
      always: [
        {
          guard: ({ context }) => isPatientRevision(context),
          target: 'revisedWhileTakingSlot',
        },
        {
          // "Mejor pediatría" at the slots when nobody is under 18: why not, and the same search again.
          guard: and([({ context }) => otherSpecialtyIn(context) !== undefined, 'nobodyForPediatrics']),
          target: 'takingSlot',
          actions: [SAY_NOBODY_FOR_PEDIATRICS, assign({ pendingRevision: undefined })],
        },
        {
          guard: ({ context }) => otherSpecialtyIn(context) !== undefined,
          target: 'confirmingSpecialty',
          actions: assign({ proposedSpecialty: ({ context }) => otherSpecialtyIn(context), pendingRevision: undefined, switchAskedAtSlots: true }),
        },
        {
          // Another site, not named yet: the other sites are listed, what was chosen of the time kept.
          guard: ({ context }) => revisedRequest(context).site === undefined,
          target: 'deciding',
          actions: [
            { type: 'say', params: reply('booking.otherSites') },
            assign({ leavingSite: ({ context }) => context.request.site, request: ({ context }) => revisedRequest(context), pendingRevision: undefined }),
          ],
        },
        {
          // Another site (or visit type): the search starts over there, the rest kept, and said.
          target: 'deciding',
          actions: [
            { type: 'say', params: ({ context }) => reply('booking.searchRevised', { service: cupsOf(revisedRequest(context)), site: revisedRequest(context).site }) },
            assign({ request: ({ context }) => revisedRequest(context), pendingRevision: undefined }),
          ],
        },
      ],
    },
    failed: failed({ outcome: 'error' }),
    tookSlot: endWith(({ event }) =>
      slotTakingEnded(event)
        ? resultOfTaking(
            event.output,
            (appointment) => ({ outcome: 'booked', appointment }),
            () => ({ outcome: 'abandoned' }),
          )
        : { outcome: 'abandoned' },
    ),
    /** The member named another patient: the conversation asks, then starts over with what was chosen. */
    revised: endWith(({ context, event }) => revisionBy(event, context.request)),
    revisedWhileTakingSlot: endWith(({ context }) =>
      context.pendingRevision ? { outcome: 'revise', understood: context.pendingRevision, request: context.request } : { outcome: 'abandoned' },
    ),
    switchedToRescheduling: endWith(({ context, event }) => ({ outcome: 'switch', operation: 'reschedule', request: existingChosen(context, event), booking: formOf(context) })),
    switchedToCancelling: endWith(({ context, event }) => ({ outcome: 'switch', operation: 'cancel', request: existingChosen(context, event), booking: formOf(context) })),
    refused: endWith({ outcome: 'refused' }),
    leftAsIs: { ...endWith({ outcome: 'abandoned' }), entry: { type: 'say', params: reply('booking.leftAsIs') } },
    existingKept: { ...endWith({ outcome: 'refused' }), entry: { type: 'say', params: ({ context }) => leftAsIs('reschedule', context, context.existing) } },
    back: endWith({ outcome: 'back' }),
  },
  output,
});
