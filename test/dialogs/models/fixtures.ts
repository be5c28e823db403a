/**
 * The world the dialog models live in: Laura and her family, the other members of the seed
 * world, her appointments, slots, a RISS case, the agenda's answers and errors.
 */
import { AgendaError } from '../../../bot/agenda.errors.js';
import type { Appointment, Member, RissCase, Slot } from '../../../bot/domain.js';
import type { Reply } from '../../../dialogs/replies.js';
import { THURSDAY, WEDNESDAY, family, makeAppointment, makePatient, makeRissCase, mateo, slotsOn, sofia } from '../harness.js';
import type { Outcome } from './explore.js';

export { THURSDAY, WEDNESDAY };

/** Laura, the member, whose children are Mateo and Sofía. */
export const laura = makePatient({ id: 'mem-laura' });
export const lauraFamily = family(laura);

/** What an agenda call fails with. */
export const unavailable = (): Outcome => ({ error: new AgendaError('UNAVAILABLE', 'model: agenda unavailable'), label: 'UNAVAILABLE' });
export const agendaError = (code: ConstructorParameters<typeof AgendaError>[0]): Outcome => ({ error: new AgendaError(code, `model: ${code}`), label: code });
export const answer = (output: unknown, label: string): Outcome => ({ output, label });

/** Laura's general-medicine appointment: Wednesday at 10:00 at Kennedy. */
export const generalOnWednesday: Appointment = makeAppointment({
  id: 'apt-general',
  patientId: laura.id,
  cups: '890201',
  specialty: 'medicina_general',
  site: 'KENNEDY',
  start: '2026-11-25T15:00:00.000Z',
  end: '2026-11-25T15:20:00.000Z',
});
/** Her other appointment, a general-medicine control on Thursday at 14:00 at Suba (the one in the way of booking another). */
export const controlOnThursday: Appointment = makeAppointment({
  id: 'apt-control',
  patientId: laura.id,
  cups: '890301',
  specialty: 'medicina_general',
  site: 'SUBA',
  start: '2026-11-26T19:00:00.000Z',
  end: '2026-11-26T19:20:00.000Z',
  doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' },
});
export const rissCase: RissCase = makeRissCase({ patientId: laura.id });

/** Slots on Tuesday morning and afternoon at Suba with two doctors, two of them at the same time. */
export const slots: Slot[] = [
  ...slotsOn('2026-11-24', ['08:00', '08:20']),
  ...slotsOn('2026-11-24', ['08:20'], { doctor: { id: 'doc-suba-2', name: 'Dr. Camilo Ruiz' } }),
  ...slotsOn('2026-11-24', ['09:00', '14:00'], { doctor: { id: 'doc-suba-2', name: 'Dr. Camilo Ruiz' } }),
].map((slot, index) => ({ ...slot, id: `slot-${index + 1}` }));

/** Carlos: no beneficiaries. Ana: on the complementary plan. Jorge: not active. */
export const carlosMember: Member = {
  ...makePatient({ id: 'mem-carlos', documentNumber: '2020202020', firstName: 'Carlos', lastName: 'Pérez', birthDate: '1980-11-02' }),
  phone: '+573004445566',
  beneficiaries: [],
};
export const anaMember: Member = { ...makePatient({ id: 'mem-ana', documentNumber: '3030303030', firstName: 'Ana', birthDate: '1990-01-20', plan: 'PAC' }), beneficiaries: [] };
export const jorgeMember: Member = {
  ...makePatient({ id: 'mem-jorge', documentNumber: '4040404040', firstName: 'Jorge', birthDate: '1975-05-05', status: 'inactive' }),
  beneficiaries: [],
};

/** The member as the agenda knows Laura, with her children and, for the model, a beneficiary on another plan. */
export const lauraMember: Member = {
  ...laura,
  phone: '+573001112233',
  email: 'laura.gomez@example.com',
  beneficiaries: [mateo, sofia, makePatient({ id: 'ben-tomas', documentType: 'TI', documentNumber: '1100000009', firstName: 'Tomás', birthDate: '2012-02-02', plan: 'PAC' })],
};

// ---- what members write -------------------------------------------------------------------

/** A message nothing in Lina can read. */
export const GIBBERISH = 'qwerty asdf';

/** The numbers of the options a question shows ("1", "2", …), and one beyond them. */
export function optionNumbers(pending: Reply | undefined): string[] {
  const count = pending?.options?.length ?? 0;
  return [...Array.from({ length: count }, (_, index) => String(index + 1)), ...(count > 1 ? [String(count + 1)] : [])];
}
