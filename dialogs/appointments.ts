/** Appointments in the machines' words: the request's parts, the parameters texts name them with, and which ones a member's words name. */
import type { Appointment, Cups, Patient, Slot } from '../bot/domain.js';
import { option, type ReplyParams } from './replies.js';
import { normalizeText } from './text.js';

/** What an operation carries over from the member's words: the parts of a request. */
export interface Request {
  specialty?: Appointment['specialty'];
  visitType?: 'primera_vez' | 'control' | 'no_programada';
  site?: Appointment['site'];
  /** "La de Kennedy": the site of the appointment meant (to cancel, move or look up), which says which one. */
  citaSite?: Appointment['site'];
  /** "Me la cambia con otro médico": the new slot with any doctor but the appointment's. */
  otherDoctor?: true;
  /** "La del jueves por la mañana": the band of the appointment meant (to move), which says which one. */
  citaBand?: 'manana' | 'tarde';
  /** "Aquí mismo", "en esta sede" in the request: the site of the QR code the member wrote from, when there is one. */
  hereSite?: true;
  band?: 'manana' | 'tarde' | 'cualquiera';
  /** A band the member ruled out ("en la tarde no puedo"): never offered when nothing is found. */
  ruledOutBand?: 'manana' | 'tarde';
  /** The days the member ruled out ("cualquier día menos el lunes"), `YYYY-MM-DD`: never offered. */
  ruledOutDays?: string[];
  day?: string;
  /** The day named is not a working day. */
  dayOff?: 'holiday' | 'weekend';
  weekday?: number;
  time?: string;
  /** The time said (`time`, or `newTime` of a move) is a bound the slots start before ("antes de las 10"). */
  beforeTime?: true;
  /** `time` is a bound the slots start at or after ("después de las 10"). */
  afterTime?: true;
  /** The latest times of the day first ("lo más tarde posible"). */
  latest?: true;
  /** A RISS case asked for in so many words ("radique el caso"). */
  caseAsked?: true;
  /** The day to move an appointment to, said with the one naming it ("la del miércoles, pal jueves"). */
  newDay?: string;
  /** The time to move it to, said with the new day ("pásemela para el jueves a las 3"). */
  newTime?: string;
  /** The appointment moves within its own day ("la del miércoles, ese mismo día más tarde"). */
  sameDay?: true;
  /** With `sameDay`: to its weekday a week later ("el mismo día de la otra semana"). */
  weekLater?: true;
  /** "Ese mismo día pero más tarde" with no hour: later than the appointment's own time. */
  later?: true;
  /** With `later`, how much later, in minutes ("una horita más tarde": 60). */
  laterBy?: number;
  /** "Más tempranito ese mismo día": earlier than the appointment's own time (an hour said with it is the reason). */
  earlier?: true;
  /** With `earlier`, how much earlier, in minutes ("una hora más temprano": 60): its slots from then. */
  earlierBy?: number;
  /** "Para el viernes a la misma hora": at the appointment's own time. */
  sameTime?: true;
  /**
   * The doctor an appointment was named by ("la cita con el dr Cárdenas"), or, for a booking, the doctor asked for ("con la
   * doctora Marta Salazar"): words of the name.
   */
  doctor?: string;
  /** A booking asked with the patient's own doctor ("con mi médico"). */
  ownDoctor?: true;
  /** The appointment the member had chosen to move or cancel before a switch. */
  appointmentId?: string;
  /** "Cancelar las dos citas de Mateo": every appointment of the patient. */
  all?: true;
  /** The member chose that appointment already ("Reprogramar esa cita" at the one-per-specialty offer): no question about which. */
  appointmentConfirmed?: true;
}

/**
 * How texts name the patient: "tu cita" when the patient is the member (context `self`),
 * "la cita de Mateo" otherwise.
 */
export function patientParams(patient: Patient, self: boolean): ReplyParams {
  return self ? { patient: patient.firstName, context: 'self' } : { patient: patient.firstName };
}

/** Parameters every appointment line and summary uses. */
export function appointmentParams(appointment: Pick<Appointment, 'cups' | 'start' | 'site' | 'doctor'>): ReplyParams {
  return { service: appointment.cups, start: appointment.start, doctor: appointment.doctor.name, site: appointment.site };
}

/** A slot about to be taken, in the same words as an appointment. */
export function slotParams(slot: Slot, cups: Cups): ReplyParams {
  return appointmentParams({ ...slot, cups });
}

/** The numbered list of a patient's upcoming appointments: always shown, even for one. */
export function appointmentOptions(appointments: readonly Appointment[]) {
  return appointments.map((appointment) => option(appointment.id, 'options.appointment', appointmentParams(appointment)));
}

const BOGOTA_OFFSET_MS = -5 * 60 * 60 * 1000;

/** An instant's Bogotá day, time and weekday (Bogotá keeps no summer time). */
export function bogotaParts(instant: string): { day: string; time: string; weekday: number } {
  const shifted = new Date(Date.parse(instant) + BOGOTA_OFFSET_MS);
  const iso = shifted.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16), weekday: shifted.getUTCDay() };
}

/**
 * What the member's words say of the appointment itself: a day, a time, a specialty. A day or
 * time said as where to move it ("pásemela para el jueves a las 3") names no appointment.
 */
export function namedParts(request: Request | undefined): Pick<Request, 'day' | 'weekday' | 'time' | 'specialty' | 'doctor' | 'citaSite' | 'citaBand'> {
  if (!request) return {};
  const day = request.day !== undefined && request.day !== request.newDay ? { day: request.day, ...(request.weekday !== undefined ? { weekday: request.weekday } : {}) } : {};
  const time = request.time !== undefined && request.time !== request.newTime ? { time: request.time } : {};
  return {
    ...day,
    ...time,
    ...(request.specialty ? { specialty: request.specialty } : {}),
    ...(request.doctor ? { doctor: request.doctor } : {}),
    ...(request.citaSite ? { citaSite: request.citaSite } : {}),
    ...(request.citaBand && request.time === undefined ? { citaBand: request.citaBand } : {}),
  };
}

/** Whether an appointment's doctor carries every word said of the doctor ("cardenas", "mauricio cardenas"). */
function doctorIs(appointment: Appointment, said: string): boolean {
  const name = normalizeText(appointment.doctor.name).split(/[^a-z]+/);
  return said.split(' ').every((word) => name.includes(word));
}

/**
 * The appointments the member's words name ("la cita del miércoles", "la de pediatría", "la
 * de las 10"); all of them when the words name none. The day named by its weekday matches any
 * appointment on that weekday.
 */
export function appointmentsNamed(appointments: readonly Appointment[], request: Request | undefined): Appointment[] {
  if (request?.appointmentId) return appointments.filter((appointment) => appointment.id === request.appointmentId);
  const named = namedParts(request);
  return appointments.filter((appointment) => {
    const parts = bogotaParts(appointment.start);
    if (named.weekday !== undefined ? parts.weekday !== named.weekday : named.day !== undefined && parts.day !== named.day) return false;
    if (named.time !== undefined && parts.time !== named.time) return false;
    if (named.specialty !== undefined && appointment.specialty !== named.specialty) return false;
    if (named.doctor !== undefined && !doctorIs(appointment, named.doctor)) return false;
    if (named.citaSite !== undefined && appointment.site !== named.citaSite) return false;
    if (named.citaBand !== undefined && (parts.time < '12:00' ? 'manana' : 'tarde') !== named.citaBand) return false;
    return true;
  });
}

/** Whether the request names the appointment at all: by its id, day, time or specialty. */
const namesAny = (request: Request | undefined): boolean => request?.appointmentId !== undefined || Object.keys(namedParts(request)).length > 0;

/** Whether the request names exactly one of the appointments. */
export function namesOne(appointments: readonly Appointment[], request: Request | undefined): boolean {
  return namesAny(request) && appointmentsNamed(appointments, request).length === 1;
}

/** Whether the request names an appointment (by day, time or specialty) that is not among them. */
export function namesNone(appointments: readonly Appointment[], request: Request | undefined): boolean {
  return namesAny(request) && request?.appointmentId === undefined && appointmentsNamed(appointments, request).length === 0;
}

/** The calendar day `YYYY-MM-DD` a week after `day`: "el mismo día de la otra semana". */
export function weekAfter(day: string): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 7)).toISOString().slice(0, 10);
}

/** `time` plus `minutes`, as HH:MM (within the day). */
export function minutesAfter(time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  // (A negative count is earlier: "una hora más temprano", never before midnight.)
  const next = Math.max(0, Math.min(hours * 60 + mins + minutes, 23 * 60 + 59));
  return `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`;
}

/** `HH:MM` one minute later: "más tarde" than a cita at `time` searches from then. */
export function minuteAfter(time: string): string {
  return minutesAfter(time, 1);
}
