/**
 * The booking dialog's content for the alternatives (botbuilder, BuilderBot): at each of the
 * 11 steps, what the member's answer means, which agenda call it makes and what Lina's locale
 * says next. Each framework keeps the step's values in its own state and persistence and
 * sends the text through its own pipeline; the content is the same as Lina's, so the rows
 * differ by the framework and its storage only.
 *
 * Only the scripted path is implemented: an answer the script never gives is a bench error
 * (`UnexpectedAnswerError`), not a re-prompt.
 */
import { SITES, cupsFor, type Member, type Patient, type SiteCode, type Slot, type Specialty, type VisitType } from '../../bot/domain.js';
import { searchWindow, type SearchRules } from '../../bot/dialog-actors.js';
import type { AgendaService, Clock } from '../../bot/ports.js';
import type { Renderer } from '../../bot/rendering/renderer.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import type { Understand } from '../../bot/understanding/understand.js';
import type { Understanding } from '../../bot/understanding/types.js';
import { appointmentParams, patientParams, slotParams } from '../../dialogs/appointments.js';
import { MENU_OPERATIONS } from '../../dialogs/conversation.machine.js';
import { YES_NO, ask, option, reply, type Reply } from '../../dialogs/replies.js';
import { SLOTS_PER_PAGE } from '../../dialogs/slot-finder.machine.js';
import { normalizeText } from '../../dialogs/text.js';

/** What a conversation carries between steps. Plain JSON, as every framework's storage wants. */
export interface BookingValues {
  /** The question asked last: what the next answer is read against, as Lina reads it from her snapshot. */
  pending?: Reply;
  conversationId: string;
  phone?: string;
  member?: Member;
  patient?: Patient;
  specialty?: Specialty;
  visitType?: VisitType;
  site?: SiteCode;
  franja?: string;
  slots?: Slot[];
  slot?: Slot;
  slotChosenBy?: string;
}

export class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
}

export interface BookingSteps {
  /** How many member messages the dialog takes (the first one opens it). */
  readonly length: number;
  /** Runs step `index` on the member's `text`; returns the text to send and updates `values`. */
  run(index: number, text: string, values: BookingValues, messageId: string): Promise<string>;
}

export function createBookingSteps({
  agenda,
  renderer,
  clock,
  policyVersion,
  understand = loadUnderstanding(),
  searchRules,
}: {
  agenda: AgendaService;
  renderer: Renderer;
  clock: Clock;
  policyVersion: string;
  /** Reads each answer against the pending question, as Lina's engine does. */
  understand?: Understand;
  /** Lina's lead time: no slot closer than this to now is offered. */
  searchRules: SearchRules;
}): BookingSteps {
  const isSelf = (values: BookingValues) => values.patient !== undefined && values.patient.id === values.member?.id;
  const whoParams = (values: BookingValues) => (values.patient ? patientParams(values.patient, isSelf(values)) : {});
  const menu = (values: BookingValues) =>
    ask('menu', isSelf(values) ? 'menu.askSelf' : 'menu.askFor', { patient: values.patient?.firstName }, [
      ...MENU_OPERATIONS.map((operation) => option(operation, `options.menu.${operation}`)),
      option('help', 'options.menu.help'),
    ]);

  /** What the understanding step reads in `text`, against the pending question and the people known, as in Lina's engine. */
  const read = (text: string, values: BookingValues): Understanding => {
    const now = clock.now();
    const member = values.member;
    const people = member ? [member.firstName, ...member.beneficiaries.map((patient) => patient.firstName)].map((name) => normalizeText(name)) : [];
    return understand(text, { ...renderer.expectation(values.pending, now), people }, now);
  };

  /** The value of the shown option the answer picks (or its yes or no), or a bench error. */
  const pick = (index: number, text: string, values: BookingValues): string => {
    const understood = read(text, values);
    const choice = understood.choice ?? understood.entities.yesNo;
    if (choice === undefined) throw new UnexpectedAnswerError(`step ${index}: the answer picks no option`);
    return choice;
  };

  const steps: Array<(text: string, values: BookingValues, messageId: string) => Reply[] | Promise<Reply[]>> = [
    () => [reply('greeting.welcome'), ask('consent', 'consent.ask', { version: policyVersion }, YES_NO)],
    (text, values) => {
      if (pick(1, text, values) !== 'yes') throw new UnexpectedAnswerError('step 1: consent refused');
      return [reply('consent.thanks'), ask('document', 'identify.askDocument')];
    },
    async (text, values) => {
      const { documentType, documentNumber } = read(text, values).entities;
      if (!documentType || !documentNumber) throw new UnexpectedAnswerError('step 2: no document');
      const member = await agenda.findMember({ documentType, documentNumber });
      // The WhatsApp number is the second factor: it must be the phone on file.
      if (member.phone !== values.phone) throw new UnexpectedAnswerError('step 2: the phone is not the one on file');
      values.member = member;
      return [
        reply('identify.welcome', { name: member.firstName }),
        ask('patient', 'patient.ask', undefined, [
          option('self', 'options.patient.self'),
          ...member.beneficiaries.map((patient) => option(patient.id, 'options.patient.beneficiary', { name: patient.firstName })),
        ]),
      ];
    },
    (text, values) => {
      const choice = pick(3, text, values);
      values.patient = choice === 'self' ? values.member : values.member?.beneficiaries.find((patient) => patient.id === choice);
      return [menu(values)];
    },
    (text, values) => {
      if (pick(4, text, values) !== 'book') throw new UnexpectedAnswerError('step 4: not booking');
      return [
        ask('specialty', 'booking.askSpecialty', undefined, [option('medicina_general', 'options.specialty.medicina_general'), option('pediatria', 'options.specialty.pediatria')]),
      ];
    },
    async (text, values) => {
      values.specialty = pick(5, text, values) as Specialty;
      const patientId = values.patient?.id ?? '';
      const [openCase, upcoming] = await Promise.all([agenda.findOpenCase({ patientId, specialty: values.specialty }), agenda.listAppointments({ patientId })]);
      if (openCase || upcoming.some((appointment) => appointment.specialty === values.specialty)) {
        throw new UnexpectedAnswerError('step 5: the patient may not book');
      }
      return [
        ask('visitType', 'booking.askVisitType', undefined, [
          option('primera_vez', 'options.visitType.primera_vez'),
          option('control', 'options.visitType.control'),
          option('no_programada', 'options.visitType.no_programada'),
        ]),
      ];
    },
    (text, values) => {
      values.visitType = pick(6, text, values) as VisitType;
      return [
        ask(
          'site',
          'booking.askSite',
          undefined,
          SITES.map((site) => option(site.code, 'options.site', { site: site.code })),
        ),
      ];
    },
    (text, values) => {
      values.site = pick(7, text, values) as SiteCode;
      return [
        ask('band', 'booking.askFranja', undefined, [
          option('manana', 'options.franja.manana'),
          option('tarde', 'options.franja.tarde'),
          option('cualquiera', 'options.franja.cualquiera'),
        ]),
      ];
    },
    async (text, values) => {
      values.franja = pick(8, text, values);
      const site = values.site ?? 'CALLE42';
      const treating = values.patient?.treatingDoctors.find((doctor) => doctor.specialty === values.specialty && doctor.site === site);
      // The 14-day horizon from Lina's lead time on, a page of slots.
      const window = searchWindow(clock.now(), searchRules, { window: 'horizon' });
      if (!window) throw new UnexpectedAnswerError('step 8: nothing to search');
      const slots = await agenda.searchSlots({
        cups: cupsOf(values),
        site,
        ...(values.franja === 'manana' || values.franja === 'tarde' ? { franja: values.franja } : {}),
        ...(values.visitType === 'control' && treating ? { doctorId: treating.doctorId } : {}),
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        limit: SLOTS_PER_PAGE,
      });
      if (slots.length === 0) throw new UnexpectedAnswerError('step 8: no slots');
      values.slots = slots;
      return [
        ask(
          'slot',
          'slots.ask',
          { site, band: values.franja, window: 'horizon', service: cupsOf(values), count: slots.length },
          slots.map((slot) => option(slot.id, 'options.slot', { start: slot.start, doctor: slot.doctor.name })),
        ),
      ];
    },
    (text, values, messageId) => {
      const slotId = pick(9, text, values);
      values.slot = values.slots?.find((slot) => slot.id === slotId);
      if (!values.slot) throw new UnexpectedAnswerError('step 9: no such slot');
      values.slotChosenBy = messageId;
      return [ask('confirm', 'booking.confirm', { ...slotParams(values.slot, cupsOf(values)), ...whoParams(values) }, YES_NO)];
    },
    async (text, values) => {
      if (pick(10, text, values) !== 'yes' || !values.slot) throw new UnexpectedAnswerError('step 10: not confirmed');
      const appointment = await agenda.book({
        patientId: values.patient?.id ?? '',
        slotId: values.slot.id,
        cups: cupsOf(values),
        idempotencyKey: `${values.conversationId}:book:${values.slotChosenBy ?? ''}`,
      });
      return [reply('booking.booked', { ...appointmentParams(appointment), ...whoParams(values) }), menu(values)];
    },
  ];

  return {
    length: steps.length,
    async run(index, text, values, messageId) {
      const step = steps[index];
      if (!step) throw new UnexpectedAnswerError(`no step ${index}`);
      const now = clock.now();
      const replies = await step(text, values, messageId);
      const rendered = renderer.render(replies, now);
      values.pending = replies.findLast((said) => said.expects !== undefined);
      return rendered.messages.map((message) => [message.text, ...(message.options ?? []).map((choice, n) => `${n + 1}. ${choice.label}`)].join('\n')).join('\n\n');
    },
  };
}

function cupsOf(values: BookingValues) {
  return cupsFor(values.specialty ?? 'medicina_general', values.visitType ?? 'primera_vez');
}
