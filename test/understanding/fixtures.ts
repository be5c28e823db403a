/**
 * The questions of the labelled corpus (`README.md`, table "at") as the understanding step
 * sees them: each `at` with the options Lina shows there, rendered by the real renderer from
 * the same keys the machines use, so labels and aliases are exactly what members answer.
 */
import { DOCUMENT_TYPES, SITES } from '../../bot/domain.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import type { Expectation, Question } from '../../bot/understanding/types.js';
import { YES_NO, ask, option, type Reply, type ReplyOption } from '../../dialogs/replies.js';
import { MENU_OPERATIONS } from '../../dialogs/conversation.machine.js';

const slot = (value: string, start: string, doctor: string) => option(value, 'options.slot', { start, doctor });
const appointment = (value: string, service: string, start: string, doctor: string) => option(value, 'options.appointment', { service, start, doctor, site: 'KENNEDY' });
const day = (value: string, count: number) => option(value, 'options.day', { day: value, count });

const OPTIONS: Record<Question, ReplyOption[]> = {
  start: [],
  consent: YES_NO,
  document: [],
  documentType: DOCUMENT_TYPES.map((type) => option(type, `options.documentType.${type}`)),
  birthDate: [],
  patient: [
    option('self', 'options.patient.self'),
    option('mateo', 'options.patient.beneficiary', { name: 'Mateo' }),
    option('sofia', 'options.patient.beneficiary', { name: 'Sofía' }),
  ],
  menu: [...MENU_OPERATIONS.map((operation) => option(operation, `options.menu.${operation}`)), option('help', 'options.menu.help')],
  specialty: [option('medicina_general', 'options.specialty.medicina_general'), option('pediatria', 'options.specialty.pediatria')],
  visitType: [option('primera_vez', 'options.visitType.primera_vez'), option('control', 'options.visitType.control'), option('no_programada', 'options.visitType.no_programada')],
  site: SITES.map((site) => option(site.code, 'options.site', { site: site.code })),
  band: [option('manana', 'options.franja.manana'), option('tarde', 'options.franja.tarde'), option('cualquiera', 'options.franja.cualquiera')],
  slot: [
    slot('slot-1', '2026-11-23T14:00:00-05:00', 'Dra. Marta Salazar'),
    slot('slot-2', '2026-11-23T14:20:00-05:00', 'Dr. Hernán Gutiérrez'),
    slot('slot-3', '2026-11-24T09:00:00-05:00', 'Dr. Hernán Gutiérrez'),
    slot('slot-4', '2026-11-24T15:00:00-05:00', 'Dra. Marta Salazar'),
    slot('slot-5', '2026-11-25T10:40:00-05:00', 'Dr. Hernán Gutiérrez'),
  ],
  day: [day('2026-11-24', 12), day('2026-11-25', 9), day('2026-11-26', 14), day('2026-11-27', 6), day('2026-11-30', 18)],
  confirm: YES_NO,
  offer: YES_NO,
  appointment: [
    appointment('apt-1', '890201', '2026-11-25T10:00:00-05:00', 'Dra. Adriana López'),
    appointment('apt-2', '890383', '2026-11-27T15:00:00-05:00', 'Dra. Carolina Suárez'),
  ],
  existing: [option('reschedule', 'options.existing.reschedule'), option('cancel', 'options.existing.cancel'), option('menu', 'options.existing.menu')],
  email: [],
  other: [],
};

const renderer = new Renderer({ supportPhone: '601 4441234', supportHours: 'lunes a sábado' });

/** Questions asked before Lina knows who the member is: no names to recognise yet. */
const BEFORE_IDENTIFICATION: ReadonlySet<Question> = new Set(['start', 'consent', 'document', 'documentType', 'birthDate']);

/** What Lina had asked at `at`, as the engine would hand it to the understanding step (the member is Laura). */
export function expectationAt(at: Question, now: Date): Expectation {
  const pending: Reply = ask(at, 'corpus.question', undefined, OPTIONS[at]);
  const expectation = renderer.expectation(pending, now);
  return BEFORE_IDENTIFICATION.has(at) ? expectation : { ...expectation, people: ['laura', 'mateo', 'sofia'] };
}
