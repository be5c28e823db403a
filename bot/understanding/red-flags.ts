/**
 * Signs of an emergency in a member's message ("le cuesta respirar", "fiebre de 40", "dolor
 * en el pecho", "convulsionó"): Lina books appointments, and an appointment is not what such a
 * member needs first. Pure and cheap: one regular expression over the normalised message.
 */
import { normalizeMessage } from './words.js';

const BREATHING = String.raw`(?:no (?:puede|puedo|podia|pude|pudo|deja de|logra|logro) respirar|no respira|(?:me|te|le|nos) (?:estoy |esta |estamos )?ahog(?:a|o|ando)\w*|se (?:me|le) (?:fue|va) el aire|(?:le|me) (?:cuesta|esta costando|costaba) (?:mucho )?(?:trabajo )?respirar|respira(?:ndo)? (?:con dificultad|muy mal|con mucho esfuerzo)|no (?:puede|puedo) respirar bien|dificultad (?:para|al) respirar|le falta el aire|me falta el aire|falta de aire|se (?:esta )?ahog(?:a|ando|o)|no le entra (?:el )?aire)`;
const CHEST = String.raw`dolor (?:muy fuerte |fuerte )?(?:en el|del|de|en mi|el) pecho|(?:me|le) duele (?:mucho |muchisimo |demasiado |fuerte )?el pecho|(?:me|le) (?:aprieta|oprime|presiona) (?:mucho )?el pecho|(?:presion|opresion|apreton) (?:en el|del) pecho|infarto|(?:me|le) duele (?:mucho )?el brazo izquierdo`;
const FEVER = String.raw`fiebre (?:(?:altisima|muy alta|alta|altica) )?(?:de |por encima de |mas de |arriba de )?(?:40|41|42|cuarenta)|(?:40|41|42|cuarenta)(?:[.,]\d)?(?: grados)? de (?:fiebre|temperatura)|(?:tiene|tengo|esta con|estoy con|con) (?:40|41|42|cuarenta)(?:[.,]\d)? grados|fiebre (?:muy )?alta que no (?:baja|cede|le baja)`;
const SEIZURE = String.raw`convulsi\w*|(?:se|le dio un) desmay\w*|desmayo|(?:me|se) (?:estoy |esta |va a |voy a |iba a )?desmay\w*|perdi(?:o)? el conocimiento|inconsciente|no (?:reacciona|responde|despierta)`;
const BLEEDING = String.raw`sangra(?:ndo)? mucho|sangrado (?:abundante|que no para)|(?:vomita|vomito|vomitando) (?:con )?sangre|(?:le|me) sale (?:mucha|muchisima|demasiada) sangre|hemorragia|sangre (?:\w+ ){0,6}(?:y )?no (?:para|le para|me para)|labios (?:morados|azules)|se (?:esta )?poniendo (?:morad[oa]|azul)|(?:esta|se puso|se esta poniendo|se le puso) (?:todo |toda )?(?:morad[oa]|azul)`;
/** A blow to the head with vomiting or drowsiness after it ("se cayó y se pegó en la cabeza, está vomitando"). */
const HEAD = String.raw`(?:se (?:pego|golpeo|dio|cayo)|golpe|golpeo)\b.{0,60}\bcabeza\b.{0,60}\b(?:vomit\w*|trasboc\w*|somnolient\w*|muy dormid\w*|no (?:se )?despierta)|(?:vomit\w*|trasboc\w*)\b.{0,60}\b(?:se (?:pego|golpeo|dio)|golpe)\b.{0,30}\bcabeza\b`;
const POISON = String.raw`se (?:trago|tomo) (?:un|una|unas|unos|el|la|veneno|pastillas)\b.*|intoxica\w*|envenena\w*`;

const RED_FLAG = new RegExp(`\\b(?:${[BREATHING, CHEST, FEVER, SEIZURE, BLEEDING, HEAD, POISON].join('|')})`);

/** Whether the message describes signs that call for emergency care rather than an appointment. */
export function mentionsRedFlag(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2000) return false;
  return RED_FLAG.test(normalizeMessage(text));
}

/** "Necesito una cita urgente", "es de urgencia": urgency said, with no sign of an emergency described ("no es urgente" is none). */
const URGENT = /\b(urgente|urgentemente|urgencia|de urgencias?|emergencia)\b/;
const NOT_URGENT = /\bno (es|era|sea) (tan |muy |nada )?(urgente|una urgencia|una emergencia|de urgencia)\b/;

/** Whether the message says it is urgent: Lina points to urgencias for an emergency and to the no programada visit type. */
export function mentionsUrgency(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2000) return false;
  const normalized = normalizeMessage(text);
  return URGENT.test(normalized) && !NOT_URGENT.test(normalized);
}
