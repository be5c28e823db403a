/**
 * The model of each dialog machine: the inputs it starts from, what the member writes at each
 * of its questions, what its actors answer, and the part of its context its guards read.
 *
 * The texts are chosen from each waiting state's guards: its options (their numbers, and one
 * beyond), a yes and a no, a document, a date, an e-mail, a day, a band, a time, another patient,
 * specialty or site, "déjela así", the ways out and small talk. The understanding step reads
 * them; what it reads is what the machine gets.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { Member, Patient } from '../../../bot/domain.js';
import type { Question } from '../../../bot/understanding/types.js';
import { bookingMachine, type BookingInput } from '../../../dialogs/booking.machine.js';
import { cancelMachine, type CancelInput } from '../../../dialogs/cancel.machine.js';
import { conversationMachine, type ConversationInput } from '../../../dialogs/conversation.machine.js';
import { YES_NO, ask, option, reply, type Reply } from '../../../dialogs/replies.js';
import type { SpokenEvent } from '../../../dialogs/conversation-context.js';
import type { RepeatEvent } from '../../../dialogs/speech.js';
import { rescheduleMachine, type RescheduleInput } from '../../../dialogs/reschedule.machine.js';
import { slotFinderMachine, type SlotFinderInput } from '../../../dialogs/slot-finder.machine.js';
import { takeSlotMachine, type TakeSlotInput } from '../../../dialogs/take-slot.machine.js';
import { normalizeText } from '../../../dialogs/text.js';
import { peopleOf } from '../harness.js';
import { readMessage, type DialogModel, type Outcome, type Start } from './explore.js';
import {
  GIBBERISH,
  THURSDAY,
  WEDNESDAY,
  agendaError,
  answer,
  carlosMember,
  controlOnThursday,
  generalOnWednesday,
  jorgeMember,
  anaMember,
  laura,
  lauraFamily,
  lauraMember,
  optionNumbers,
  rissCase,
  slots,
  unavailable,
} from './fixtures.js';

type Context = Record<string, unknown>;

/** An operation started with `input`, explored `maxMessages` messages deep. */
const from = (input: unknown, maxMessages: number): Start => ({ input, maxMessages });

const promptOf = (snapshot: AnyMachineSnapshot): Reply | undefined => (snapshot.context as { lastPrompt?: Reply }).lastPrompt;
const idOf = (value: unknown): string | undefined => (value as { id?: string } | undefined)?.id;

/** The context without what only the words said depend on: the question said last, the misses counted, the help offered. */
function withoutSpeech({ lastPrompt: _prompt, invalidAnswers: _misses, helpOffered: _help, ...rest }: Context): Context {
  return rest;
}

/** What a member writes at each kind of question an operation asks, besides its options' numbers. */
const AT_QUESTION: Partial<Record<Question, readonly string[]>> = {
  appointment: ['déjela así', 'la segunda, la del miércoles', 'esa, para el viernes en la tarde', '¿y el viernes?', 'es para Mateo', 'las dos'],
  confirm: [
    'sí',
    'no',
    'déjela así',
    'es para Sofía',
    'sí, pero el jueves',
    'no, mejor el viernes',
    'para el viernes en la tarde',
    'otro día',
    'más horarios',
    'mejor en Chía',
    'es control, no primera vez',
    'pedro@gmail.com',
    'no, mejor cancélela',
    'no, mejor muévala',
  ],
  other: ['mejor el viernes', 'déjela así'],
  band: ['en la tarde', 'el jueves', 'a las 3', 'otro día', 'a la misma hora de Mateo', 'déjela así', 'es para Mateo', 'mejor en Chía', '¿no hay en otra sede?'],
  slot: [
    'la de las 8:20',
    'la del doctor Camilo',
    'el domingo',
    'a las 7 de la noche',
    '¿y en enero?',
    'otro día',
    'el jueves',
    'lo más tarde posible',
    '¿algo más temprano?',
    'a la misma hora de Mateo',
    'más horarios',
    'en la tarde',
    'después de las 4',
    'ninguna me sirve',
    'sí',
    'es para Mateo',
    'mejor en Chía',
    '¿no hay en otra sede?',
  ],
  day: ['el domingo', 'a las 7 de la noche', '¿y en enero?', 'otro día', 'más horarios', 'el jueves', 'el viernes', 'entonces en la tarde', 'es para Mateo', 'mejor en Chía'],
  offer: ['sí', 'no', 'radique el caso', 'sí, a pedro@gmail.com', 'pedro arroba gmail', 'sí, pero tengo un correo nuevo', 'en la tarde', 'es para Mateo', 'mejor en Chía'],
  email: ['pedro@gmail.com', 'pedro@gmial.com', 'no tengo correo', 'no'],
  specialty: ['pediatría', 'primera vez en Suba en la tarde', 'en Suba', 'déjela así', 'es para Mateo'],
  visitType: ['control', 'la que sea', 'no, mejor pediatría', 'medicina general', 'en Suba', 'déjela así', 'es para Mateo'],
  site: ['en Suba', 'aquí en esta sede', 'en la tarde', 'no, mejor pediatría', 'medicina general', 'déjela así', 'es para Mateo'],
  existing: ['es para Mateo', 'déjela así'],
};

/** What an operation hears while a machine of its own (the slot finder, taking a slot) holds the question: it relays most of it. */
const WHILE_RUNNING = ['1', 'sí', 'déjela así', 'es para Mateo', 'atrás', GIBBERISH] as const;

/** Texts an operation's waiting state reads: its options, what is written at its kind of question, ways out and gibberish. */
function operationTexts(snapshot: AnyMachineSnapshot, running: boolean): readonly string[] {
  if (running) return WHILE_RUNNING;
  const pending = promptOf(snapshot);
  return [...optionNumbers(pending), ...(pending?.expects ? (AT_QUESTION[pending.expects] ?? []) : []), 'atrás', GIBBERISH];
}

/** What the conversation sends an operation besides the member's messages: its question again, after small talk, help or a question by the way. */
const REPEATS: readonly RepeatEvent[] = [{ type: 'REPEAT' }, { type: 'REPEAT', asks: 'meaning' }, { type: 'REPEAT', asks: 'address', site: 'KENNEDY' }];
const operationPeople = (snapshot: AnyMachineSnapshot) => peopleOf((snapshot.context as { patients?: typeof lauraFamily }).patients);

/** A message as an operation reads it when it ends with a revision ("es para Mateo" at a question of its own). */
const revisionBy = (text: string) => readMessage(text, undefined, peopleOf(lauraFamily));

/** What an operation is given and the conversation keeps whatever it does: left out of its abstract state. */
function operationState(context: Context): Context {
  const { patient: _patient, patients: _patients, conversationId: _id, memberEmail: _email, ...rest } = withoutSpeech(context);
  return rest;
}

// ---- cancelling -------------------------------------------------------------------------------

/** What listing a patient's appointments answers: none, one, two (on different days), or a failure. */
const APPOINTMENT_LISTS: readonly Outcome[] = [
  answer([], 'no appointments'),
  answer([generalOnWednesday], 'one appointment'),
  answer([generalOnWednesday, controlOnThursday], 'two appointments'),
  unavailable(),
];

function choosingState(context: Context): Context {
  const { appointments, chosen, ...rest } = operationState(context);
  return { ...rest, appointments: (appointments as Array<{ id: string }>).map((appointment) => appointment.id), chosen: idOf(chosen) };
}

export const cancelModel: DialogModel = {
  name: 'cancel',
  machine: cancelMachine,
  kind: 'child',
  starts: {
    'nothing said': from({ patient: laura, patients: lauraFamily } satisfies CancelInput, 5),
    'the one on Wednesday': from({ patient: laura, patients: lauraFamily, request: { day: WEDNESDAY, weekday: 3 } } satisfies CancelInput, 5),
    'the one on Thursday (there is none)': from({ patient: laura, patients: lauraFamily, request: { day: THURSDAY, weekday: 4 } } satisfies CancelInput, 5),
    'chosen at the booking offer': from(
      { patient: laura, patients: lauraFamily, request: { appointmentId: generalOnWednesday.id, appointmentConfirmed: true } } satisfies CancelInput,
      5,
    ),
    'all of them': from({ patient: laura, patients: lauraFamily, request: { all: true } } satisfies CancelInput, 5),
  },
  texts: operationTexts,
  otherEvents: () => REPEATS,
  people: operationPeople,
  outcomes: {
    listAppointments: () => APPOINTMENT_LISTS,
    cancel: (snapshot) => {
      const { chosen, toCancel } = snapshot.context as { chosen?: object; toCancel?: object[] };
      return [answer({ ...(toCancel?.[0] ?? chosen), status: 'cancelled' }, 'cancelled'), unavailable()];
    },
  },
  fingerprint: choosingState,
};

// ---- rescheduling -----------------------------------------------------------------------------

/** How taking a slot ends: the appointment taken, a case filed, another patient, "atrás", nothing, an error. */
function takeSlotEndings(mode: 'book' | 'move'): Outcome[] {
  const taken = mode === 'book' ? { ...generalOnWednesday, id: 'apt-new' } : { ...generalOnWednesday, start: slots[0]!.start };
  return [
    answer({ outcome: 'taken', appointment: taken }, 'taken'),
    answer({ outcome: 'case', rissCase }, 'case filed'),
    answer({ outcome: 'revise', understood: revisionBy('es para Mateo'), search: { band: 'tarde', day: THURSDAY } }, 'revised: Mateo'),
    answer({ outcome: 'back' }, 'back'),
    answer({ outcome: 'abandoned' }, 'abandoned'),
    answer({ outcome: 'error' }, 'error'),
    // ("Mejor cancélela" at «¿La muevo?»: only a move ends so.)
    ...(mode === 'move' ? [answer({ outcome: 'cancelInstead' }, 'cancel instead')] : []),
  ];
}

export const rescheduleModel: DialogModel = {
  name: 'reschedule',
  machine: rescheduleMachine,
  kind: 'child',
  starts: {
    'nothing said': from(
      { conversationId: 'conv', today: '2026-11-23', patient: laura, patients: lauraFamily, memberEmail: 'laura.gomez@example.com' } satisfies RescheduleInput,
      5,
    ),
    'the one on Wednesday': from(
      { conversationId: 'conv', today: '2026-11-23', patient: laura, patients: lauraFamily, request: { day: WEDNESDAY, weekday: 3 } } satisfies RescheduleInput,
      5,
    ),
    'the one on Thursday (there is none)': from(
      { conversationId: 'conv', today: '2026-11-23', patient: laura, patients: lauraFamily, request: { day: THURSDAY, weekday: 4 } } satisfies RescheduleInput,
      5,
    ),
    'chosen at the booking offer, to Friday': from(
      {
        conversationId: 'conv',
        today: '2026-11-23',
        patient: laura,
        patients: lauraFamily,
        request: { appointmentId: generalOnWednesday.id, appointmentConfirmed: true, newDay: '2026-11-27' },
      } satisfies RescheduleInput,
      5,
    ),
  },
  texts: operationTexts,
  otherEvents: () => REPEATS,
  people: operationPeople,
  outcomes: {
    listAppointments: () => APPOINTMENT_LISTS,
    takeSlot: () => takeSlotEndings('move'),
  },
  fingerprint: choosingState,
};

// ---- taking a slot --------------------------------------------------------------------------

const takeSlotRequest = {
  conversationId: 'conv',
  patient: laura,
  patients: lauraFamily,
  memberEmail: 'laura.gomez@example.com',
  cups: '890201',
  specialty: 'medicina_general',
  site: 'SUBA',
  window: 'horizon',
} as const;

export const takeSlotModel: DialogModel = {
  name: 'takeSlot',
  machine: takeSlotMachine,
  kind: 'child',
  // While the slot finder runs, its slot list is the question ("déjela así" there gives the taking up).
  childQuestion: ask(
    'slot',
    'slots.ask',
    { site: 'SUBA', band: 'manana', count: 2 },
    slots.slice(0, 2).map((slot) => option(slot.id, 'options.slot', { start: slot.start, doctor: slot.doctor.name })),
  ),
  starts: {
    'booking, no band said': from({ ...takeSlotRequest, mode: 'book' } satisfies TakeSlotInput, 5),
    'booking in the afternoon': from({ ...takeSlotRequest, mode: 'book', band: 'tarde' } satisfies TakeSlotInput, 5),
    'moving her appointment': from({ ...takeSlotRequest, mode: 'move', site: 'KENNEDY', appointment: generalOnWednesday } satisfies TakeSlotInput, 5),
  },
  texts: operationTexts,
  otherEvents: () => REPEATS,
  people: operationPeople,
  outcomes: {
    slotFinder: () => [
      answer({ outcome: 'slot', slot: slots[0], chosenBy: 'said: 1', search: { band: 'manana' } }, 'slot chosen'),
      answer({ outcome: 'case', rissCase }, 'case filed'),
      answer({ outcome: 'revise', understood: revisionBy('es para Mateo'), search: { band: 'manana' } }, 'revised: Mateo'),
      answer({ outcome: 'back' }, 'back'),
      answer({ outcome: 'abandoned' }, 'abandoned'),
      answer({ outcome: 'error' }, 'error'),
    ],
    commit: (snapshot) => {
      const mode = (snapshot.context as { mode?: string }).mode;
      return [
        answer(mode === 'move' ? { ...generalOnWednesday, start: slots[0]!.start } : { ...generalOnWednesday, id: 'apt-new', start: slots[0]!.start }, 'taken'),
        agendaError('SLOT_TAKEN'),
        unavailable(),
      ];
    },
  },
  // Its guards read whether a band, day or time is known, why the finder runs again, the slot found and a "pero" proposed; not the values.
  fingerprint: (context) => {
    const c = context as { mode?: string; band?: string; day?: string; time?: string; bandAsked?: boolean; search?: object; reason?: string; slot?: unknown; proposed?: object };
    return {
      mode: c.mode,
      told: [c.band !== undefined, c.day !== undefined, c.time !== undefined],
      bandAsked: c.bandAsked,
      search: c.search !== undefined,
      reason: c.reason,
      slot: idOf(c.slot),
      proposed: c.proposed !== undefined,
    };
  },
};

// ---- finding a slot -------------------------------------------------------------------------

const slotRequest = { ...takeSlotRequest, cups: '890301' } as const;
/** Laura's treating doctor at Suba, whom a "control" is searched with first. */
const treatingDoctor = { id: 'doc-suba-1', name: 'Dra. Marta Salazar' };
const controlInTheMorning: SlotFinderInput = { ...slotRequest, band: 'manana', treatingDoctor };
const days = (count: number, beyondWindow = false) =>
  Array.from({ length: count }, (_, index) => ({
    day: `2026-11-${String(24 + index).padStart(2, '0')}`,
    slots: 3 + index,
    ...(beyondWindow ? { beyondWindow: true as const } : {}),
  }));

export const slotFinderModel: DialogModel = {
  name: 'slotFinder',
  machine: slotFinderMachine,
  kind: 'child',
  starts: {
    'a control in the morning with her treating doctor': from(controlInTheMorning, 3),
    // The no-availability ladder is long: explored from its first rung, and from the case offered without an e-mail on file.
    'moving a control with her treating doctor, nothing found: the ladder': { input: { ...controlInTheMorning, mode: 'move' }, after: [{ answer: 'no slots' }], maxMessages: 4 },
    'moving, any band, no e-mail on file, nothing found': {
      input: { ...slotRequest, memberEmail: undefined, band: 'cualquiera', mode: 'move' } satisfies SlotFinderInput,
      after: [{ answer: 'no slots' }],
      maxMessages: 5,
    },
    '"otro día" in the afternoon': from({ ...slotRequest, band: 'tarde', reason: 'otherDay' } satisfies SlotFinderInput, 3),
    'Thursday, a case asked for': from({ ...slotRequest, band: 'tarde', day: THURSDAY, caseAsked: true } satisfies SlotFinderInput, 3),
  },
  texts: operationTexts,
  otherEvents: () => REPEATS,
  people: operationPeople,
  outcomes: {
    searchSlots: () => [answer(slots, 'five slots'), answer([], 'no slots'), unavailable()],
    availableDays: () => [
      answer(days(3), 'three days'),
      answer(days(6), 'six days'),
      answer(days(2, true), 'the last days, beyond the window'),
      answer([], 'no days'),
      unavailable(),
    ],
    createCase: () => [answer(rissCase, 'filed'), agendaError('CONFLICT'), unavailable()],
  },
  // What its guards read of the search (the band, whether a day, a time or the latest times were asked, whether a doctor is searched), the slots and days shown, the ladder, the e-mail.
  fingerprint: (context) => {
    const c = context as {
      search: { band: string; day?: string; fromTime?: string; latest?: true; doctorId?: string; page?: object };
      slots: Array<{ id: string }>;
      seen: unknown[];
      days: Array<{ day: string }>;
    } & Context;
    return {
      search: [c.search.band, c.search.day !== undefined, c.search.fromTime !== undefined, c.search.latest === true, c.search.doctorId !== undefined, c.search.page !== undefined],
      slots: c.slots.length > 0,
      later: c.seen.length > c.slots.length || c.laterPage === true,
      days: c.days.length > 0,
      moreDays: c.moreDays,
      reason: c.reason,
      atNamedTime: c.atNamedTime !== undefined,
      ladder: [c.triedOtherBand, c.triedOtherDoctor, c.declined, c.emptyBands],
      email: [c.email !== undefined, c.emailMeant !== undefined, c.emailMisses],
      caseAsked: c.caseAsked,
      mode: c.mode,
    };
  },
};

// ---- booking ----------------------------------------------------------------------------------

const bookingRequest = { conversationId: 'conv', patient: laura, patients: lauraFamily, memberEmail: 'laura.gomez@example.com', today: '2026-11-23' } as const;

export const bookingModel: DialogModel = {
  name: 'booking',
  machine: bookingMachine,
  kind: 'child',
  starts: {
    'nothing said, from Suba’s QR code': from({ ...bookingRequest, preferredSites: ['SUBA'], entrySite: 'SUBA' } satisfies BookingInput, 5),
    'a general-medicine control at Suba': from(
      { ...bookingRequest, preferredSites: [], request: { specialty: 'medicina_general', visitType: 'control', site: 'SUBA' } } satisfies BookingInput,
      5,
    ),
    'pediatrics, for Laura herself': from({ ...bookingRequest, preferredSites: [], request: { specialty: 'pediatria' } } satisfies BookingInput, 5),
  },
  texts: operationTexts,
  otherEvents: () => REPEATS,
  people: operationPeople,
  outcomes: {
    checkRestrictions: () => [
      answer({ openCase: null, upcoming: null }, 'nothing in the way'),
      answer({ openCase: rissCase, upcoming: null }, 'a case open'),
      answer({ openCase: null, upcoming: controlOnThursday }, 'an appointment of the specialty'),
      unavailable(),
    ],
    takeSlot: () => [
      ...takeSlotEndings('book'),
      answer({ outcome: 'revise', understood: revisionBy('no, mejor pediatría'), search: { band: 'tarde' } }, 'revised: pediatrics'),
      answer({ outcome: 'revise', understood: revisionBy('¿no hay en otra sede?') }, 'revised: another site'),
      answer({ outcome: 'revise', understood: revisionBy('mejor en Chía') }, 'revised: Chía'),
    ],
  },
  // Its guards read the specialty, whether a visit type and a site are known, what was checked, the switches pending; the band, day and time only travel on to taking a slot.
  fingerprint: (context) => {
    const c = context as { request: { specialty?: string; visitType?: string; site?: string }; existing?: unknown; pendingRevision?: unknown } & Context;
    return {
      request: [c.request.specialty, c.request.visitType !== undefined, c.request.site !== undefined],
      checkedFor: c.checkedFor,
      existing: idOf(c.existing),
      proposedSpecialty: c.proposedSpecialty,
      pendingRevision: c.pendingRevision === undefined ? undefined : JSON.stringify(c.pendingRevision),
      switchAskedAtSlots: c.switchAskedAtSlots,
      leavingSite: c.leavingSite !== undefined,
    };
  },
};

// ---- the conversation -------------------------------------------------------------------------

/** Members by document number, as the agenda finds them. */
const MEMBERS: Readonly<Record<string, Member>> = Object.fromEntries([lauraMember, carlosMember, anaMember, jorgeMember].map((member) => [member.documentNumber, member]));

/** The first message: what members say before Lina asks anything. */
const FIRST_MESSAGES = [
  'hola',
  'gracias',
  'ayuda',
  '¿dónde queda la sede de Kennedy?',
  'atrás',
  'necesito una cita de pediatría para mi hijo Mateo',
  'quiero cancelar la cita del miércoles y sacar una nueva para Sofía',
  '¿qué citas tienen mis hijos?',
  'quiero una cita para mi mamá',
  'quiero una cita para Tomás',
  'necesito reprogramar mi cita',
  'cancelar la cita del miércoles y pedir otra para el viernes',
] as const;

/** What the conversation hears while an operation runs: other operations, questions aside, patients, small talk. */
function whileAnOperationRuns(member: Member | null | undefined): string[] {
  return [
    '¿qué citas tengo?',
    '¿y qué citas tienen los niños?',
    '¿qué citas tiene Sofía?',
    '¿Tomás tiene citas?',
    `es para ${member?.firstName ?? 'Laura'}`,
    'es para Mateo',
    'para mi mamá',
    'mejor cancelar la cita',
    'cancele la cita de Sofía',
    'mejor reprograme la cita de Sofía',
    'no, mejor reprogramarla',
    'mejor quiero pedir una cita nueva',
    'quiero pedir cita para Sofía',
    'hola',
    'gracias',
    'ayuda',
    '¿dónde queda la sede de Kennedy?',
    'atrás',
    'menú',
    'chao',
    'sí',
  ];
}

/** What the member writes at each of the conversation's own questions. */
function conversationTexts(snapshot: AnyMachineSnapshot, running: boolean): readonly string[] {
  const context = snapshot.context as { member?: Member | null; documentNumber?: string; lastPrompt?: Reply };
  if (running) return whileAnOperationRuns(context.member);
  const state = JSON.stringify(snapshot.value);
  if (state === '"start"') return FIRST_MESSAGES;
  if (state === '"consentDeclined"') return ['sí, acepto', 'quiero una cita', 'hola', 'gracias', '¿para qué necesitan mis datos?'];
  if (state === '"notServed"') return ['¿y cómo hago para activarme?', 'ayuda', 'atrás', 'hola', 'gracias'];
  const pending = context.lastPrompt;
  const common = ['menú', 'chao', 'hola', 'gracias', 'ayuda', '¿dónde queda la sede de Kennedy?', 'atrás', GIBBERISH];
  switch (pending?.expects) {
    case 'consent':
      return ['sí', 'no', 'sí, CC 1010101010', 'quiero cancelar una cita', 'CC 1010101010', '¿para qué es eso?', ...common];
    case 'document':
      return [
        'CC 1010101010',
        'CC 2020202020',
        'CC 3030303030',
        'CC 4040404040',
        'TI 1100000001',
        'CC 1010101010, nací el 01/01/2000',
        '1010101010',
        'cédula',
        'quiero cancelar una cita',
        '15/03/1994',
        ...common,
      ];
    case 'documentType':
      return [...optionNumbers(pending), 'cédula', 'CC 1010101010', ...common];
    case 'birthDate': {
      const member = context.member;
      const right = member ? member.birthDate.split('-').reverse().join('/') : undefined;
      return [...(right ? [right] : []), '01/01/2000', 'perdón, mi cédula es 2020202020', ...common];
    }
    case 'patient':
      return [
        ...optionNumbers(pending),
        'para Mateo',
        'para Tomás',
        'para mis hijos',
        'para mi mamá',
        'quiero cancelar una cita',
        'primera vez',
        'hola, le escribe la abuela',
        ...common,
      ];
    case 'confirm':
      return ['sí', 'no', 'control', 'no, para Sofía', 'no, para Tomás', ...common];
    case 'menu':
      return [
        ...optionNumbers(pending),
        'ahora para Sofía lo mismo',
        '¿y Mateo tiene citas?',
        '¿y mis hijos tienen alguna cita?',
        'para mis hijos',
        'para mi mamá',
        'para Tomás',
        'una de medicina general para mí',
        'cambiar paciente',
        'cancelar la cita del miércoles y pedir otra para el viernes',
        'hola, le escribe la abuela',
        'ok',
        ...common,
      ];
    default:
      return common;
  }
}

/** The first names of the member and their family, once known (the engine's `people`). */
function conversationPeople(snapshot: AnyMachineSnapshot): string[] {
  const member = (snapshot.context as { member?: Member | null }).member;
  return member ? [member.firstName, ...member.beneficiaries.map((patient: Patient) => patient.firstName)].map(normalizeText) : [];
}

/** A message as the conversation's operations end with it, read with Laura's family. */
const lauraRevision = (text: string) => readMessage(text, undefined, ['laura', 'mateo', 'sofia', 'tomas']);

const OPERATION_CONFIRMATION = ask('confirm', 'cancel.confirm', { patient: 'Laura', context: 'self' }, YES_NO);
const OPERATION_SPEECH: readonly SpokenEvent[] = [
  { type: 'SAY', reply: reply('booking.askSpecialty') },
  { type: 'RECORD', record: { type: 'milestone', milestone: 'no-availability' } },
];

const conversationInput = { conversationId: 'conv', today: '2026-11-23', policyVersion: '2026-01', previousExpired: false } as const;
const webChat: ConversationInput = { ...conversationInput, channel: 'webchat', consentCurrent: false };
/** From Laura's phone on file, from Suba's QR code, authorised already, her last conversation expired at a booking's yes. */
const lauraOnWhatsApp: ConversationInput = {
  ...conversationInput,
  channel: 'whatsapp',
  phone: lauraMember.phone,
  site: 'SUBA',
  consentCurrent: true,
  previousExpired: true,
  expiredUnconfirmed: 'book',
  lastBooked: { cups: '890201', site: 'SUBA' },
};
const carlosOnWhatsApp: ConversationInput = { ...conversationInput, channel: 'whatsapp', phone: carlosMember.phone, consentCurrent: true };

export const conversationModel: DialogModel = {
  name: 'conversation',
  machine: conversationMachine,
  kind: 'root',
  // The conversation's whole tree is too wide to explore from its first message alone: it is
  // explored from the start, and from points a few messages in (Laura identified, at the menu).
  starts: {
    'web chat, first time: authorisation and identification': { input: webChat, after: ['hola'], maxMessages: 4 },
    'WhatsApp from Laura’s phone: a first message': { input: lauraOnWhatsApp, maxMessages: 3 },
    'Laura identified, choosing the patient': { input: lauraOnWhatsApp, after: ['hola', 'CC 1010101010'], maxMessages: 3 },
    'Carlos (no beneficiaries) at the menu': { input: carlosOnWhatsApp, after: ['hola', 'CC 2020202020'], maxMessages: 3 },
  },
  texts: conversationTexts,
  people: conversationPeople,
  // While an operation runs, its question is pending: a confirmation stands for them (where "no, mejor…" gives way to another operation).
  pending: (snapshot) => (JSON.stringify(snapshot.value) === '"start"' ? 'first message' : typeof snapshot.value === 'object' ? OPERATION_CONFIRMATION : promptOf(snapshot)),
  // What an operation sends the conversation while it runs: what it says, and what it records.
  otherEvents: (_, running) => (running ? OPERATION_SPEECH : []),
  outcomes: {
    findMember: (snapshot) => {
      const document = (snapshot.context as { documentNumber?: string }).documentNumber ?? '';
      const member = MEMBERS[document];
      return [member ? answer(member, member.firstName) : agendaError('NOT_FOUND'), unavailable()];
    },
    listAppointments: () => [answer([], 'no appointments'), answer([generalOnWednesday], 'one appointment'), unavailable()],
    booking: () => [
      answer({ outcome: 'booked', appointment: { ...generalOnWednesday, id: 'apt-new' } }, 'booked'),
      answer({ outcome: 'case', rissCase }, 'case filed'),
      answer({ outcome: 'switch', operation: 'reschedule', request: { appointmentId: generalOnWednesday.id, appointmentConfirmed: true } }, 'to rescheduling'),
      answer({ outcome: 'switch', operation: 'cancel', request: { appointmentId: generalOnWednesday.id, appointmentConfirmed: true } }, 'to cancelling'),
      answer({ outcome: 'revise', understood: lauraRevision('es para Mateo'), request: {} }, 'revised: Mateo'),
      answer({ outcome: 'revise', understood: lauraRevision('es para mi mamá'), request: {} }, 'revised: her mother'),
      answer({ outcome: 'revise', understood: lauraRevision('es para mis hijos'), request: {} }, 'revised: her children'),
      answer({ outcome: 'revise', understood: lauraRevision('cambiar paciente'), request: {} }, 'revised: change patient'),
      answer({ outcome: 'revise', understood: lauraRevision('es para Tomás'), request: {} }, 'revised: Tomás'),
      answer({ outcome: 'back' }, 'back'),
      answer({ outcome: 'refused' }, 'refused'),
      answer({ outcome: 'abandoned' }, 'abandoned'),
      answer({ outcome: 'error' }, 'error'),
    ],
    cancel: () => [
      answer({ outcome: 'cancelled' }, 'cancelled'),
      answer({ outcome: 'none' }, 'none to cancel'),
      answer({ outcome: 'moveInstead', request: { appointmentId: generalOnWednesday.id, appointmentConfirmed: true } }, 'to moving instead'),
      answer({ outcome: 'revise', understood: lauraRevision('es para Mateo'), request: {} }, 'revised: Mateo'),
      answer({ outcome: 'back' }, 'back'),
      answer({ outcome: 'error' }, 'error'),
    ],
    reschedule: () => [
      answer({ outcome: 'rescheduled', appointment: generalOnWednesday }, 'rescheduled'),
      answer({ outcome: 'case', rissCase }, 'case filed'),
      answer({ outcome: 'revise', understood: lauraRevision('es para Sofía'), request: {} }, 'revised: Sofía'),
      answer({ outcome: 'abandoned' }, 'abandoned'),
      answer({ outcome: 'cancelInstead', request: { appointmentId: generalOnWednesday.id } }, 'to cancelling instead'),
    ],
  },
  fingerprint: (context) => {
    const c = context as {
      member?: Member | null;
      patient?: Patient;
      proposedPatient?: Patient;
      consulted?: Patient;
      request?: { operation?: string; patients?: unknown };
      nextRequest?: { operation?: string; patients?: unknown };
    } & Context;
    return {
      consentCurrent: c.consentCurrent,
      verified: c.verified,
      document: [c.documentType, c.documentNumber],
      birthDateGiven: c.birthDateGiven,
      member: c.member === null ? null : idOf(c.member),
      identityFailures: c.identityFailures,
      failedDocumentType: c.failedDocumentType,
      patient: idOf(c.patient),
      request: c.request && [c.request.operation, c.request.patients],
      nextRequest: c.nextRequest && [c.nextRequest.operation, c.nextRequest.patients],
      nextAnnounced: c.nextAnnounced,
      patientOptions: c.patientOptions,
      proposedPatient: idOf(c.proposedPatient),
      consulted: idOf(c.consulted),
      consultQueue: c.consultQueue,
      consultedLast: c.consultedLast,
      lastBooked: c.lastBooked !== undefined,
      previousExpired: c.previousExpired,
    };
  },
};

export const DIALOG_MODELS: readonly DialogModel[] = [conversationModel, bookingModel, takeSlotModel, slotFinderModel, cancelModel, rescheduleModel];
