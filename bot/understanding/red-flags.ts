/**
 * Signs of an emergency in a member's message ("le cuesta respirar", "fiebre de 40", "dolor
 * en el pecho", "convulsionó"): Lina books appointments, and an appointment is not what such a
 * member needs first. Pure and cheap: one regular expression over the normalised message.
 */
import { normalizeMessage } from './words.js';

const BREATHING = String.raw`(?:no (?:puede|podia|deja de|logra) respirar|(?:le|me) (?:cuesta|esta costando|costaba) (?:mucho )?respirar|dificultad (?:para|al) respirar|le falta el aire|me falta el aire|falta de aire|se (?:esta )?ahog(?:a|ando|o)|no le entra (?:el )?aire)`;
const CHEST = String.raw`dolor (?:muy fuerte |fuerte )?(?:en el|del|de|en mi|el) pecho`;
const FEVER = String.raw`fiebre (?:de |por encima de |mas de |arriba de )?(?:40|41|42|cuarenta)|fiebre (?:muy )?alta que no (?:baja|cede|le baja)`;
const SEIZURE = String.raw`convulsi\w*|(?:se|le dio un) desmay\w*|desmayo|perdio el conocimiento|no (?:reacciona|responde|despierta)`;
const BLEEDING = String.raw`sangra(?:ndo)? mucho|sangrado (?:abundante|que no para)|(?:vomita|vomito|vomitando) (?:con )?sangre|labios morados|se (?:esta )?poniendo morad[oa]`;
const POISON = String.raw`se (?:trago|tomo) (?:un|una|unas|unos|el|la|veneno|pastillas)\b.*|intoxica\w*|envenena\w*`;

const RED_FLAG = new RegExp(`\\b(?:${[BREATHING, CHEST, FEVER, SEIZURE, BLEEDING, POISON].join('|')})`);

/** Whether the message describes signs that call for emergency care rather than an appointment. */
export function mentionsRedFlag(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2000) return false;
  return RED_FLAG.test(normalizeMessage(text));
}
