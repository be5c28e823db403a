/**
 * What the take-slot machine is given and ends with, and what its agenda calls are asked: the
 * interface booking and rescheduling use to run it (and the engine, to provide `commit`).
 */
import type { Appointment, Cups, RissCase } from '../bot/domain.js';
import type { Band, Understanding } from '../bot/understanding/types.js';
import type { SearchState, SlotRequest } from './slot-search.js';

/**
 * What the `commit` actor is asked once the member confirmed: to take `slotId` for the patient's
 * service, safe to retry with `idempotencyKey`; when rescheduling, by moving `appointmentId`
 * there. Booking and rescheduling each inject their own `commit` (a booking, a move).
 */
export interface CommitInput {
  patientId: string;
  cups: Cups;
  slotId: string;
  idempotencyKey: string;
  appointmentId?: string;
}

/**
 * Taking a slot: the band (unless the member gave it), the slot finder, a yes/no confirmation,
 * then the injected `commit` that books or moves the appointment, safe to retry. Shared by
 * booking and rescheduling; `mode` chooses only the words (and the appointment a move names).
 */
export interface TakeSlotInput extends SlotRequest {
  mode: 'book' | 'move';
  /** What the member already said of the time: the band, a day (that may be a day off), a time. */
  band?: Band;
  /** A band the member ruled out ("en la tarde no puedo"): the no-availability ladder never offers it. */
  ruledOutBand?: 'manana' | 'tarde';
  /** The days the member ruled out ("no hoy ni mañana"): no slot on them is offered. */
  ruledOutDays?: string[];
  day?: string;
  dayOff?: 'holiday' | 'weekend';
  time?: string;
  /** `time` is a bound the slots start before ("antes de las 10"), not the time they start from. */
  beforeTime?: true;
  /** `time` is a bound the slots start at or after ("después de las 10"). */
  afterTime?: true;
  /** The latest times of the day first ("lo más tarde posible"). */
  latest?: true;
  /** The appointment being moved (`move`). */
  appointment?: Appointment;
  /** A doctor whose slots are left out from the first search ("me la cambia con otro médico": the appointment's). */
  notDoctorId?: string;
}

export type TakeSlotOutput =
  | { outcome: 'taken'; appointment: Appointment }
  | { outcome: 'case'; rissCase: RissCase }
  /** The member named another patient, specialty or site; `search` is what they had chosen of the time. */
  | { outcome: 'revise'; understood: Understanding; search?: SearchState }
  /** "No, mejor cancélela" at «¿La muevo?»: nothing moved, and the appointment being moved is to be cancelled instead. */
  | { outcome: 'cancelInstead' }
  | { outcome: 'back' | 'abandoned' | 'error' };

/**
 * What an operation ends with once taking a slot ended: `taken` says what the slot taken is to
 * it (booked, rescheduled), `revised` what a revision keeps; a case filed and the endings with
 * nothing taken pass through.
 */
export function resultOfTaking<TTaken, TRevised>(
  output: TakeSlotOutput,
  taken: (appointment: Appointment) => TTaken,
  revised: (understood: Understanding, search?: SearchState) => TRevised,
) {
  switch (output.outcome) {
    case 'taken':
      return taken(output.appointment);
    case 'case':
      return { outcome: 'case', rissCase: output.rissCase } as const;
    case 'revise':
      return revised(output.understood, output.search);
    case 'cancelInstead':
      // (Only a move ends so, and its operation takes it up before this: nothing was taken.)
      return { outcome: 'abandoned' } as const;
    default:
      return { outcome: output.outcome };
  }
}
