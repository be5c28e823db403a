/**
 * The one booking dialog every row runs: what a member types, message by message, from the
 * first hello to the confirmed appointment. Lina, botbuilder and BuilderBot all get exactly
 * these 11 messages and must end on the "booked" answer. (When two of Lina's concurrent
 * conversations pick the same slot, the second picks again: two messages more.)
 */
import { readFileSync } from 'node:fs';
import type { BenchMember } from './synthetic-world.js';

/**
 * hola → consent → document → for whom → book → specialty → visit type → site → band →
 * first slot → confirm. The WhatsApp number is the phone on file: no date of birth.
 */
export function bookingMessages(member: Pick<BenchMember, 'documentNumber' | 'siteName' | 'slotChoice'>): string[] {
  return ['hola', 'sí', `CC ${member.documentNumber}`, 'para mí', 'agendar', 'medicina general', 'control', member.siteName, 'tarde', String(member.slotChoice), 'sí'];
}

export const TURNS_PER_CONVERSATION = 11;

const lina = JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8')) as {
  booking: { booked_self: string };
  slots: { slotTaken: string };
};

/**
 * The first line of Lina's "booked" answer to a member booking for themself ("✅ ¡Listo,
 * {{patient}}! Tu cita quedó agendada."), whatever their name: how a run proves it booked.
 */
const BOOKED_HEADLINE = new RegExp(
  (lina.booking.booked_self.split('\n')[0] ?? lina.booking.booked_self)
    .split(/\{\{\s*patient\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\n]+'),
);

/** Whether an answer is Lina's "booked" one. */
export function isBooked(answer: string): boolean {
  return BOOKED_HEADLINE.test(answer);
}

/** Lina's answer when another conversation booked the chosen slot first; fresh slots follow. */
export const SLOT_TAKEN = lina.slots.slotTaken;
