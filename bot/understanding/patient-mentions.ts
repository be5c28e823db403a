/**
 * Who a message names as the patient (see `understand.ts`): the member ("para mí"), relatives
 * ("mi hijo", "la niña"), first names ("para Sofía", "mi hijo Mateo"). Mentions denied or taken
 * back give way to the others, and a name is said back as the member wrote it.
 */
import { readsAs, sameNormalizedName as sameName } from '../../dialogs/patients.js';
import {
  ACCOMPANYING,
  AFTER_AND_I,
  AFTER_SELF,
  OPINION_AFTER_SELF,
  ARTICLES,
  BEFORE_NAME,
  BEFORE_RELATION,
  BETWEEN_RELATION,
  CARE_VERBS,
  DENYING_AFTER_NO,
  HOW_THEY_ARE,
  PLACE_BEFORE_NAME,
  SAYING,
  TWO_OF,
} from './cues.js';
import type { Found } from './lexicon.js';
import { digitsFromWords } from './numbers.js';
import { doctorWordsOf, namesInOptions } from './options.js';
import { BOOKING_QUESTIONS, IDENTITY_QUESTIONS, type Message, type Reading } from './reading.js';
import type { PatientMention, Question, ShownOption } from './types.js';
import { editDistance, normalizeMessage } from './words.js';

/** Before "mi niña", "mi reina": a greeting or thanks, so the words speak to Lina. */
const GREETING_OR_THANKS: ReadonlySet<string> = new Set(['dias', 'tardes', 'noches', 'hola', 'buenas', 'gracias', 'ola', 'pague', 'bendiga', 'chao', 'adios', 'amable']);
/** Before "de" and a plural relation, words that pick one of them: "otro de mis hijos", "uno de los niños". */
const ONE_OF: ReadonlySet<string> = new Set(['otro', 'otra', 'uno', 'una', 'ninguno', 'ninguna', 'cual', 'alguno', 'alguna']);
/** Relations in the plural: the member's children, both of them. */
/** The plural articles before "niños", "hijas"…: "los niños tienen cita". */
const ARTICLES_PLURAL: ReadonlySet<string> = new Set(['los', 'las']);
/** What children the message is about have or need: a cita ("tienen alguna cita pendiente", "necesitan control"). */
const CITA_THEY_HAVE =
  /^(?:(?:que|q|cuales) (?:citas|consultas|controles) (?:tienen|tiene)\b|(?:ya )?(?:tienen|necesitan)(?: (?:ya|alguna|algunas|una|unas|otra|su|sus|la|las|mas))* (?:cita|citas|consulta|consultas|control|controles|turno|turnos)\b|(?:ya )?(?:tienen|tiene) (?:alguna|algunas|algo pendiente|pendientes?)\b(?! (?:que|de|cosa|idea|vez)\b)|(?:ya )?(?:tienen|tiene) algo(?: agendado| programado)?\s*\?*\s*$)/;
const PLURAL_CHILDREN: ReadonlySet<string> = new Set([
  'peladitos',
  'chinitos',
  'muchachitos',
  'ninitos',
  'hijitos',
  'hijos',
  'ninos',
  'hijas',
  'ninas',
  'nenas',
  'nenes',
  'pelados',
  'chinos',
  'muchachos',
  'nietos',
  'nietas',
  'sobrinos',
  'sobrinas',
]);
/** Someone other than the member who says they write: "le escribe la abuela", "yo soy el esposo", "atte. su esposo". */
const OTHER_WRITER =
  /\b(?:(?:yo )?soy (?:[a-z]+ )?(?:la |el |su )|le (?:escribe|habla|abla|saluda) (?:la |el |su )|(?:atte|att|atentamente) (?:su )?|para mi,? (?:la |el )|pa mi,? (?:la |el ))(?<who>abuela|abuelo|vecina|vecino|esposo|marido|hermana|hermano|tia|tio|sobrino|sobrina|cunada|cunado|suegra|suegro|amiga|amigo|companera|companero|colega|jefa|jefe|nana|niñera|ninera|mama de (?:laura|ella)|papa de (?:laura|ella|los ninos|la nina|el nino)|(?:mama|madre|papa|padre) del (?:esposo|marido) de (?:laura|ella))\b|\b(?:la|el) (?<who3>abuela|abuelo|vecina|esposo|hermana|tia) (?:le )?escribe\b|\b(?:le |les )?(?:escrib[oe]|estoy escribiendo|hablo) (?:por|para|de parte de|a nombre de|en nombre de) (?:mi )?(?<parent>papa|papi|padre|mama|mami|madre)\b|\b(?:le |les )?(?:escrib[oe]|estoy escribiendo|hablo) (?:por|de parte de|a nombre de|en nombre de) (?:mi )?(?<childOfWriter>hija|hijo)\b|\b(?:le |les )?(?:escrib[oe]|estoy escribiendo|hablo) (?:por|de parte de|a nombre de|en nombre de) (?:mi )?(?<spouseOfWriter>esposo|marido|esposa|senora|mujer)\b|\b(?:yo )?soy (?:el |la |su )(?<child>hijo|hija) (?:de|del)\b|\b(?:le escribo|escribo) (?:de|desde) su (?:celular|cel|telefono)\b|\ble estoy ayudando con el (?:celular|cel|telefono)\b|\bde parte de mi (?<partOf>hermana|hija|esposa|mujer|mama|mami|madre|nuera|tia)(?: [a-z]+)?\b|\bde parte de (?:laura|ella|la senora)\b|\bme (?:mando|manda) (?:laura|ella|la senora)\b|\b(?:la|su) (?:mama|mami)(?: [a-z]+)? (?:esta trabajando|esta en el trabajo|no puede|trabaja|me pidio|me dijo|me encargo|me mando)\b|\b(?:(?:le|les) )?(?:escribe|escribo|habla|hablo|abla|ablo|saluda|aqui|soy)(?:,? (?!(?:para|pa|pal|de|del|que|q|con|por|a|al|mi|mis)\b)[a-z]+){0,3},? (?:(?:la|el|su) )?(?<who4>abuelita|abuelito|abuela|abuelo|vecina|vecino|esposo|marido|hermana|hermano|tia|tio|sobrino|sobrina|cunada|cunado|suegra|suegro|amiga|amigo|companera|companero|colega|jefa|jefe|mama de (?:(?:la (?:afiliada|senora|usuaria|paciente) )?laura|ella)|papa de (?:(?:la (?:afiliada|senora|usuaria|paciente) )?laura|ella|los ninos|la nina|el nino)|madre de (?:(?:la (?:afiliada|senora|usuaria|paciente) )?laura|ella)|padre de (?:(?:la (?:afiliada|senora|usuaria|paciente) )?laura|ella))\b|^(?:(?:hola|ola|alo|buenas|buena|buenos dias|buenas tardes|buenas noches|q mas|que mas|pues|mija|senorita)[, ]+)*es (?:la|el) (?<who5>abuela|abuelo|vecina|vecino|esposo|marido|hermana|hermano|tia|tio|sobrino|sobrina|mama de (?:laura|ella)|papa de (?:laura|ella))\b|\b(?:le |les )?(?:escribo|escribe|hablo) (?:del|desde el|por el) (?:cel|celular|telefono|whatsapp) de mi (?<phoneOf>tia|tio|mama|mami|madre|hermana|hija|esposa|mujer|abuela)\b|\b[a-z]+ aqui,? (?:la|el) (?<who6>abuela|abuelo|vecina|vecino|esposo|marido|hermana|hermano|tia|tio|sobrino|sobrina)\b|^(?:(?:hola|ola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|senorita)[, ]+)*(?!(?:soy|le|les|aqui|habla|escribe|hablo|escribo|es)\b)[a-z]+(?: [a-z]+)?,? (?:la |el |su )?(?<who7>esposo|marido|hermana|hermano|vecina|vecino|suegra|suegro|cunada|cunado|mama|papa|madre|padre) de laura\b/;
/** After the words that say who writes, the rest of the introduction: "…de Laura Gómez, desde el celular de ella". */
const INTRODUCTION_TAIL =
  /^(?:,? (?:de|del) (?:laura|ella|los ninos|las ninas|la senora)(?: [a-z]+)?)?(?:,? (?:desde|por|con|en|de) (?:el|su|este) (?:celular|cel|telefono|numero|whatsapp|wasap)(?: (?:de|del) (?:ella|laura|la senora|mi (?:hija|esposa|mujer|hermana|mama)))?)?/;

/**
 * The words of a message that say who writes, when someone other than the member does ("le
 * escribe Jorge, el esposo de Laura, desde el celular de ella"): they say nothing of what is
 * asked, so the intent is read without them.
 */
export function writerIntroduction(words: readonly string[]): Found<true> | undefined {
  const whole = words.join(' ');
  const found = OTHER_WRITER.exec(whole);
  if (!found) return undefined;
  const tail = INTRODUCTION_TAIL.exec(whole.slice(found.index + found[0].length))?.[0] ?? '';
  const start = whole.slice(0, found.index).split(' ').filter(Boolean).length;
  const end = start + `${found[0]}${tail}`.split(' ').filter(Boolean).length;
  return { value: true, start, end };
}

/** The member's own: "mi hijo", "nuestro hijo" (said by either parent). */
const MY: ReadonlySet<string> = new Set(['mi', 'mis', 'nuestro', 'nuestra', 'nuestros', 'nuestras']);

/** The member is the writer's…: whose phone it is says who writes. */
const PHONE_OF_WRITER: Readonly<Record<string, string>> = {
  tia: 'sobrino',
  tio: 'sobrino',
  mama: 'hijo',
  mami: 'hijo',
  madre: 'hijo',
  hermana: 'hermana',
  hija: 'abuela',
  nuera: 'suegra',
  esposa: 'esposo',
  mujer: 'esposo',
  abuela: 'nieto',
};

/**
 * "Es la de mi hija, CC 1010101010", "el documento de mi esposa es…": where the member is being
 * identified, a relative giving the member's adult document says who writes (as whose phone it is).
 */
export function writerOfDocument(normalized: string): string | undefined {
  // ("Cédula 1010101010, es de mi hija Laura, yo soy la mamá": whose it is, said after it.)
  const found = /\b(?:(?:la|el) (?:cedula |documento |numero |cc )?|(?:es|esa es|esta es|ese es|este es) )de mi (hija|esposa|mujer|hermana|mama|mami|madre|tia|tio|nuera)\b/.exec(
    normalized,
  );
  return found?.[1] ? PHONE_OF_WRITER[found[1]] : undefined;
}

/** Who the one writing is to the member's people, in the words the relations use. */
function writerRelation(who: string): string {
  if (who === 'abuelita' || who === 'abuelito') return who.replace('ita', 'a').replace('ito', 'o');
  if (/^(mama|madre) de (laura|ella)$/.test(who)) return 'abuela';
  if (/^(papa|padre) de (laura|ella)$/.test(who)) return 'abuelo';
  // ("Soy el papá de la niña", from the member's phone: her husband.)
  if (/^papa de (?:los ninos|la nina|el nino)$/.test(who)) return 'esposo';
  // ("Soy la mamá del esposo de Laura": her mother-in-law.)
  if (/^(mama|madre) del (esposo|marido) /.test(who)) return 'suegra';
  if (/^(papa|padre) del (esposo|marido) /.test(who)) return 'suegro';
  return who;
}
/**
 * Relations said by someone writing for the member, as the member's people: the grandmother's
 * "mi hija" is the member and her "mi nieto" the member's son; the husband's "mi esposa" the
 * member; the sister's "mi hermana" the member and her "mis sobrinos" the children.
 */
function asTheMembers(relation: string, writer: string | undefined): 'self' | 'son' | 'daughter' | 'child' | undefined {
  if (writer === undefined) return undefined;
  // The member's parents writing: their "mi hija" is the member; her parents-in-law: their "mi nuera". Their
  // grandchildren are the member's children either way.
  if (/^(abuela|abuelo|suegra|suegro)$/.test(writer)) {
    if (relation === (/^suegr/.test(writer) ? 'nuera' : 'hija')) return 'self';
    return /^(el )?niet(o|ico)$/.test(relation) ? 'son' : /^(la )?niet(a|ica)$/.test(relation) || relation === 'nietas' ? 'daughter' : relation === 'nietos' ? 'child' : undefined;
  }
  // The member's child writing: their "mi papá", "mi mamá" is the member.
  // Their brother or sister is the member's other child ("mi hermanito" written by the daughter is the son).
  if (/^(hijo|hija)$/.test(writer)) {
    if (/^(papa|papi|padre|mama|mami|madre|mi papa|mi mama)$/.test(relation)) return 'self';
    return /^herman(o|ito)$/.test(relation) ? 'son' : /^herman(a|ita)$/.test(relation) ? 'daughter' : /^herman(os|itos)$/.test(relation) ? 'child' : undefined;
  }
  // The children's father writing: his "mi esposa" is the member, his "mi hijo", "mi hija" her children.
  if (/^(esposo|marido)$/.test(writer))
    return /^(esposa|senora|mujer|mi senora|mi mujer)$/.test(relation)
      ? 'self'
      : /^(hijo|el nino|nino)$/.test(relation)
        ? 'son'
        : /^(hija|la nina|nina)$/.test(relation)
          ? 'daughter'
          : /^(hijos|ninos)$/.test(relation)
            ? 'child'
            : undefined;
  // The children's cousin writing from his aunt's phone: his "mi tía" is the member, his cousins her children.
  if (/^(sobrino|sobrina)$/.test(writer))
    return relation === 'tia' || relation === 'mi tia'
      ? 'self'
      : /^(primo|primito)$/.test(relation)
        ? 'son'
        : /^(prima|primita)$/.test(relation)
          ? 'daughter'
          : /^(primos|primitos)$/.test(relation)
            ? 'child'
            : undefined;
  if (/^(hermana|hermano|tia|tio|cunada|cunado)$/.test(writer)) {
    // (The children's aunt or uncle writing from the member's phone: their sister is the member.)
    if (relation === 'hermana' && /^(hermana|hermano|tia|tio)$/.test(writer)) return 'self';
    return relation === 'sobrino' ? 'son' : relation === 'sobrina' ? 'daughter' : relation === 'sobrinos' ? 'child' : relation === 'sobrinas' ? 'daughter' : undefined;
  }
  return undefined;
}
/** Relatives of an adult: "soy la vecina de Laurita" speaks of the member, not of a child. */
const ADULT_RELATIVES: ReadonlySet<string> = new Set([
  'vecina',
  'vecino',
  'amiga',
  'amigo',
  'esposo',
  'esposa',
  'marido',
  'hermana',
  'hermano',
  'suegra',
  'suegro',
  'cunada',
  'cunado',
  'sobrino',
  'sobrina',
  'companera',
  'companero',
  'colega',
  'jefa',
  'jefe',
]);
/** "Le escribe la abuela", "yo soy el esposo y le escribo de su celular": someone else who writes from the member's phone, and who. */
function writerIn(whole: string): string | undefined {
  const found = OTHER_WRITER.exec(whole);
  if (!found) return undefined;
  // "Le escribo por mi papá": the member's child writes.
  if (found.groups?.parent) return 'hijo';
  // "Le escribo por mi hija Laura": the member's mother (or father) writes.
  if (found.groups?.childOfWriter) return 'abuela';
  // "Le escribo por mi esposo": the member's spouse writes.
  if (found.groups?.spouseOfWriter) return 'esposo';
  // "Le saco cita a mi sobrina de parte de mi hermana Laura": on whose behalf says who writes (her sister).
  const partOf = found.groups?.partOf;
  if (partOf) return PHONE_OF_WRITER[partOf] ?? 'otro';
  // "Le escribo del cel de mi tía": whose phone says who writes (her nephew).
  const phoneOf = found.groups?.phoneOf;
  if (phoneOf) return PHONE_OF_WRITER[phoneOf] ?? 'otro';
  const who7 = found.groups?.who7 && /^(mama|madre|papa|padre)$/.test(found.groups.who7) ? `${found.groups.who7} de laura` : found.groups?.who7;
  const who = found.groups?.who ?? found.groups?.who3 ?? found.groups?.who4 ?? found.groups?.who5 ?? found.groups?.who6 ?? who7 ?? found.groups?.child;
  // ("Padre de la afiliada Laura Gómez": the words naming her as the member say nothing of the relation.)
  return who ? writerRelation(who.replace(/ de la (?:afiliada|senora|usuaria|paciente) /, ' de ')) : 'otro';
}

/** After the member spoken of by whoever writes, why they write instead: "no puede", "está trabajando", "me pidió". */
const MEMBER_BUSY = /^(no puede|esta trabajando|esta en el trabajo|trabaja|me pidio|me dijo|me mando|me encargo)\b/;
/** After a relative who writes through someone: "mi nuera Laura me encargó…", "mi hermana me pidió…". */
const SENT_BY = /^(me|nos) (pidio|dijo|mando|encargo|encomendo|rogo)\b/;
/** After a relative and their name, lending the phone the writer writes from: "(mi hija Laura) me dejó el celular". */
const PHONE_LENT = /^(?:me|nos) (?:dejo|presto|paso|entrego|dejaron|prestaron) (?:el|su|este) (?:celular|cel|telefono|whatsapp)\b|^(?:me|nos) (?:dejo|dejaron) encargad[ao]s?\b/;

/** The words but those said right after an "ella", in what is told of her ("ella está en el hospital con la niña"). */
function notToldOfHer(words: readonly string[]): readonly string[] {
  return words.filter((_word, index) => !words.slice(Math.max(0, index - 8), index).includes('ella'));
}

/** First names that are also everyday nouns: after an article ("el recibo de la luz") only a capital makes them a name. */
const NOUNS_THAT_ARE_NAMES: ReadonlySet<string> = new Set([
  'luz',
  'rosa',
  'gloria',
  'alba',
  'paz',
  'sol',
  'flor',
  'victoria',
  'esperanza',
  'pilar',
  'cruz',
  'dolores',
  'consuelo',
  'amparo',
]);

/**
 * A clause that only makes out whose a cita is: "ah ok, entonces es la de Sofía", "o sea que fue la de Sofía", "ahh ok es la
 * de la niña", "ah ok de Sofía", "la de pediatría es de Sofi".
 */
const MADE_OUT_WHOSE =
  /^(?:(?:ah+|ahh+|ok|okey|ya|bueno|listo|aja|entonces|o sea|o sea que|si|ay)\s)*(?:(?:(?:esa|esta|entonces|si) )?(?:es|era|fue) )?(?:(?:la|el) (?:cita |consulta )?)?(?:de|del) (?:la |el |mi )?[a-z]+$|^(?:(?:ah+|ok|okey|ya|bueno|entonces|o sea)\s)*(?:la|el) (?:de |del )?[a-z]+ (?:es|era|fue) (?:la )?(?:de|del) (?:la |el |mi )?[a-z]+$/;

/** After "yo tengo", what the writer is affiliated to: "otra EPS", "Sisbén", "prepagada". */
const AFFILIATED_TO = /^(?:otra |mi |una |la )?(?:eps|sisben|prepagada|medicina prepagada|seguro|plan complementario)\b/;

/** Before "de" and a name, something of theirs that is no cita: "la fórmula del inhalador de Sofía", "los exámenes de Mateo". */
const THINGS_OF_THEIRS =
  /^(?:formula|formulas|inhalador|inhaladores|medicamento|medicamentos|remedio|remedios|examen|examenes|resultado|resultados|orden|ordenes|incapacidad|certificado|certificados|carnet|historia|tarjeta|jarabe|gotas|pastillas|lentes|gafas)$/;

/** Before the member's own name, words that speak of her rather than name her as the patient: "dice Laura", "a nombre de Laura". */
const THIRD_PERSON_BEFORE = /\b(dice|dijo|pregunto a|pregunte a|parte de|nombre de|mando|manda|porque|que|cuando|si)$/;
/** Before a name, a signature: "atte. Jorge", "atentamente su esposo Jorge". */
/** Asking or telling someone: "le pregunto a Jorge", "ya le aviso a Sofi". */
const ASKED_OR_TOLD = /^(pregunto|pregunte|preguntare|preguntarle|preguntamos|digo|dije|aviso|avise|avisarle|comento|consulto)$/;
const SIGNED = /\b(atte|att|atentamente)( su)?( \w+)?$/;
/** After a name, what they are doing, not how they are: "Sofi entra tarde", "Mateo sale del colegio". */
const DOING: ReadonlySet<string> = new Set(['estudia', 'entra', 'sale', 'llega', 'juega', 'duerme', 'trabaja', 'esta hablando', 'habla']);
/** After someone named at an answer, what they do, where they are or what they say: no cita asked for them. */
const NOT_ASKED_FOR_AFTER =
  /^(?:esta|anda) (?:jugando|aqui|aca|conmigo|dormid[oa]|viendo|durmiendo|haciendo)\b|^(?:dice|manda|le manda|les manda) (?:gracias|saludos|besos|que gracias)\b|^(?:la|lo|los|las) (?:puede|puedo|podria|va a|iba a) (?:llevar|traer|acompanar|recoger)\b/;
/** Questions answered by yes or no. */
const YES_NO_QUESTIONS: ReadonlySet<Question> = new Set(['confirm', 'offer', 'consent']);
/** After a name, what is said to a child in the room: "Mateo, deje eso", "Sofi, venga". */
const TOLD_TO_A_CHILD: ReadonlySet<string> = new Set([
  'deje',
  'deja',
  'venga',
  'ven',
  'quieto',
  'quieta',
  'quedese',
  'quedate',
  'estese',
  'estate',
  'sientese',
  'sientate',
  'suelte',
  'suelta',
  'callese',
  'callate',
  'bajese',
  'bajate',
  // ("Eso era todo, gracias. Mateo, salude a la señorita": the child told to greet.)
  'salude',
  'saluda',
  'despidase',
  'despidete',
  // ("General. Sofi, espéreme un momentico que estoy escribiendo": the child asked to wait.)
  'espereme',
  'esperame',
  'esperate',
  'aguanteme',
  'aguantame',
]);
/** Before someone, where they are taken or seen: "(Kennedy, que es) donde llevamos a (la niña)", "donde atienden a (Mateo)". */
const WHERE_THEY_GO =
  /\b(?:donde|adonde) (?:siempre )?(?:la |lo |los |las |le |les )?(?:llevo|llevamos|lleva|llevan|atienden|ven|ve|revisan|vacunan)(?: siempre)?(?: a)?(?: la| el| los| las| mi| mis)?$/;
/** After "yo tengo", a doubt rather than a cita held: "(yo tengo) eso como en el aire", "la duda", "ni idea". */
const DOUBT_HELD = /^(?:eso|esa|esto) (?:como|medio|en el aire|en duda|confundid\w*|revuelt\w*)\b|^(?:la|una|esa) duda\b|^ni idea\b/;
/** After "yo tengo", what ails the member: "(yo tengo) un dolor en la rodilla", "fiebre". */
const OWN_COMPLAINT = /^(?:un |una |mucho |mucha )?(?:dolor|fiebre|gripa|tos|ardor|molestia|problema)\b/;
/** After someone, what they have that day, which keeps them from a cita: "(Sofi) ese día tiene el paseo del colegio". */
const BUSY_THAT_DAY =
  /^(?:ese dia|esa semana|ese lunes|ese martes|ese miercoles|ese jueves|ese viernes|el lunes|el martes|el miercoles|el jueves|el viernes|hoy|manana) (?:tiene|tienen|tenia) (?:el |la |un |una |su )?(?:paseo|izada|examen|examenes|evaluaciones|reunion|cumpleanos|natacion|partido|presentacion|evaluacion|salida|clase|clases|colegio|jardin|terapia|terapias|entrenamiento|ensayo|futbol|danzas|ballet)\b/;
/** Before "a" and a name, looking after a child (not taking them to the doctor): "me cuida a Sofía", "recoger a Mateo". */
const LOOKING_AFTER: ReadonlySet<string> = new Set([
  'cuida',
  'cuide',
  'cuido',
  'cuidar',
  'cuiden',
  'recoger',
  'recojo',
  'recoge',
  'buscar',
  'busco',
  'dejar',
  'dejo',
  'deje',
  'dejamos',
]);
/** Before "de" and a name, things of theirs that say where or how, not who the patient is: "el colegio de Mateo", "el cel de Laura". */
const THEIR_THING: ReadonlySet<string> = new Set([
  'colegio',
  'escuela',
  'jardin',
  'casa',
  'trabajo',
  'oficina',
  'guarderia',
  'cel',
  'celular',
  'telefono',
  'numero',
  'whatsapp',
  'correo',
  // "Ese día es el grado de Mateo", "el cumpleaños de Sofía": their day, the reason, not the cita.
  'grado',
  'graduacion',
  'cumpleanos',
  'cumple',
  'fiesta',
  'comunion',
  'presentacion',
  'bandera',
  // ("Ese día es la presentación de danzas de Mateo", "el partido de Mateo": likewise.)
  'partido',
  'izada',
  'entrenamiento',
  'ensayo',
  'danzas',
  'danza',
  'ballet',
  'futbol',
  'natacion',
]);
/** Of `THEIR_THING`, the places and days of someone's, which a relative before them belongs to too ("el colegio de mi hijo"). */
const THEIR_PLACE_OR_DAY: ReadonlySet<string> = new Set([...THEIR_THING].filter((thing) => !/^(?:cel|celular|telefono|numero|whatsapp|correo)$/.test(thing)));
/** Whether a place or a day of someone's and "de" come before the words at `start`, a possessive or article between ("el colegio de mi hijo"). */
function theirPlaceOrDayBefore(words: readonly string[], start: number): boolean {
  let at = start - 1;
  while (at >= 0 && start - at <= 2 && /^(?:mi|mis|su|sus|la|el|los|las)$/.test(words[at] ?? '')) at--;
  return (words[at] === 'de' || words[at] === 'del') && THEIR_PLACE_OR_DAY.has(words[at - 1] ?? '');
}
/** What a member says of a document or date as their own ("la mía", "soy yo"), not of a patient. */
const OWN_DOCUMENT: ReadonlySet<string> = new Set(['mia', 'mias', 'mios', 'es mia', 'la mia', 'las mias', 'soy yo', 'yo', 'y la mia']);
/** A capitalised word that does not open a sentence: "es para Sofía", "mi hijo Juan". */
const CAPITALISED = /(?<![.!?¿¡]\s*|^\s*)\b\p{Lu}\p{Ll}{2,}/gu;
const HAS_CAPITAL = /\p{Lu}/u;
/** Before "de" and a relative, words whose relative is the patient: "la cita de mi esposo", "la de mi mamá". */
const APPOINTMENT_OF: ReadonlySet<string> = new Set(['cita', 'citas', 'consulta', 'control', 'la', 'el', 'las', 'los', 'orden', 'turno']);
/** Weekdays, after which "de mi esposa" says whose appointment that day is: "la del miércoles de mi esposa". */
const WEEKDAY_WORDS: ReadonlySet<string> = new Set(['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado']);
/** Titles said before a name: "don Hernando", "doña Gloria", "el señor Jorge". */
const HONORIFICS: ReadonlySet<string> = new Set(['don', 'dona', 'sr', 'sra', 'senor', 'senora', 'misia', 'mister']);
/** Between a relative and a name: "la vecina doña Gloria". */
const TITLES: ReadonlySet<string> = new Set([...HONORIFICS, 'la', 'el']);
/** After a relative, what makes them the one who needs the cita: "mi mamá necesita", "mi esposo está enfermo". */
const NEEDS_CARE =
  /^(?:(?:la|el) (?:que|q) )?(?:quiere|queria|pide|pidio) (?:una |otra |su )?(?:cita|consulta)\b|^(?:(?:la|el) (?:que|q) )?(necesita|amanecio|(esta|anda|sigue) (enferm|mal|malit|malu|con|muy)|tiene (fiebre|dolor|gripa|tos|vomito|diarrea|varicela|una cita|cita|control)|tenia (una |la |su )?(cita|consulta|control)|se (siente|cayo|enfermo|golpeo|puso))/;
/** Before a relative, words that make the relative the writer: "como mamá de", "le escribe la mamá de". */
const SPEAKER_BEFORE: ReadonlySet<string> = new Set(['como', 'escribe', 'habla', 'saluda']);
/** Before a name, words that give it: "se llama Valentina", "de nombre Samuel". */
const CALLED: ReadonlySet<string> = new Set(['llama', 'llamado', 'llamada', 'nombre']);
/** After a patient, words that leave their appointment alone: "la de Mateo queda igual", "la de Sofía sí la necesito" (not "la
 * del niño la necesito cancelar"). */
const LEFT_AS_IT_IS =
  /^(?:si )?(?:dejela|dejelo|dejemela|dejala|dejalo|dejenla|dejenlo|dejemosla|dejemoslo)(?: (?:pues|mija|mijo|porfa|por favor|senorita|asi))*$|^(?:si )?(?:la|lo|las|los) (?:necesito|necesita|necesitamos|necesitan|vamos a usar|voy a usar)\b(?! (?:cancelar|mover|reprogramar|cambiar|pasar|correr|aplazar|adelantar|anular|quitar)\b)|^(?:esa|ese) si (?:la|lo) (?:necesito|necesita|necesitamos|necesitan|dejo|dejamos)\b|^no$|^no (me |se )?(la|lo) (se|sabe)\b|^(?:(?:el|la) \w+ )?(?:esta|anda|sigue|estan|andan|siguen) (?:muy |perfectamente |super )?bien\b|^no tiene(?:n)? nada\b|^no (?:necesita|necesitan|requiere|requieren) (?:nada|cita|citas)\b|^(?:ya )?(?:tiene|tienen) (?:sus|las|su|la) (?:citas?|controles?) al dia\b|^ya (?:tiene|tienen) (?:su |la |sus |las )?controles?\b|^(?:solo )?(?:me|nos) (?:acompanan|acompana)\b|^(?:se )?(?:(?:lo|la|las|los) )?(?:hacemos|vemos|miramos|sacamos|pedimos|saco|pido|hago|agendo|agendamos) (?:despues|luego|apenas|mas tarde|otro dia|ahorita|en un rato)\b|^(?:si )?(?:puede|pueden|podemos|puedo) esperar\b|^(?:(?:por ahora|gracias a dios|todavia|ya|de momento|por el momento) )+(?:esta|estan|anda|andan|sigue|siguen) (?:muy |perfectamente |super )?bien\b|^no,? (?:el|ella|ellos|ellas) (?:ya )?(?:esta|estan|anda|andan|sigue|siguen) (?:muy |perfectamente |super )?bien\b|^ya (?:tuvo|tuvieron) (?:la|su|sus|el)\b|^(?:la|lo) (?:saco|pido|sacamos|pedimos|hago) (?:por|con) (?:mi |la |el |otra |otro )?(?:eps|otro lado|particular|prepagada|medicina prepagada|sisben)\b|^ya (?:le|les) (?:consiguio|consiguieron|saco|sacaron|pidio|pidieron) (?:un|una|otro|otra|la|el|cita)\b|^(?:no,? )?(?:a (?:el|ella) )?(?:por lo menos |al menos )?ya (?:le|les|lo|la|se) (?:hicieron|vieron|atendieron|revisaron|pusieron|tomo|tomaron)\b|^(?:ya )?se fueron\b|^(?:a el |a ella )?le toca (?:el|la|su)\b.*\b(?:en (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|todavia no)\b|^(?:ahorita|en un rato)\W*$|^si (?:la|lo|las|los) (?:dejo|dejamos)\b(?! (?:para|pa|pal|en|a las|el)\b)|^ya (?:tiene|tienen)(?: la suya| la de el| la de ella)?$|^(?:esta|estan) (?:en|con|afiliad[ao]s? a) otra eps\b|^(?:va |iria |seria |la saco |la sacamos |la pido )?(?:despues|luego|mas tarde|otro dia|pa despues|para despues)\W*$|^fue (?:el|la|hace|ayer|antier|anoche|en)\b|^ya (la|lo|las|los) (saque|sacamos|saco|sacaron|pedi|pidio|pidieron|agende|agendamos|agendo|agendaron)\b|^(ya )?estan bien\b|^ya esta bien\b|^ya (tiene|tienen) (su |la |sus |las )?citas?\b|^ya (tiene|tienen) (la|las|su|sus) de (el|ella|ellos|ellas)\b|^ya (tiene|tienen) (la|las) suyas?\b|^ya (tiene|tienen) (la|las|su|sus|una) (cita |citas )?(de|del) (pediatria|pediatra|medicina|general|control|medico)\b|^ya (fue|fueron|la vieron|lo vieron|los vieron|la atendieron|lo atendieron)\b|^(queda|quedan|se queda|sigue|siguen) (igual|como esta|asi)\b|^no (la|lo|se la) (toque|cancele|mueva|cambie)\b|^(?:si )?(?:me |nos |se )?(la|lo) (dejo|deja|deje|dejan|dejen|dejamos) (igual|asi|como esta|quiet[ao])\b|^(?:dejela|dejelo|dejemela|dejemelo|dejala|dejalo|dejenla|dejenlo) (?:quiet[ao]|igual|asi|como esta|tranquil[ao])\b|^(?:si )?(?:(?:la|lo|las|los) )?(dejo|dejamos)(?: (?:quiet[ao]s?|para despues|pa despues|para luego|pa luego))?$|^ya (la|lo|las|los) (cancele|cancelamos|cancelo|cancelaron|movi|movimos|cambie|reprograme|reprogramamos)\b|^ya (esta|estan)\b(?! (enferm|mal|malit|con|muy|peor))/;

/** A cita cancelled or moved: "cancelo", "la puedo cambiar", "moverla", "reprogramar". */
const CANCELS_OR_MOVES = /\b(?:cancel\w*|anul\w*|cambi\w*|mover\w*|muev\w*|reprogram\w*|aplaz\w*|correr\w*|corra\w*)\b/;
/** Before a name, something of theirs that tells a story: "la entrega de boletines de Mateo", "el cumpleaños de Sofi". */
const STORY_EVENT_BEFORE =
  /\b(?:entrega|reunion|cumpleanos|boletines|boletin|izada|presentacion|partido|clase|clases|evento|grado|fiesta|salida|paseo|examen|examenes|izada de bandera) de$/;

/** After someone, whether they have a cita: "(mi esposa) tiene alguna cita", "(mi mamá) tiene cita pendiente". */
/** The first words `HAS_A_CITA` can start with (a word holds no space): the expression is tried only after one. */
const HAS_A_CITA_FIRST: ReadonlySet<string> = new Set(['tiene', 'tenia', 'tendra']);
/** The first words of someone well again ("ya se siente mejor", "está aliviada"), read after a name while booking. */
const WELL_AGAIN_FIRST: ReadonlySet<string> = new Set(['ya', 'se', 'esta', 'amanecio', 'sigue', 'anda']);
/** Someone telling of another: "Jorge dice que lo escuchó…". */
const TELLING: ReadonlySet<string> = new Set(['dice', 'dijo', 'cuenta', 'conto', 'piensa', 'cree']);
const HAS_A_CITA =
  /^(?:tiene|tenia|tendra) (?:alguna |algunas |una |otra )?(?:cita|citas|consulta)\b|^(?:tiene|tenia|tendra) (?:alguna|algunas|algo pendiente|pendientes?)\b(?! (?:que|de|cosa|idea|vez)\b)/;

/** A document the writer holds, told where the member is identified: "(yo) tengo es la cédula normal", "tengo cédula". */
const DOCUMENT_HELD = /^(?:(?:tengo|tenia|uso|saque) )?(?:es )?(?:la |el |mi |una |un |solo )?(?:cedula|cc|documento|tarjeta|registro|pasaporte|contrasena|permiso|ce|pt|ti)\b/;

/** After "yo tengo": the children, looked after by the member ("…que yo tengo los niños en la mañana"). */
const LOOKING_AFTER_THEM = /^(a )?(los|las|mis) (ninos|ninas|hijos|hijas|nietos|pelados|chinos)\b/;
/** Before "a mí" or "a Jorge", words that make them the one told of the cita: "que me avisen a mí", "que le llegue el recordatorio a Jorge". */
const NOTIFIED_BEFORE =
  /\b(?:avisen|avise|avisan|llamen|llame|llegue|lleguen|llega|manden|mande|envien|envie|escriban|notifiquen|recordatorio|recordatorios|mensaje|mensajes|correo)(?: (?:el|la|los|las|un|una|me|le|nos|les|mensaje|recordatorio|correo|aviso))*$/;
/** After "yo tengo": the member takes someone ("yo tengo que llevar a Mateo al control"). */
const TAKING_WITH = /^(que|q) (llevar|llevarlo|llevarla|acompanar|acompanarlo|acompanarla|traer|traerlo|traerla|ir con)\b/;

/** After someone the member is with, the cita asked for them: "… y necesito sacarle una cita", "… y quiero una cita para él". */
const CITA_FOR_THEM =
  /^(?:\w+ )?(?:y|e) (?:necesito|quiero|quisiera|vengo a|voy a) (?:sacarle|pedirle|agendarle|sacar(?:le)? una cita para (?:el|ella)|una cita para (?:el|ella)|cita para (?:el|ella))\b/;

/** The writer at a clinic site: "estoy en la USS Kennedy", "estoy aquí en la sede de Chía". */
export const AT_A_SITE =
  /\b(?:estoy|estamos) (?:aqui |aca )?en (?:la )?(?:sede|uss|clinica|hospital|puesto|kennedy|suba|chia|fontibon|calle|autopista|primero de mayo|facatativa)\b/;
/** After someone the member is with at a site, what they need: "…tiene fiebre", "…¿lo pueden ver hoy?", "…le toca control". */
export const BROUGHT_IN_NEED =
  /\b(?:tiene fiebre|fiebre|enferm\w*|necesita|le toca|(?:lo|la|los|las) (?:pueden|puede|podrian|podria) (?:ver|atender|revisar)|esta (?:muy )?(?:mareada|mareado|malita|malito|mal)|se (?:cayo|golpeo|siente mal))\b/;

/** Words of a request about a cita: without one, the children named to say who writes are no patient. */
const ASKS_SOMETHING_OF_A_CITA =
  /\b(cita|citas|consulta|consultas|control|turno|medico|pediatra|pediatria|cancel\w*|anul\w*|mover|muev\w*|reprogram\w*|cambi\w*|agend\w*|sac\w*|pedir|pido|necesit\w*|enferm\w*|fiebre|tos|gripa)\b/;

/** Taking or going with someone, with the pronoun joined: "llevarla", "acompañarme", "traerlo". */
const TAKING_SOMEONE = /^(llevar|acompanar|traer|recoger)(la|lo|las|los|me|nos|le)$/;

/** The words of a terse request a name may stand beside: "cita pediatría Sofía", "Mateo control". */
const CITA_WORDS: ReadonlySet<string> = new Set(['cita', 'citas', 'consulta', 'control', 'pediatria', 'pediatra', 'general']);

/** What "de niños" after it names as a service: "la de niños", "el médico de niños". */
const CHILDREN_SERVICE: ReadonlySet<string> = new Set(['la', 'medico', 'medica', 'doctor', 'doctora', 'cita', 'consulta', 'especialista']);

/** Words that take back what was just said: "mentiras", "perdón", "mejor dicho", "me equivoqué". */
const TAKING_BACK: ReadonlySet<string> = new Set([
  'mentiras',
  'mentira',
  'perdon',
  'corrijo',
  'equivoque',
  'dicho',
  'mejor',
  'espere',
  'espera',
  'esperate',
  'pensandolo',
  'pienso',
]);

/**
 * Words that lead up to someone whose doctor or site is meant, not a patient: "el mismo doctor que atendió a la niña", "la
 * doctora que vio a Sofía", "en la misma que la de Sofía", "igual que el de Mateo".
 */
const THEIR_DOCTOR_OR_SITE =
  /\b(?:doctor|doctora|medico|medica|pediatra|dr|dra|mismo|misma|senor|senora|que|el|la) (?:que|q) (?:(?:le|lo|la|los|las|nos) )?(?:vio|atendio|atiende|ve|reviso|revisa|trato|trata|vieron|atendieron|atendia|veia)(?: (?:a|al))?(?: (?:la|el|mi|mis|los|las))?$|\b(?:mism[oa]|igual)(?: (?:sede|lugar|sitio|parte|clinica|consultorio|doctor|doctora|medico|medica|pediatra))? (?:que|q|como) (?:(?:la|el|lo) )?(?:de|del|d)(?: (?:la|el|mi|mis))?$|\b(?:donde|onde) (?:(?:le|me) (?:sacamos|saque|sacaron|dieron) )?(?:la|el) (?:cita )?(?:de|del)(?: (?:la|el|mi))?$/;

/** After a name, what the one named remembers or believes: "Laura dice que era un doctor", "Jorge cree que fue en Suba". */
/** A cita cancelled or moved, named without whose it is ("cancelar la cita del miércoles", "mover mi cita"). */
const OWN_CITA_CANCELLED_OR_MOVED =
  /\b(?:cancel\w*|anul\w*|mover\w*|muev\w*|pasar\w*|correr\w*|corr[ae]\w*|reprogram\w*|cambiar\w*)\b(?: \w+){0,3} (?:la|mi) (?:cita|consulta)\b(?! (?:de|del) (?:mi|la|el|su|mis) )/;
/** After someone, what happened to them that is a reason: "(mi mamá) se enfermó", "(mi esposo) está hospitalizado". */
const STORY_OF_SOMEONE_AFTER =
  /^(?:se (?:enfermo|cayo|murio|puso mal|fracturo|accidento|opero|agravo)|esta (?:enferm[oa]|hospitalizad[oa]|muy mal|malit[oa]|en el hospital|en la clinica)|(?:la|lo) (?:tengo|tenemos|toca) (?:que )?(?:cuidar|llevar|acompanar))\b/;
/** After whose cita, that it is done already: "(la de Sofi) ya quedó", "(la de los niños) ya la tengo". */
const ALREADY_DONE_AFTER =
  /^(?:ninos |ninas |hijos )?ya (?:quedo|quedaron|esta lista|estan listas|esta agendada|estan agendadas|(?:la|las) (?:tengo|tenemos|saque|sacamos|pedi|pedimos|agende|agendamos))\b/;
/** Before someone, where they live or work: "(…Facatativá, que es) donde vive (mi mamá)", "cerca de donde trabaja (mi esposo)". */
const WHERE_THEY_LIVE_BEFORE = /\b(?:donde|onde|adonde) (?:vive|viven|vivia|trabaja|trabajan|se queda|se quedan|esta|estan)(?: (?:mi|la|el|su|mis|los))?$/;
/** Before relations, which of them asked: "(¿a) cuál de mis dos hijos (es que se la saqué?)". */
const WHICH_OF_THEM = /\bcual(?:es)? de (?:mis|los|las|sus)(?: dos)?$/;
/** A sentence that takes in what Lina said before asking something else: "ah ok, es de (Mateo). Y mi cita…". */
const TAKEN_IN = /^(?:a+h+ |aja )?(?:ok|okey|oki|bueno|listo|ya|vale|claro)(?: (?:entonces|ya))? (?:es|era) (?:la |el )?(?:de|del|para|pa)(?: la| el)?$/;
/** After a child, where they are taken from or stay, not a cita: "(sacar al niño) temprano del colegio", "(el niño) se está quedando conmigo". */
const SCHOOL_OR_STAY =
  /^(?:(?:temprano|antes|mas temprano) )?(?:del|de la) (?:colegio|jardin|escuela|guarderia|salon|clase|clases)\b|^se (?:esta |va a )?(?:queda|quedando|quedar) (?:conmigo|con nosotros|con la abuela|con el papa|donde)\b|^(?:esta|anda|sigue|va a estar) (?:en (?:el |la )?)(?:colegio|jardin|escuela|guarderia|clase|clases)\b|^tiene (?:clase|clases|colegio|jardin)\b/;
/** Before someone, who has them in their care: "(en la mañana ella) tiene a (los niños)". */
const HAS_THEM = /\b(?:tiene|tengo|tenemos|tienen) a(?: los| las| la| el| mis| sus| mi)?$/;
/** The writer's own cita, cancelled or moved: "(…mi mamá se cayó…) quiero cancelar la cita mía". */
const OWN_CITA_ACTED_ON =
  /\b(?:cancel|anul|quit|mov|muev|pas|cambi|corr|reprogram|aplaz)\w* (?:la |mi )?(?:(?:cita|consulta) mia|mi (?:cita|consulta)|la mia)\b(?!,? (?:y|e|ni|o) )/;
/** A question about the writer's own cita: "y mi cita (¿sigue…?)", "¿y la mía?". */
const OWN_CITA_ASKED = /\b(?:mi|mis) (?:cita|citas|consulta|consultas)\b|\b(?:la|las) mias?\b/;
/** After someone, that they are the member: "(para mi hermana,) ella es la afiliada". */
const IS_THE_MEMBER = /^(?:que )?(?:ella|el) (?:es|sera) (?:la|el) (?:afiliad[ao]|titular|cotizante|usuari[ao])\b/;
const RECALLS_A_FACT = /^(?:dice|dijo|decia|cree|creia|piensa|opina|recuerda|se acuerda) (?:que|q) (?:era|es|fue|seria|estaba|quedaba|queda)\b/;

/**
 * Words that lead up to a person whose appointment's time is meant, not a patient: "a la misma
 * hora de Mateito", "al mismo horario que la cita de mi hijo".
 */
const SAME_TIME_AS = /\b(mism[oa]|igual) (hora|horario)( (de|que|q|como|a))+( (la|el|su|sus|cita|consulta|de|del|mi|mis))*$/;

/** Who a message names: the patients, and the person whose appointment's time it asks for, if any. */
export interface PeopleNamed {
  patients: PatientMention[];
  timeOf?: PatientMention;
  /** Someone other than the member who says, in this message, that they write (see `Entities.writer`). */
  writer?: string;
}

/** The patients a message names, each name as the member wrote it, and whose appointment's time it refers to. */
export function readPatientMentions(
  reading: Reading,
  message: Message,
  question: Question,
  options: readonly ShownOption[],
  people: readonly string[],
  writerSaid?: string,
): PeopleNamed {
  const { read, normalized, original, words } = message;
  const capitalised = new Set<string>();
  if (HAS_CAPITAL.test(read)) for (const match of read.matchAll(CAPITALISED)) capitalised.add(normalizeMessage(match[0]));
  const writer = writerIn(words.join(' '));
  let clauses: number[] | undefined;
  const clausesOfWords = () => (clauses ??= clausesOf(normalized, original));
  // ("Para mí mija": the accent says "mí", the member, and "mija" is how Lina is called.)
  const miWritten = read.includes('mij') && /(?:^|[^\p{L}])m[íÍ],?\s+mij/u.test(read);
  let sentences: number[] | undefined;
  const sentencesOfWords = () => (sentences ??= sentencesOf(normalized, original));
  const named = readPatients(
    reading,
    original,
    words,
    question,
    options,
    people,
    capitalised,
    clausesOfWords,
    sentencesOfWords,
    writer ?? writerSaid,
    normalized.includes('?'),
    miWritten,
  );
  const written = (mention: PatientMention) => (mention.kind === 'name' ? withWrittenForm(mention, read) : mention);
  return { patients: named.patients.map(written), ...(named.timeOf ? { timeOf: written(named.timeOf) } : {}), ...(writer ? { writer } : {}) };
}

/**
 * A word looked up among the lexicon's first names (hundreds, each compared by sound): the same
 * words come back message after message, so each is looked up once per set of names.
 */
interface FirstNameLookups {
  /** The first name the word begins ("mate" of "mateo"), at most two letters short. */
  prefixedBy(word: string): string | undefined;
  /** The first name the word is, as spelt or as it sounds. */
  as(word: string): string | undefined;
}
const firstNameLookups = new WeakMap<ReadonlySet<string>, FirstNameLookups>();
const FIRST_NAME_LOOKUPS_KEPT = 20_000;

function firstNamesOf(firstNames: ReadonlySet<string>): FirstNameLookups {
  let lookups = firstNameLookups.get(firstNames);
  if (lookups === undefined) {
    const remembered = (find: (word: string) => string | undefined) => {
      const found = new Map<string, string | undefined>();
      return (word: string): string | undefined => {
        if (found.has(word)) return found.get(word);
        const name = find(word);
        if (found.size >= FIRST_NAME_LOOKUPS_KEPT) found.clear();
        found.set(word, name);
        return name;
      };
    };
    lookups = {
      prefixedBy: remembered((word) => {
        for (const name of firstNames) if (name.startsWith(word) && name.length - word.length <= 2) return name;
        return undefined;
      }),
      as: remembered((word) => {
        for (const name of firstNames) if (sameName(word, name)) return name;
        return undefined;
      }),
    };
    firstNameLookups.set(firstNames, lookups);
  }
  return lookups;
}

/**
 * Who the member names: themself ("para mí", never "para mi hija"), relations ("mi hijo",
 * "la niña"), first names ("para Sofía", "mi hijo Mateo", or a name of the member's family
 * anywhere). A mention denied in its clause ("no es para mí, es para mi hijo") gives way to
 * the others.
 */
function readPatients(
  reading: Reading,
  original: readonly string[],
  words: readonly string[],
  question: Question,
  options: readonly ShownOption[],
  people: readonly string[],
  capitalised: ReadonlySet<string>,
  clausesOfWords: () => readonly number[],
  sentencesOfWords: () => readonly number[],
  writer: string | undefined,
  asking = false,
  miWritten = false,
): PeopleNamed {
  const { lexicon, names, commonFirstName, mayBeName } = reading;
  // "Mándelo al de Sofi: sofi.gomez@gmail.com": at the e-mail question, a person says whose address it is.
  if (question === 'email' && !/\bcita\b/.test(words.join(' '))) return { patients: [] };
  let clauses: readonly number[] | undefined;
  /** `weak`: named only to say who the writer is ("soy la mamá de Sofía y Mateo"); it gives way to a patient named for the cita. */
  const mentions: Array<{ mention: PatientMention; at: number; denied: boolean; weak?: boolean; timeOf?: boolean; spoken?: boolean; alsoAt?: number[] }> = [];
  const whole = words.join(' ');
  // The first of `people` is the member; common first names help before anyone is identified.
  const self = people[0];
  const known = [...people, ...(question === 'patient' ? namesInOptions(options) : [])];
  /** A first name the word begins ("mate" of "mateo"): cut short, not another person. */
  const namePrefixedBy = (word: string): string | undefined => (word.length < 4 ? undefined : firstNamesOf(lexicon.firstNames).prefixedBy(word));
  // ("Hernando" is Hernando, not the "Fernando" one letter away.)
  const firstNameAs = (word: string): string | undefined => (lexicon.firstNames.has(word) ? word : firstNamesOf(lexicon.firstNames).as(word));
  let doctors: ReadonlySet<string> | undefined;
  const doctorsShown = () => (doctors ??= new Set(options.flatMap(doctorWordsOf)));
  // (Asked of the same few words again and again, word by word: what each was is kept for this message.)
  const knownOrCommonRead = new Map<string, boolean>();
  const knownOrCommon = (word: string): boolean => {
    let found = knownOrCommonRead.get(word);
    if (found === undefined) {
      found = known.some((name) => sameName(word, name)) || commonFirstName(word) !== undefined || namePrefixedBy(word) !== undefined;
      knownOrCommonRead.set(word, found);
    }
    return found;
  };
  /** "no es para mí", "no para los niños": a "no" up to three small words before the mention. */
  const deniedAt = (index: number) => {
    // "La de Mateo queda igual", "la de Sofía no la toque": kept as it is, not the one meant.
    // ("Para mí, el niño ya está bien": the words of the relation are skipped within the mention's clause only; the
    // next clause speaks of someone else.)
    let next = index + 1;
    while (
      next < words.length &&
      (lexicon.relationWords.has(words[next] ?? '') || ['el', 'la', 'los', 'las'].includes(words[next] ?? '')) &&
      clausesOfWords()[next] === clausesOfWords()[index]
    )
      next++;
    // ("Mis hijos, gracias a Dios, están bien": a blessing between them and what is said of them.)
    const saidOfThem = original
      .slice(next, next + 8)
      .join(' ')
      .replace(/^(gracias a dios|a dios gracias|bendito sea dios|por suerte|por fortuna) /, '');
    // ("¿Y la de Mateo sigue igual, cierto?": whether it stands, asked; the one asked about.)
    const askedIfSame =
      (asking || /\b(cierto|verdad)\b/.test(saidOfThem)) &&
      /^(?:si )?(?:sigue|siguen|queda|quedan|esta|estan|continua) (?:igual|en pie|como estaba|vigente)\b|^(?:si )?ya (?:tiene|tienen) (?:alguna |una |su |sus |la |las )?citas?\W*$/.test(
        saidOfThem,
      );
    // ("Cancele la de pediatría de la niña, ya está aliviada": whose cita is cancelled, and why.)
    const cancelledAsWell = /^ya (?:esta|estan)\b/.test(saidOfThem) && /\b(?:cancel|anul)\w*/.test(words.slice(0, index).join(' '));
    // ("La niña, el niño está bien": what the next clause says of someone else is not said of them.)
    const ofSomeoneElse = clausesOfWords()[next] !== clausesOfWords()[index] && /^(?:el|la|los|las|mi|mis) /.test(saidOfThem);
    // ("¿Y Mateo no tiene nada?" at the menu: whether he has citas, asked; not that he is well.)
    // ("¿Y Teo no tiene nada agendado? Juraba que sí": the question ends its clause.)
    const saidInClause = original
      .slice(next, next + 8)
      .filter((_, offset) => clausesOfWords()[next + offset] === clausesOfWords()[next])
      .join(' ');
    // ("¿Y Mateo no tiene ninguna pendiente?" likewise, also where the citas are listed.)
    const askedIfNone =
      (question === 'menu' || question === 'start' || question === 'appointment') &&
      asking &&
      /^no (?:tiene|tienen) (?:nada|ninguna|ninguna cita|ningun control|citas)(?: (?:agendad\w*|pendiente\w*|programad\w*))?$/.test(
        saidOfThem.startsWith(saidInClause) ? saidInClause : saidOfThem,
      );
    if (LEFT_AS_IT_IS.test(saidOfThem) && !askedIfSame && !cancelledAsWell && !ofSomeoneElse && !askedIfNone) return true;
    // "Sofi, Mateo está en el colegio" to "¿Para quién?": where he is, not for whom (elsewhere, "Mateo está en el colegio"
    // given as a reason keeps him, as the corpus labels it).
    if (question === 'patient' && /^(esta|anda|estan|andan) en (el |la )?(colegio|jardin|escuela|clase|clases|trabajo|natacion)\b/.test(original.slice(next, next + 5).join(' ')))
      return true;
    // ("¿No hay más tarde? A las 2 el niño todavía está en clase" at the slots: where he is then, the reason for the time.)
    if (
      ['slot', 'day', 'band', 'offer', 'confirm'].includes(question) &&
      /^(?:todavia|aun) (?:esta|anda|sigue|estan|andan|siguen) en (?:el |la )?(?:colegio|jardin|escuela|clase|clases|natacion|terapia)\b/.test(
        original.slice(next, next + 6).join(' '),
      )
    )
      return true;
    // "Si no se puede para mí, entonces para mi nieta": the one it cannot be for.
    // ("Ah, no se puede para mí; bueno, entonces para la niña": the same, said after Lina's answer.)
    const cannot = /\b(si no|no) (se puede|hay|alcanza|es posible|sale|se pudo)( (para|pa|pal|a))? (el |la )?$/.exec(`${words.slice(Math.max(0, index - 7), index).join(' ')} `);
    if (cannot && (cannot[1] === 'si no' || /\b(entonces|mejor|bueno) (para|pa|pal)\b/.test(words.slice(index + 1).join(' ')))) return true;
    // ("La del viernes no me toca a mí, ¿cierto?": the one it is not for.)
    if (/\bno (?:me|le|nos|les) (?:toca|corresponde|pertenece) (?:a )?$/.test(`${words.slice(Math.max(0, index - 5), index).join(' ')} `)) return true;
    // ("La de hoy a las 2 para Mateo, y ojalá me guarde la que sigue pa la niña": one left for later, wished for.)
    if (
      /\bojala (?:me |le |nos )?(?:guarde|guarden|separe|separen|aparte|aparten|deje|dejen|reserve|reserven)\b[a-z ]{0,30}\b(?:pa|para|pal) (?:la |el |mi )?$/.test(
        `${words.slice(Math.max(0, index - 10), index).join(' ')} `,
      )
    )
      return true;
    // ("Mejor primero la de Mateo…, a Sofi la llevo mañana": the other taken later.)
    if (
      /\bprimero\b/.test(words.slice(0, index).join(' ')) &&
      /^(?:la|lo|los|las) (?:llevo|llevamos|traigo|traemos|hago|hacemos|saco|sacamos) (?:manana|despues|luego|otro dia|la otra semana|mas tarde|el (?:lunes|martes|miercoles|jueves|viernes|sabado))\b/.test(
        words.slice(index + 1, index + 6).join(' '),
      )
    )
      return true;
    // "Primero Mateo, después hacemos la de la chiquita": one left for later.
    // (At a confirmation, "confírmela y luego hacemos la de la niña" is the next one asked for, read as such; "después le saco la
    // de Mateo" is one the member leaves for later.)
    if (
      !(
        (question === 'confirm' || question === 'offer') &&
        /\b(?:despues|luego|ahora) (?:hacemos|sacamos|pedimos|seguimos|vamos|agendamos)\b/.test(words.slice(Math.max(0, index - 7), index).join(' '))
      ) &&
      /\b(despues|luego|otro dia|mas tarde|ahorita|en un rato|ahora)( (le|les|me|nos))? (hacemos|sacamos|pedimos|vemos|agendamos|miramos|hago|saco|pido|termino|terminamos|seguimos|sigo)( con)?( (la|el|lo|las|los))?( de)?( (la|el|mi))? $/.test(
        `${words.slice(Math.max(0, index - 7), index).join(' ')} `,
      )
    )
      return true;
    // ("El viernes, el mismo día que Mateo", "la misma de Mateo, Kennedy": someone's cita as the measure, not its patient; the
    // same hour as theirs is `timeOf`.)
    // ("Tarde, que en la mañana estoy allá con Mateo", "ese día tengo que llevar a Mateo a vacunar": someone the member is busy
    // with, given as the reason, where nobody is asked for.)
    if (question !== 'patient' && question !== 'start' && question !== 'menu') {
      const before = `${words.slice(Math.max(0, index - 5), index).join(' ')} `;
      const after = words.slice(index + 1, index + 4).join(' ');
      if (
        /\b(?:(?:estoy|estamos|ando|andamos|estare|estaba)|(?:tengo|tenemos) (?:que|q) estar?|toca estar?) (?:alla |alli |aqui |aca |ocupad[ao] )?con (?:el |la |mi )?$/.test(
          before,
        )
      )
        return true;
      if (
        /\b(?:(?:tengo que|toca|debo|tenemos que|hay que) (?:llevar|recoger|acompanar)|llevo|recojo|acompano|llevamos|recogemos) (?:a )?(?:la |el |mi )?$/.test(before) &&
        /^(?:a|al) (?!(?:la |una |su )?(?:cita|consulta|control|medico|pediatra|doctor|doctora)\b)/.test(after)
      )
        return true;
    }
    // ("A esa hora estoy llevando a Sofi a terapia": someone the member takes elsewhere then, the reason; not "llevando a Sofi al
    // pediatra".)
    if (
      question !== 'patient' &&
      /\b(?:estoy|estamos|ando|andamos|estare|voy a estar) (?:llevando|recogiendo|acompanando|dejando) (?:a )?(?:la |el |mi )?$/.test(
        `${words.slice(Math.max(0, index - 5), index).join(' ')} `,
      ) &&
      /^(?:a|al) (?!(?:la |una |su )?(?:cita|consulta|control|medico|pediatra|doctor|doctora|urgencias)\b)/.test(words.slice(index + 1, index + 4).join(' '))
    )
      return true;
    // ("Esa déjela, que es la de Sofi", "no la cancele que es la de Mateo": the cita left as it is, and whose it is.)
    if (
      /\b(?:dejel[ao]|dejal[ao]|no (?:la|lo) (?:cancele|cancela|mueva|mueve|toque|toca|cambie|cambia))\w* (?:q|que|porque|pq|xq) (?:es|era) (?:la|el) (?:cita |consulta )?(?:d|de|del)? ?$/.test(
        `${words.slice(Math.max(0, index - 8), index).join(' ')} `,
      )
    )
      return true;
    // ("Cancélela, y no me vaya a cancelar la otra, la de mi hija": the cita not to be touched, and whose it is.)
    if (
      /\bno (?:me |se |le )?(?:vaya|valla|vayan|vayas) a (?:cancelar|mover|tocar|cambiar|quitar|borrar)\w*(?: [a-z]+){0,5} $/.test(
        `${words.slice(Math.max(0, index - 9), index).join(' ')} `,
      )
    )
      return true;
    // ("Ya le aviso a mi hija", "le doy el almuerzo a Sofi": someone told, or cared for at that hour, not a patient.)
    if (
      question !== 'patient' &&
      /\b(?:(?:le |les )?(?:aviso|digo|cuento|comento|pregunto|escribo)|(?:le |les )?(?:doy|da|damos|hago|preparo) (?:el |la |los )?(?:almuerzo|desayuno|comida|onces|tetero|bano|tareas)) a (?:mi |la |el |su )?$/.test(
        `${words.slice(Math.max(0, index - 6), index).join(' ')} `,
      )
    )
      return true;
    // ("El papá de los niños ya sacó la cita de Mateo, me falta la de Sofi": his is booked already.)
    if (
      /\bya (?:saco|saque|sacamos|sacaron|pidio|pedi|pedimos|agendo|agende|agendamos|agendaron) (?:la |su )?(?:cita|consulta)(?: de| del)? (?:la |el )?$/.test(
        `${words.slice(Math.max(0, index - 7), index).join(' ')} `,
      )
    )
      return true;
    // ("El viernes, que es cuando tiene la cita Mateo": his cita as the measure of the day; "¿cuándo tiene la cita Sofía?",
    // "¿a qué horas es que tiene la cita Sofía?" ask of hers.)
    if (
      question !== 'patient' &&
      /\b(?:es cuando|es donde|(?:dia|hora|fecha|semana) (?:que|en que|cuando)|(?:sede|clinica|alla|ahi) (?:donde|que|en que)) (?:tiene|tenia) (?:la |su )?(?:cita|consulta) (?:de )?$/.test(
        `${words.slice(Math.max(0, index - 6), index).join(' ')} `,
      )
    )
      return true;
    // ("No, espere, Sofi ese día tiene el paseo del colegio. Solo Mateo": what she has that day, the reason she is left out.)
    if (question !== 'patient' && BUSY_THAT_DAY.test(original.slice(index + 1, index + 8).join(' '))) return true;
    // ("…es que ese día Sofi tiene la salida pedagógica": likewise, the day said first.)
    if (
      question !== 'patient' &&
      // ("El martes no q Mateo tiene partido": the day, what it is not, and why.)
      /\b(?:ese dia|esa semana|hoy|(?<!\b(?:la|por|en) )manana|el (?:lunes|martes|miercoles|jueves|viernes))(?: no)?(?: (?:que|q|porque|pq|xq|es que|ya que))? $/.test(
        `${words.slice(Math.max(0, index - 5), index).join(' ')} `,
      ) &&
      BUSY_THAT_DAY.test(`ese dia ${original.slice(index + 1, index + 7).join(' ')}`)
    )
      return true;
    // ("La misma de Sofi, la del viernes" among the citas: that one, hers.)
    const sameAs =
      /\b(?:el|la|lo) mism[oa]( (?:dia|fecha|sede|lugar|semana|doctor|doctora|medico|medica))?(?: (?:de|del|que|q|como|a))+(?: (?:la|el|su|sus|cita|consulta|mi|mis))* $/.exec(
        `${words.slice(Math.max(0, index - 8), index).join(' ')} `,
      );
    if (sameAs && (sameAs[1] !== undefined || question === 'site' || question === 'day' || question === 'slot' || question === 'band')) return true;
    // ("…y ahorita le pido la de las 2 y 20 para Mateo": his, asked for next.)
    if (
      /\b(?:despues|luego|ahorita|mas tarde) (?:le |les |me |nos )?(?:pido|saco|sacamos|pedimos|agendo|hago)\b(?: [a-z0-9]+){0,7} (?:para|pa|a) $/.test(
        `${words.slice(Math.max(0, index - 11), index).join(' ')} `,
      )
    )
      return true;
    // "No sale mi mamá, entonces pa Sofía": one the list does not show.
    if (/\bno (sale|salio|aparece|aparecio|esta|estaba|figura)( (mi|la|el|su))? $/.test(`${words.slice(Math.max(0, index - 4), index).join(' ')} `)) return true;
    let cursor = index - 1;
    while (
      cursor >= 0 &&
      index - cursor <= 3 &&
      (ARTICLES.has(words[cursor] ?? '') ||
        words[cursor] === 'para' ||
        words[cursor] === 'de' ||
        words[cursor] === 'del' ||
        words[cursor] === 'es' ||
        words[cursor] === 'era' ||
        words[cursor] === 'fue' ||
        words[cursor] === 'pa' ||
        words[cursor] === 'los' ||
        words[cursor] === 'las')
    )
      cursor--;
    // "No, es para Mateo": a "no" in the clause before denies nothing.
    // "Ninguno de los niños, es para mi esposo": none of them.
    if (cursor >= 0 && (words[cursor] === 'ninguno' || words[cursor] === 'ninguna' || words[cursor] === 'ni') && cursor < index - 1) {
      clauses ??= clausesOfWords();
      return clauses[cursor] === clauses[index];
    }
    // ("Es Sofía, no Mateo": set against the one named before it, right after the "no".)
    const contrast = cursor === index - 1 && words[cursor] === 'no' && mentions.some((seen) => seen.at < cursor && !seen.denied);
    if (!(cursor >= 0 && words[cursor] === 'no' && (cursor < index - 1 || contrast))) return false;
    clauses ??= clausesOfWords();
    return clauses[cursor] === clauses[index];
  };
  /** "Autorizo mis datos y los de mis hijos Mateo y Sofía": whose data, at the consent question, not a patient. */
  // ("Sí, acepto por mí y por mis dos hijos Mateo y Sofía": for whom the authorisation is given.)
  const whoseData = (index: number) =>
    question === 'consent' &&
    (words.slice(Math.max(0, index - 8), index).includes('datos') ||
      /\b(acepto|autorizo|firmo|aceptamos|autorizamos) por\b/.test(words.slice(Math.max(0, index - 10), index).join(' ')));
  /**
   * "La cédula de mi hija (Laura) es 1010101010", written by her mother: at an identity question, the holder of a cédula
   * is the member being identified, not a patient ("el documento de Sofi es el registro civil…" still names Sofía).
   */
  const cedulaHolder = (index: number) =>
    IDENTITY_QUESTIONS.has(question) && /\b(cedula|cc)( de ciudadania)? (de|del) (mi |la |el |su )?$/.test(`${words.slice(Math.max(0, index - 6), index).join(' ')} `);
  /** Where names were read, so that "Mateo y Sofía" reads the second joined to the first. */
  const namedWords = new Set<number>();
  const push = (mention: PatientMention, at: number, again = false, weak = false) => {
    const key = JSON.stringify(mention);
    const said = mentions.findIndex((seen) => JSON.stringify(seen.mention) === key);
    // "Soy la mamá de Mateo y Sofía… la cita de Sofía": named again for the cita, she is no longer only who says who writes.
    if (!again && said >= 0 && mentions[said]?.weak && !weak) {
      mentions[said] = { mention, at, denied: deniedAt(at) };
      return;
    }
    // ("Mateo… no, Sofía, Mateo ya fue": said again to be let go, he is no longer meant.)
    if (!again && said >= 0) {
      const seen = mentions[said];
      if (seen && !seen.denied && mention.kind === 'name' && deniedAt(at)) seen.denied = true;
      // (Where else the one named is said, so that what is told of them at the first place does not speak for the others.)
      if (seen && !deniedAt(at)) (seen.alsoAt ??= []).push(at);
      return;
    }
    // "A la misma hora de Mateito": his appointment's time, not him.
    const timeOf = SAME_TIME_AS.test(words.slice(Math.max(0, at - 8), at).join(' '));
    mentions.push({ mention, at, denied: deniedAt(at), ...(weak ? { weak } : {}), ...(timeOf ? { timeOf } : {}) });
  };
  /** A name as the member's people spell it, or as a common first name ("mateoo", "Sofiia"): a letter doubled for emphasis is no other person. */
  // ("Para sofa", the phone's autocorrect, at the patient question: one letter from a name shown.)
  const oneLetterFrom = (word: string) =>
    question === 'patient' && word.length >= 4 && !lexicon.vocabulary.has(word)
      ? namesInOptions(options).find((name) => name.length >= 4 && editDistance(word, name, 1) <= 1)
      : undefined;
  const namesRead = new Map<string, string>();
  const nameOf = (word: string): string => {
    let name = namesRead.get(word);
    if (name === undefined) {
      name = known.find((name) => sameName(word, name)) ?? commonFirstName(word) ?? namePrefixedBy(word) ?? oneLetterFrom(word) ?? word;
      namesRead.set(word, name);
    }
    return name;
  };
  /** The member's own name is the member: "para Laura, o sea yo". */
  /** A name read for a patient: the member when it is hers ("para Laurita", written by a relative). */
  const nameOrSelf = (name: string): PatientMention => (self !== undefined && sameName(name, self) ? { kind: 'self' } : { kind: 'name', name });
  // ("Para Laurita, la dueña del celular": her name said fondly is still hers.)
  const personOf = (word: string): PatientMention =>
    self !== undefined && (sameName(word, self) || sameName(nameOf(word), self)) ? { kind: 'self' } : { kind: 'name', name: nameOf(word) };

  // (The three long loops of this function are functions of their own: V8 compiles a function whole, and this one, some 50 KB
  // of bytecode with them, took its optimising compiler 5 to 6 seconds a time, again after each deoptimisation, while the
  // messages were read by slower code in the meantime.)
  /** The member named as the patient ("para mí", "yo", "la mía"), read phrase by phrase. */
  const readSelfMentions = (): void => {
    for (const found of lexicon.self.find(words)) {
      const phrase = words.slice(found.start, found.end).join(' ');
      // ("Sofi digo yo, primero yo": the member, after a correction or put first.)
      const yoCorrected =
        phrase === 'yo' &&
        (/^(digo|sino)$/.test(words[found.start - 1] ?? '') ||
          (/^(primero|mejor)$/.test(words[found.start - 1] ?? '') &&
            (words[found.end] === undefined ||
              /^(que|q|porque|xq)$/.test(words[found.end] ?? '') ||
              // ("Primero yo y después Sofi": the order of two.)
              (words[found.end] === 'y' && /^(despues|luego)$/.test(words[found.end + 1] ?? '')) ||
              clausesOfWords()[found.end] !== clausesOfWords()[found.start])) ||
          // ("Primero Sofi y después yo.")
          (/^(despues|luego)$/.test(words[found.start - 1] ?? '') && /^(y|e)$/.test(words[found.start - 2] ?? '') && words[found.end] === undefined));
      // ("Yo y Sofi", "Mateo y yo": the member joined to someone named.)
      // ("Yo y mis dos hijos", "los niños y yo": joined to relatives.)
      const relativeAt = (at: number): boolean => lexicon.relationWords.has(words[at] ?? '');
      const yoJoined =
        phrase === 'yo' &&
        ((words[found.end] === 'y' &&
          (knownOrCommon(words[found.end + 1] ?? '') ||
            (/^(mis|los|las|mi|el|la)$/.test(words[found.end + 1] ?? '') && (relativeAt(found.end + 2) || (words[found.end + 2] === 'dos' && relativeAt(found.end + 3)))))) ||
          ((words[found.start - 1] === 'y' || words[found.start - 1] === 'e') && (knownOrCommon(words[found.start - 2] ?? '') || relativeAt(found.start - 2))));
      // ("Yo, la mamá, los niños están bien": the member saying who she is, at the patient question.)
      const yoApposed =
        phrase === 'yo' && question === 'patient' && found.start === 0 && ARTICLES.has(words[found.end] ?? '') && /^(mama|mami|madre|mamita)$/.test(words[found.end + 1] ?? '');
      // ("Y la mía? Yo también necesito una de medicina general": the one who writes asks for one too; the member, or the
      // relative who writes for her.)
      if (phrase === 'yo' && words[found.end] === 'tambien' && /^(necesito|quiero|quisiera|ocupo|requiero|voy a necesitar)$/.test(words[found.end + 1] ?? '')) {
        push(writer === undefined ? { kind: 'self' } : { kind: 'relation', relation: 'other' }, found.start);
        continue;
      }
      if ((phrase === 'yo' || phrase === 'personal') && (question !== 'patient' || words.length > 3) && !yoCorrected && !yoJoined && !yoApposed) continue;
      // "Para mi mijo", "pa mi mija": "mi hijo", "mi hija" said as one word (not "para mí, mija", where "mija" is how Lina is called).
      if (
        /^(para|pa) mi$/.test(phrase) &&
        /^(mijo|mija|mijito|mijita)$/.test(words[found.end] ?? '') &&
        !miWritten &&
        clausesOfWords()[found.end] === clausesOfWords()[found.start + 1]
      )
        continue;
      // ("La última vez me la cancelaron a mí el mismo día": what was done to the member once, told; no patient asked for.)
      // ("La mía la saco por mi EPS", "la mía la dejo quieta": the writer's own, set aside.)
      if (/^(?:la |el )?mi[ao]$/.test(phrase) && LEFT_AS_IT_IS.test(original.slice(found.end, found.end + 8).join(' '))) continue;
      // ("Me lo dejó a mí para que le saque una cita a mi nieto", from the grandmother: left in her care, not a patient.)
      if (
        phrase === 'a mi' &&
        /^(?:cancelaron|cambiaron|movieron|quitaron|dijeron|llamaron|dejaron|pasaron|hicieron|dejo|encargo|encargaron|mando|pidio|paso|presto|entrego)$/.test(
          words[found.start - 1] ?? '',
        )
      )
        continue;
      // ("¿Qué significa no programada? Yo tengo un dolor en la rodilla…" at the visit type: the member's story, the patient already
      // chosen.)
      if (phrase === 'yo tengo' && !['start', 'menu', 'patient'].includes(question) && OWN_COMPLAINT.test(words.slice(found.end).join(' '))) continue;
      // ("En la mañana mi esposo trabaja y yo también": the member does as someone else does, and is no patient for it.)
      if (
        phrase === 'y yo' &&
        /^(tambien|igual|tampoco)$/.test(words[found.end] ?? '') &&
        /\b(trabaja|trabajan|estudia|estudian|sale|salen|esta|estan|tiene|tienen|puede|pueden|viaja|madruga)$/.test(
          words.slice(Math.max(0, found.start - 3), found.start).join(' '),
        )
      )
        continue;
      // "…y me salió a mi nombre": where it was booked by mistake, not for whom it is.
      if (/nombre/.test(phrase) && /^(salio|sale|salir|aparece|aparecio|salieron)$/.test(original[found.start - 1] ?? '')) continue;
      // "Yo tengo una cita el viernes de la niña": the child's, held by the member.
      // ("Yo tengo una cita el miércoles y la quiero mover": whose only as "mi cita" is; "¿y yo tengo alguna cita?" asks for the member.)
      if (phrase === 'yo tengo' && /^(una |la )?(cita|sita|consulta)\b/.test(`${words.slice(found.end).join(' ')} `)) continue;
      // ("…que yo tengo eso como en el aire": a doubt, not a cita held; see `meSetApart` below.)
      if (phrase === 'yo tengo' && DOUBT_HELD.test(words.slice(found.end).join(' '))) continue;
      // ("Ay, yo tengo otra EPS entonces": what the writer is affiliated to, not a cita for them; see `meSetApart` below.)
      if (phrase === 'yo tengo' && AFFILIATED_TO.test(words.slice(found.end).join(' '))) continue;
      // ("Yo tengo que llevar a Mateo al control": the member takes the patient; see `TAKING_WITH` below.)
      if (phrase === 'yo tengo' && TAKING_WITH.test(words.slice(found.end).join(' '))) continue;
      // ("En la tarde, que yo tengo los niños en la mañana": the member looks after them then.)
      if (phrase === 'yo tengo' && LOOKING_AFTER_THEM.test(words.slice(found.end).join(' '))) continue;
      // "Pa la niña mía": whose the child is, not the member.
      if ((phrase === 'mia' || phrase === 'mio') && lexicon.relationWords.has(words[found.start - 1] ?? '')) continue;
      // ("Ya es beneficiaria mía", "la cita es de mi mamá, no mía": whose beneficiary, or the member set aside.)
      if ((phrase === 'mia' || phrase === 'mio') && /^(?:beneficiari[ao]s?|afiliad[ao]s?|cargo|no)$/.test(words[found.start - 1] ?? '')) continue;
      // ("…él trabaja todo el día, entonces me toca a mí": whose turn it is to do it, not a cita for the member.)
      if (question !== 'patient' && phrase === 'a mi' && /^(?:toca|toco|tocaba|tocara)$/.test(words[found.start - 1] ?? '') && found.end >= words.length - 1) continue;
      // ("Sí, y que me avisen a mí, que ella no maneja celular": the one told of the cita, not its patient.)
      if (phrase === 'a mi' && NOTIFIED_BEFORE.test(words.slice(Math.max(0, found.start - 4), found.start).join(' '))) continue;
      // ("…es que me los van a dejar a mí": the one who looks after them, not a patient.)
      if (
        phrase === 'a mi' &&
        /\b(?:dejar|dejan|dejaran|deja|dejo|encargar|encargan|encargaron|encargo)(?: (?:los|las|la|lo|me|nos))*$/.test(
          words.slice(Math.max(0, found.start - 4), found.start).join(' '),
        )
      )
        continue;
      // "Cédula 1010101010, la mía": the document is the member's own; it says nothing of the patient.
      if (IDENTITY_QUESTIONS.has(question) && OWN_DOCUMENT.has(phrase)) continue;
      // "Mi hija y yo" is the member too; "y yo los llevo" is someone telling a story.
      if (phrase === 'y yo') {
        const next = words[found.end];
        // "…y yo ya no sé qué más darle": the member telling what they do, not a patient.
        if (next === 'no' || (next === 'ya' && words[found.end + 1] === 'no')) continue;
        // ("Esos horarios no me sirven… y yo necesito el jueves" at the slots: when the member can go, the patient already chosen.)
        if (
          !['start', 'menu', 'patient'].includes(question) &&
          /^(?:necesito|puedo|prefiero|quiero|quisiera|podria|preferiria) (?:(?:es|mas bien|mejor) )?(?:el|la|los|las|en|para|pa|por|a|temprano|tarde|hoy|manana)\b/.test(
            words.slice(found.end).join(' '),
          ) &&
          !/^\S+ (?:\S+ ){0,3}(?:cita|citas|consulta|tambien)\b/.test(words.slice(found.end).join(' '))
        )
          continue;
        // "…y yo quiero que lo vea un pediatra": what the member wants for the one named, not a cita of her own.
        if (/^(quiero|necesito|quisiera|prefiero) (que|q) (lo|la|le|los|las) (vea|vean|atienda|atiendan|revise|revisen|chequee|examine)\b/.test(words.slice(found.end).join(' ')))
          continue;
        // "Sofía tiene gripa y yo quería una cita con la pediatra": the member asking, for the one just named.
        if (/^(queria|quiero|necesito|necesitaba|quisiera) (una )?(cita|consulta) (con (el |la )?|de )?(pediatra|pediatria)\b/.test(words.slice(found.end).join(' '))) continue;
        const clauseEnds = next !== undefined && clausesOfWords()[found.end] !== clausesOfWords()[found.end - 1];
        // ("…y yo lo llevo caminando": the member taking the patient.)
        if (next === 'lo' || next === 'la') continue;
        // ("…no puede salir del trabajo y yo tengo a los niños": the member looks after them then.)
        if (next === 'tengo' && LOOKING_AFTER_THEM.test(words.slice(found.end + 1).join(' '))) continue;
        if (next !== undefined && !clauseEnds && !AFTER_SELF.has(next) && !AFTER_AND_I.has(next) && lexicon.courtesy.find([next]).length === 0) continue;
      }
      if (phrase.endsWith('mi')) {
        // "para mi hija": "mi" is a possessive unless nothing, a word of a sentence, or the member's own name follows.
        const next = words[found.end];
        const ownName = next !== undefined && self !== undefined && sameName(next, self);
        // "Para mí, trabajo toda la semana": a comma ends the mention.
        const clauses = next !== undefined ? clausesOfWords() : [];
        const clauseEnds = next !== undefined && clauses[found.end] !== clauses[found.end - 1];
        // ("Para mí otra vez": the member again, not "mi otra hija".)
        const again = next === 'otra' && words[found.end + 1] === 'vez';
        // ("Es para mí, mi amor": how the member calls Lina, not "mi" of a relative.)
        // ("Para mi mijo", "a mi chamo": "mi" of a son said with a word that also calls the one who answers.)
        const relationNext = lexicon.relations.find(words.slice(found.end - 1, found.end + 1)).some((relation) => relation.start === 0 && relation.end === 2);
        const courtesyNext = !relationNext && lexicon.courtesy.find(words.slice(found.end, found.end + 3)).some((courtesy) => courtesy.start === 0);
        if (next !== undefined && !ownName && !clauseEnds && !again && !AFTER_SELF.has(next) && !courtesyNext) continue;
        // "Viajar hasta Bogotá para mí es muy complicado": what the member thinks of something, not whom the cita is for.
        if (OPINION_AFTER_SELF.test(words.slice(found.end, found.end + 5).join(' '))) continue;
      }
      // "La mía no me la pidieron": the member, denied.
      // ("¿Y para mí no se puede?": asking whether it can be for them, no denial.)
      // ("¿Y para mí no me puede sacar una?": likewise.)
      const askingWhetherItCan =
        /^no se (?:puede|podria|pudo|puede sacar|podra)\b/.test(words.slice(found.end).join(' ')) ||
        (/\b(?:para|pa) mi$/.test(phrase) &&
          /^no me (?:puede|pueden|podria|podrian|puedes) (?:sacar|dar|agendar|conseguir|separar|pedir) (?:una|otra|cita)\b/.test(words.slice(found.end).join(' ')));
      const howUrgent = /^no (es|era|sea) (una |tan |muy |nada )?(emergencia|urgente|urgencia|grave)\b/.test(words.slice(found.end).join(' '));
      if (words[found.end] === 'no' && DENYING_AFTER_NO.has(words[found.end + 1] ?? '') && phrase !== 'yo' && !askingWhetherItCan && !howUrgent) continue;
      // "Yo misma llevo a Sofi": the member takes the patient. "Me toca llevarla a mí": likewise.
      if (ACCOMPANYING.has(original[found.end] ?? '') || (original[found.end] === 'la' && ACCOMPANYING.has(original[found.end + 1] ?? ''))) continue;
      if (phrase === 'a mi' && TAKING_SOMEONE.test(original[found.start - 1] ?? '')) continue;
      // "A mí ya me robaron la identidad", "a mí me dijeron que…": what others did to the member, not a cita for them.
      if (phrase === 'a mi' && /^(?:(?:ya|tambien|una vez) )*(me) \w+(aron|ieron)\b/.test(original.slice(found.end, found.end + 5).join(' '))) continue;
      // "La mía, la del miércoles" to "¿Cuál cita?": my appointment, as "mi cita" is.
      // "Una cita mía del miércoles", "confirmada la mía": whose appointment only as "mi cita" is; at the patient question it is the member.
      if (
        question !== 'patient' &&
        OWN_DOCUMENT.has(phrase) &&
        phrase !== 'yo' &&
        phrase !== 'soy yo' &&
        !/\bno (la |el |las |los )?del?\b|\b(la|el|las|los) de (los |las |mi |mis )?\w+ no\b|\b(la|el|las|los) (?:citas? )?mi[ao]s?(?: (?:del?|de este|del proximo) [a-z0-9]+)? y (?:(?:mover|cambiar|cancelar|pasar|correr|reprogramar) )?(la|el|las|los) de\b|\bde \w+ y (la|el|las|los) mi[ao]s?\b|\btanto (la|el|las|los) (mi[ao]s?|de \w+(?: y \w+)?) como\b/.test(
          words.join(' '),
        )
      )
        continue;
      // "Pa mí no, pa Mateo": the member, taken back before the one meant.
      // ("Para mí, no es emergencia": how urgent it is, no taking back.)
      if (words[found.end] === 'no' && words[found.end + 1] !== undefined && clausesOfWords()[found.end + 1] !== clausesOfWords()[found.end] && !howUrgent) continue;
      // ("Yo tengo es la cédula normal" where the member is identified: the writer's document, no patient.)
      if (/^yo\b/.test(phrase) && IDENTITY_QUESTIONS.has(question) && DOCUMENT_HELD.test(words.slice(found.end, found.end + 5).join(' '))) continue;
      // ("…y yo necesito una para mi nieta": the writer asks, for someone else.)
      if (
        /\byo$/.test(phrase) &&
        /^(?:necesito|quiero|quisiera|ocupo|requiero|vengo a pedir) (?:una |la |otra )?(?:cita )?(?:para|pa|pal)\b/.test(words.slice(found.end, found.end + 5).join(' '))
      )
        continue;
      // "La cita es para mí, la abuela": the one who writes is not the member.
      if (writer !== undefined) {
        push({ kind: 'relation', relation: 'other' }, found.end - 1);
        continue;
      }
      push({ kind: 'self' }, found.end - 1);
    }
  };
  readSelfMentions();
  if (question === 'patient' && (words.join(' ') === 'mi' || words.join(' ') === 'yo')) push({ kind: 'self' }, 0);
  // "Los dos", "ambos" to "¿Para quién?": both children.
  if (question === 'patient' && /^(a |para |pa )?(los dos|las dos|ambos|ambas|los 2)( porfa| por favor)?$/.test(whole)) {
    push({ kind: 'relation', relation: 'child' }, 0);
    push({ kind: 'relation', relation: 'child' }, 1, true);
  }
  // ("Los dos niños tienen gripa, necesito citas pa los 2": the two children, counted, where citas are asked for them.)
  const bothOfThem =
    question !== 'patient' && /\bcitas\b/.test(whole) && /\b(?:ninos|hijos|chinos|pelados|nenes|peques|muchachos)\b/.test(whole)
      ? /\b(?:para|pa|a) (?:los dos|los 2|ambos)\b(?! (?:de|anos|meses|y|ninos|hijos|chinos|pelados|nenes|peques|muchachos)\b)/.exec(whole)
      : null;
  if (bothOfThem && !mentions.some((seen) => seen.mention.kind === 'relation' && seen.mention.relation === 'child')) {
    const at = whole.slice(0, bothOfThem.index).split(' ').length;
    push({ kind: 'relation', relation: 'child' }, at);
    push({ kind: 'relation', relation: 'child' }, at + 1, true);
  }
  // "Para ella misma", from someone writing for the member, or "dice Laurita que… pa ella": the member.
  if (writer !== undefined) {
    const forHer =
      /\b(?:para|pa|a|la de|el de|la cita de|las citas de|una cita de|una de|un control de) ella(?<herself> misma)?\b(?! (?:y|e|o|ni|no)\b)|\bella (?:necesita|quiere|ocupa|requiere) (?:una |la )?(?:cita|consulta)\b|\bme le (?:de|den|da|saque|saquen|saca|sacan|agende|agenden|agenda|pida|pide|separe|separa|consiga|consigue) (?:una )?(?:cita|consulta)\b(?! (?:a|al|para|pa|pal)\b)|\bella (?:esta|anda|sigue) (?:enferm\w*|malit\w*|mal|muy mal|con)\b|\bella (?:amanecio|se siente|se enfermo)\b|\bella me (?:pidio|encargo|dijo)(?: el favor)? (?:de|que|q) (?:le )?(?:cancel|anul|mov|muev|pas|cambi|corr|reprogram)\w* (?:una|la|las) (?:cita|citas|consulta) (?:que tiene|que ella tiene|que tenia)\b|\bme (?:pidio|encargo|dijo) (?:que|q|ke) le (?:cancel|anul|pas|mov|cambi|corr|reprogram)\w* (?:una|la|las) (?:cita|citas|consulta) (?:que tiene|que ella tiene|que tenia)\b|\bella me (?:pidio|encargo|dijo)(?: el favor)? (?:de|que|q) (?:cancel|anul|mov|pas|cambi|corr|reprogram)\w*le (?:una|la|las) (?:cita|citas|consulta)\b(?! (?:a|al|para|pa|pal)\b| (?:de|del) (?!(?:lunes|martes|miercoles|jueves|viernes|sabado|dia|medicina|pediatria|control|manana|hoy)\b))|\b(?:ella|y) me (?:pidio|encargo) el favor de (?:sacarle|pedirle|agendarle|conseguirle|separarle) (?:una )?(?:cita|consulta)\b(?: (?:de|con|del) (?:medicina general|medico general|el medico general|general|pediatria|el pediatra|la pediatra|pediatra|control))?(?! (?:a|al|para|pa|pal|de|del|con)\b)|\bme (?:pidio|dijo|encargo) (?:que|q|ke) le (?:sacara|pidiera|agendara|consiguiera|separara) (?:una )?(?:cita|consulta|sita)\b(?: (?:de|con|del) (?:medicina general|medico general|el medico general|general|pediatria|el pediatra|la pediatra|pediatra|control))?(?! (?:a|al|para|pa|pal|de|del|con)\b)/.exec(
        whole,
      );
    const wordsBefore = forHer !== null ? words.slice(0, whole.slice(0, forHer.index).split(' ').length) : [];
    // (Before the member is identified, "la vecina de Laura… sacarle a ella una cita", "el esposo de Laura: ella necesita cita
    // con médico general", "…me pidió que le cancelara la cita de ella": the one whose relative writes, when no other woman or
    // girl is spoken of between.)
    // ("…desde el cel de mi esposa Laura, ella necesita una cita": the husband's wife, named, likewise.)
    const namedAt = wordsBefore.findIndex(
      (word, index) =>
        index >= 2 &&
        ((wordsBefore[index - 1] === 'de' && lexicon.relationWords.has(wordsBefore[index - 2] ?? '')) ||
          // ("Me manda Laura, que a qué horas es la cita de ella": who sent the writer.)
          (wordsBefore[index - 2] === 'me' && /^(?:manda|mando)$/.test(wordsBefore[index - 1] ?? '')) ||
          (wordsBefore[index - 2] === 'mi' && /^(?:esposa|mujer|senora)$/.test(wordsBefore[index - 1] ?? ''))) &&
        commonFirstName(word) !== undefined,
    );
    const sheWasNamed =
      forHer !== null &&
      (self !== undefined
        ? wordsBefore.some((word) => sameName(word, self))
        : namedAt >= 0 &&
          /^(?:para|pa|a|la cita|las citas|una cita|una de|un control|la de|ella|me le|me pidio|me dijo|me encargo|y me pidio|y me encargo) /.test(forHer[0]) &&
          // ("La mamá de Laura: la niña Sofía amaneció con fiebre, una cita pa ella": the girl spoken of between; not one told
          // of right after "ella", "ella está en el hospital con la niña… una cita para ella": the member, still.)
          !notToldOfHer(wordsBefore.slice(namedAt + 1)).some(
            // (The member named again, "…de Laura. Laura se va mañana…", is no other woman; but "el niño Mateo amaneció con tos…
            // y Laura me dijo que le sacara una cita": the "le" is the boy's.)
            (word) =>
              /^(?:nina|hija|bebe|nieta|sobrina|mama|abuela|suegra|hermana|tia|prima|senora|muchacha|pelada|chiquita|nena|peque|pequena|bebita|gordita)$/.test(word) ||
              (/^me /.test(forHer[0]) && /^(?:nino|hijo|nieto|sobrino|chino|pelado)$/.test(word)) ||
              (commonFirstName(word) !== undefined && word !== wordsBefore[namedAt]),
          ));
    // (At the patient question "para ella" alone, from someone writing for the member, is her too.)
    // ("La primera, la de ella" among the citas: hers.)
    const alone =
      (question === 'patient' &&
        /^(?:(?:es|seria|sera) )?(?:para|pa) ella(?: misma)?(?:,? (?:la mama|la mami|la senora|mi esposa|mi senora|mi hija|mi hermana|laura))?(?: (?:porfa|por favor|gracias))?$|^(?:la|el) de ella(?: misma)?$/.test(
          whole,
        )) ||
      (question === 'appointment' && /(?:^|\b(?:la|el) (?:primera|segunda|tercera|[1-5]|uno|dos|tres) )(?:la|el) de ella(?: misma)?$/.test(whole));
    // (Before the member is known, "la abuela de Sofía… para ella" names Sofía: a grandparent's, an aunt's or a godparent's
    // is a child of the member's, whom identification then finds; the husband's, the neighbour's or the mother's of Laura is
    // the member.)
    const herName =
      self === undefined && !forHer?.groups?.herself && !alone && namedAt >= 0 && /^(?:abuel[ao]|abuelit[ao]|ti[ao]|tiit[ao]|madrina|padrino)$/.test(wordsBefore[namedAt - 2] ?? '')
        ? wordsBefore[namedAt]
        : undefined;
    if (forHer && (forHer.groups?.herself || sheWasNamed || alone))
      push(herName !== undefined ? personOf(herName) : { kind: 'self' }, whole.slice(0, forHer.index).split(' ').length);
  }
  // "Ahora sí la mía", at the menu after the children's: the member's own turn.
  // ("Ahora quiero cancelar la mía": likewise, with what to do with it.)
  const myTurn =
    question === 'menu' || question === 'start'
      ? /\bahora (?:si )?(?:(?:quiero|necesito|quisiera|toca|vamos a|voy a) (?:\w+ )?)?(?:la|el) mi[ao]\b|^(?:y )?(?:la|el) mi[ao]\b(?= (?:yo|tambien|necesito|quiero)\b|$)/.exec(
          whole,
        )
      : null;
  if (myTurn) push({ kind: 'self' }, whole.slice(0, myTurn.index).split(' ').length);
  // ("No es la de él, es la mía la que toca mover" at the list of someone's citas: the member's own, set against theirs;
  // "la de general, que es la mía" only says whose as "mi cita" does.)
  const mineInstead =
    question === 'appointment' || question === 'confirm' || question === 'menu'
      ? /\bno (?:es|era) (?:la|el) (?:de|del) \w+(?: \w+)?,? (?:(?:sino|es|era|que) )+(?:la|el) mi[ao]\b(?! (?:hija|hijo|mama|papa|esposa|esposo))/.exec(whole)
      : null;
  if (mineInstead && !myTurn) push({ kind: 'self' }, whole.slice(0, mineInstead.index).split(' ').length);
  // ("Cancele todas, la mía y la del niño", "mover la mía del 25 y la de Sofi del 27": the member's too, beside the one named.)
  const mineToo =
    !myTurn && !mineInstead
      ? /\b(?:la|las) (?:citas? )?mi[ao]s?(?: (?:del?|de este|del proximo) [a-z0-9]+)?(?: (?:sigue|queda|quedo|es|esta|paso)(?: [a-z0-9]+){0,5})? y (?:(?:mover|cambiar|cancelar|pasar|correr|reprogramar) )?(?:la|las) (?:de|del)\b|\b(?:la|las) (?:de|del) \w+(?: \w+)?(?: (?:del?|de este|del proximo) [a-z0-9]+)? y (?:la|las) mi[ao]s?\b/.exec(
          whole,
        )
      : null;
  // (Where "la mía" comes second, "la de Sofi y la mía", the member is named second.)
  if (mineToo) push({ kind: 'self' }, whole.slice(0, mineToo.index).split(' ').length + (/^(?:la|las) mi/.test(mineToo[0]) ? 0 : mineToo[0].split(' ').length - 1));
  // "¿Qué citas tengo yo?": the one who writes, set apart; the member, unless someone else writes for her.
  // ("Ay, yo tengo otra EPS entonces": what the writer is affiliated to, not a cita for them.)
  // ("Yo tengo una cita el viernes de la niña": the child's, held by the member.)
  const meSetApart = /\b(tengo yo|yo tengo|tengo pendientes? yo)\b(?! (una |la )?(cita|sita|consulta)\b)/.exec(words.join(' '));
  const afterMe = meSetApart
    ? words
        .join(' ')
        .slice(meSetApart.index + meSetApart[0].length)
        .trim()
    : '';
  if (
    meSetApart &&
    !AFFILIATED_TO.test(afterMe) &&
    !(IDENTITY_QUESTIONS.has(question) && DOCUMENT_HELD.test(`tengo ${afterMe}`)) &&
    !LOOKING_AFTER_THEM.test(afterMe) &&
    !TAKING_WITH.test(afterMe) &&
    // ("…o el otro viernes, que yo tengo eso como en el aire": a doubt, not a cita held.)
    !DOUBT_HELD.test(afterMe) &&
    // (Where the patient is already chosen, "yo tengo un dolor…" is the member's story.)
    !(!['start', 'menu', 'patient'].includes(question) && OWN_COMPLAINT.test(afterMe))
  )
    push(writer === undefined ? { kind: 'self' } : { kind: 'relation', relation: 'other' }, words.join(' ').slice(0, meSetApart.index).split(' ').length - 1);
  // "Mis citas, no las de los niños": the member's own, set against the others'.
  const ownSetApart = /\b(mi|mis) (propia |propias )?citas?\b.*\bno (la|las|el|los) de\b/.exec(words.join(' '));
  if (ownSetApart) push({ kind: 'self' }, words.join(' ').slice(0, ownSetApart.index).split(' ').length - 1);

  // "Mi nieto": the member's child when someone else says they write ("le escribe la abuela"); otherwise the writer's grandchild.
  // Said by someone who writes for the member, a relation is the member's: see `asTheMembers`.
  const selfAt = new Set<number>();
  // ("La de pedir tía", pediatría as autocorrect wrote it: the specialty, not an aunt.)
  const specialtySpans = lexicon.specialty.find(words);
  const relations = lexicon.relations
    .find(words)
    .filter((found) => !specialtySpans.some((span) => found.start >= span.start && found.end <= span.end))
    // ("Para mí, mija": Lina called "mija" after the member's "mí", not "mi mija", the member's daughter.)
    .filter((found) => !(/^mi mij/.test(words.slice(found.start, found.end).join(' ')) && (miWritten || clausesOfWords()[found.start] !== clausesOfWords()[found.start + 1])))
    .map((found) => {
      const said = words.slice(found.start, found.end).join(' ');
      const members = asTheMembers(said, writer);
      if (members === 'self') selfAt.add(found.start);
      if (members !== undefined && members !== 'self') return { ...found, value: members };
      return writer === undefined && words[found.start]?.startsWith('niet') ? { ...found, value: 'other' as const } : found;
    });
  /** "El hijo de mi otra hija", "la niña de mi hermana": a child of a relative is someone else, and the relative is no patient. */
  const ofRelative = new Set<number>();
  const relativesNamed = new Set<number>();
  for (const found of relations) {
    if (words[found.end] !== 'de') continue;
    let cursor = found.end + 1;
    while (cursor < words.length && cursor - found.end <= 3 && (ARTICLES.has(words[cursor] ?? '') || ['mi', 'mis', 'su', 'sus', 'otra', 'otro'].includes(words[cursor] ?? '')))
      cursor++;
    const relative = relations.find((other) => other.start === cursor && other !== found);
    if (relative === undefined) continue;
    relativesNamed.add(relative.start);
    // "El menor de mis hijos", "la mayor de las niñas": one of the member's children, said by age.
    if (/^(el|la) (mayor|menor|mas \w+)$/.test(words.slice(found.start, found.end).join(' ')) && PLURAL_CHILDREN.has(words[relative.end - 1] ?? '')) continue;
    ofRelative.add(found.start);
  }
  /** Relations said ("mi hija", "los niños", "la abuela"), read one by one. */
  const readRelationMentions = (): void => {
    for (const found of relations) {
      if (relativesNamed.has(found.start)) continue;
      // "Deje de molestar a su hermana": someone else's relative, the object of a verb.
      if ((words[found.start - 1] === 'su' || words[found.start - 1] === 'sus') && words[found.start - 2] === 'a') continue;
      // "Está aquí en la casa con mis niños": in company, not a patient.
      if (
        question !== 'patient' &&
        (MY.has(words[found.start - 1] ?? '') || ARTICLES.has(words[found.start - 1] ?? '')) &&
        words[found.start - 2] === 'con' &&
        !APPOINTMENT_OF.has(words[found.start - 3] ?? '') &&
        // ("Estoy aquí con mi hijo Mateo y necesito sacarle una cita": the one brought, for whom the cita is asked.)
        !CITA_FOR_THEM.test(words.slice(found.end).join(' ')) &&
        // ("Estoy en la USS Kennedy con mi hijo, tiene fiebre desde anoche, ¿lo pueden ver hoy?": likewise, in a first message.)
        !(question === 'start' && AT_A_SITE.test(whole) && BROUGHT_IN_NEED.test(words.slice(found.end).join(' ')))
      )
        continue;
      // "Sofi, tiene la misma tos del hermano": someone the patient is likened to, not a patient.
      if (
        /\b(?:mism[ao]s?|parecid[ao]s?|igualit[ao]s?) (?!cita|hora|dia|fecha|turno)[a-z]+ (?:del?|de la|de su|de mi|que (?:el|la|su|mi))$/.test(
          words.slice(Math.max(0, found.start - 5), found.start).join(' '),
        )
      )
        continue;
      // "…y yo tengo a los niños", "que yo tengo a mi hija en la mañana": looked after by the member then, unless they are ill.
      if (
        question !== 'patient' &&
        /\byo tengo (?:a )?(?:(?:los|las|mis|la|el|mi) )?$/.test(`${words.slice(Math.max(0, found.start - 4), found.start).join(' ')} `) &&
        !/^(?:enferm|malit|con\b|mal\b|muy\b|(?:que|q) (?:necesita|necesitan|tiene|tienen|esta|estan|le|les|amanecio)\b)/.test(original.slice(found.end, found.end + 3).join(' '))
      )
        continue;
      // "Tengo una reunión en el colegio de mi hijo", "es el cumpleaños de la niña": a place or a day of theirs, the reason
      // for a change, not a patient (their phone, number or e-mail are left to the rules for who writes and whose data).
      if (words[found.start] === 'del' ? THEIR_PLACE_OR_DAY.has(words[found.start - 1] ?? '') : theirPlaceOrDayBefore(words, found.start)) continue;
      // "Ya dejé a Sofía donde la abuela": a place, not a patient.
      if (words[found.start - 1] === 'donde' || (ARTICLES.has(words[found.start - 1] ?? '') && words[found.start - 2] === 'donde')) continue;
      // "Me confundí de niño": the mistake, not a patient.
      if (words[found.start - 1] === 'de' && /^(confundi|equivoque|confundio|equivoco)$/.test(original[found.start - 2] ?? '')) continue;
      // "La de niños", "el médico de niños": pediatrics, not a patient.
      // ("El de los niños" at the specialty question too.)
      if (words[found.start] === 'ninos' && words[found.start - 1] === 'de' && CHILDREN_SERVICE.has(words[found.start - 2] ?? '')) continue;
      if (
        question === 'specialty' &&
        words[found.start] === 'ninos' &&
        words[found.start - 1] === 'los' &&
        words[found.start - 2] === 'de' &&
        ['el', 'la', 'medico', 'doctor'].includes(words[found.start - 3] ?? '')
      )
        continue;
      // "Para mi hijo", "la cita de la niña", "mi hijo Mateo", "mi hijo" said alone: a patient.
      // "Mi mamá dice que…", "soy la mamá de los niños": not one.
      let cursor = found.start - 1;
      while (cursor >= 0 && found.start - cursor <= 3 && (BETWEEN_RELATION.has(words[cursor] ?? '') || MY.has(words[cursor] ?? ''))) cursor--;
      // ("La cita del mayor": the "de" is in the phrase's "del".)
      if (words[found.start] === 'del') cursor = found.start;
      const introducer = words[found.start] === 'del' ? 'de' : words[cursor];
      const next = original[found.end];
      // ("Mis dos hijos": the member's two, said with their number.)
      const possessive = MY.has(words[found.start - 1] ?? '') || (TWO_OF.has(words[found.start - 1] ?? '') && MY.has(words[found.start - 2] ?? ''));
      const describesSpeaker =
        words[found.start - 2] === 'soy' ||
        words[found.start - 3] === 'soy' ||
        // "Autorizo yo, Laura, como mamá de Mateo", "le escribe la mamá de Mateo": the writer.
        (found.value === 'other' && (SPEAKER_BEFORE.has(words[found.start - 1] ?? '') || SPEAKER_BEFORE.has(words[found.start - 2] ?? ''))) ||
        // ("Le habla Hernando, el papá de Laura Gómez": the writer's name between.)
        (found.value === 'other' && SPEAKER_BEFORE.has(words[found.start - 3] ?? '') && ARTICLES.has(words[found.start - 1] ?? '') && words[found.end] === 'de') ||
        (introducer === 'de' && lexicon.relations.find([words[cursor - 1] ?? '']).length > 0) ||
        // ("Yo soy el abuelo paterno de los niños": the side of the family between.)
        (introducer === 'de' && /^(?:paterno|materno|paterna|materna)$/.test(words[cursor - 1] ?? '') && lexicon.relations.find([words[cursor - 2] ?? '']).length > 0) ||
        // ("Le pregunto al papá del niño": the child says whose father.)
        (words[found.start - 1] === 'del' && lexicon.relations.find([words[found.start - 2] ?? '']).length > 0) ||
        // "Espere le pregunto al niño", "ya le aviso a la niña": someone asked or told.
        (words[found.start - 1] === 'al' && ASKED_OR_TOLD.test(words[found.start - 2] ?? '')) ||
        (words[found.start] === 'al' && ASKED_OR_TOLD.test(words[found.start - 1] ?? '')) ||
        (/^(la|el)$/.test(words[found.start - 1] ?? '') && words[found.start - 2] === 'a' && ASKED_OR_TOLD.test(words[found.start - 3] ?? '')) ||
        // "La mamá de los niños", "el papá de Sofía": someone named by another, not a patient.
        // ("Para la esposa de mi hijo" is for her.)
        (found.value === 'other' &&
          words[found.end] === 'de' &&
          !(introducer === 'para' || introducer === 'pa') &&
          (lexicon.relations.find(words.slice(found.end + 1, found.end + 3)).length > 0 || knownOrCommon(words[found.end + 1] ?? '')));
      // "La niña está con fiebre", "el niño tiene 13": the child the message is about.
      // ("La bebé de 8 meses amaneció con fiebre", "los dos chinos amanecieron con tos": how they are, after their age.)
      const agedWords = /^de (?:\d{1,2}|[a-z]+) (?:meses|mesecitos|anos|anitos|semanas|dias)$/.test(words.slice(found.end, found.end + 3).join(' ')) ? 3 : 0;
      const described =
        found.value !== 'other' &&
        (HOW_THEY_ARE.has(words[found.end + agedWords] ?? '') || /^(?:amanecieron|estan|siguen|andan)$/.test(words[found.end + agedWords] ?? '')) &&
        (words[found.start - 1] === 'el' || words[found.start - 1] === 'la' || words[found.start] === 'el' || words[found.start] === 'la');
      // "Hola, los niños tienen alguna cita pendiente?": the children whose citas are asked about (not "los niños tienen colegio").
      const childrenWithCita =
        found.value !== 'other' &&
        PLURAL_CHILDREN.has(words[found.end - 1] ?? '') &&
        (ARTICLES_PLURAL.has(words[found.start - 1] ?? '') || ARTICLES_PLURAL.has(words[found.start] ?? '')) &&
        (CITA_THEY_HAVE.test(original.slice(found.end, found.end + 4).join(' ')) ||
          // ("Quiero ver las citas que tienen los niños", "qué citas tienen pendientes los niños": said after.)
          /\b(?:citas?|consultas?|controles?) (?:que |q )?(?:tienen|tenian)(?: pendientes?| agendadas?| programadas?)?(?: (?:los|las|mis))?$/.test(
            words.slice(Math.max(0, found.start - 6), found.start).join(' '),
          ));
      // ("¿La niña ya tiene cita?": the child whose citas are asked about.)
      // ("¿A qué hora tiene la cita la niña?": likewise, said after.)
      const oneWithCita =
        found.value !== 'other' &&
        (words[found.start - 1] === 'el' || words[found.start - 1] === 'la' || words[found.start] === 'el' || words[found.start] === 'la') &&
        (/^(?:ya )?(?:tiene|tenia) (?:alguna |una |su )?citas?\b/.test(original.slice(found.end, found.end + 5).join(' ')) ||
          // ("¿Y la niña puede pedir en Suba?": the one a cita is asked for, as the subject.)
          /^(?:tambien |si )?(?:puede|podria|pudiera) (?:pedir|sacar|tener|agendar)\b/.test(original.slice(found.end, found.end + 4).join(' ')) ||
          // ("¿Y la niña qué tiene?", "¿y qué tiene el niño?": what they have, asked, and nothing else.)
          /^(?:que|q) (?:tiene|tenia)(?: pendiente| agendado| programado)?$/.test(original.slice(found.end).join(' ')) ||
          (found.end === words.length &&
            /\b(?:que|q) (?:tiene|tenia)(?: pendiente| agendado| programado)?(?: el| la)?$/.test(words.slice(Math.max(0, found.start - 4), found.start).join(' '))) ||
          /\b(?:tiene|tenia) (?:la |su |una |alguna )?(?:cita|consulta|control)(?: el| la)?$/.test(words.slice(Math.max(0, found.start - 5), found.start).join(' ')) ||
          // ("¿Qué citas tiene pendientes la niña?": likewise.)
          /\b(?:citas?|consultas?|controles?) (?:que |q )?(?:tiene|tenia)(?: pendientes?| agendadas?| programadas?)(?: el| la)?$/.test(
            words.slice(Math.max(0, found.start - 6), found.start).join(' '),
          ));
      const subjectOfSaying = next !== undefined && SAYING.has(next);
      // ("Mi esposo dice que le saque cita a él también": the one who says it asks a cita for himself.)
      const asksForThemselves =
        subjectOfSaying &&
        /^(?:dice|dijo|pregunta) (?:que|q|si) (?:le|les) (?:saque|saques|sacara|pida|pidas|pidiera|agende|agendes|agendara|separe|consiga|busque|puede sacar|puedo sacar) (?:una |la |otra )?(?:cita|consulta)\b/.test(
          original.slice(found.end, found.end + 7).join(' '),
        );
      // ("Pa la niña, Mateo ya tiene la de él": a comma between them makes the name no name of the relation.)
      const namedNext =
        next !== undefined && (known.some((name) => sameName(next, name)) || knownOrCommon(next)) && clausesOfWords()[found.end] === clausesOfWords()[found.end - 1];
      // ("¿Me toca ir este viernes con la niña al control?": the one taken to the cita.)
      const takenToTheCita =
        introducer === 'con' &&
        /\b(?:ir|voy|vamos|vaya|llegar|llego|venir|vengo)(?: (?:este|el|esta|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|tarde|temprano))*$/.test(
          words.slice(Math.max(0, cursor - 4), cursor).join(' '),
        ) &&
        /^(?:al|a) (?:la |una |su )?(?:cita|consulta|control|medico|pediatra|doctor|doctora|pediatria)\b/.test(words.slice(found.end, found.end + 4).join(' '));
      // ("Sí, confírmela, y seguimos con la niña": the next one to book.)
      const nextToBook = introducer === 'con' && /^(?:seguimos|sigamos|continuamos|continuemos|pasamos|pasemos)$/.test(words[cursor - 1] ?? '');
      const introduced =
        namedNext ||
        takenToTheCita ||
        nextToBook ||
        // ("Ahora los niños, el mismo martes" at the menu: the next ones to book.)
        (introducer === 'ahora' && question === 'menu') ||
        // ("¿Qué citas tenemos los niños y yo?", "yo y los niños": joined to the member.)
        (words[found.end] === 'y' && words[found.end + 1] === 'yo') ||
        (introducer === 'y' && words[cursor - 1] === 'yo') ||
        (introducer !== undefined && BEFORE_RELATION.has(introducer) && introducer !== 'mi' && introducer !== 'mis') ||
        (possessive && (!subjectOfSaying || asksForThemselves)) ||
        described ||
        childrenWithCita ||
        oneWithCita ||
        question === 'patient' ||
        words.length <= 4;
      // "Tengo que recoger a los niños", "no tengo quien me cuide a los niños": children in the member's day, not patients.
      const caredFor =
        CARE_VERBS.has(words[cursor - 1] ?? '') ||
        CARE_VERBS.has(words[found.start - 2] ?? '') ||
        // ("En la mañana llevo a los niños al colegio": taken elsewhere, not to the doctor.)
        ((/^(?:llevo|llevar|lleva|llevamos|llevando)$/.test(words[cursor - 1] ?? '') || /^(?:llevo|llevar|lleva|llevamos|llevando)$/.test(words[found.start - 2] ?? '')) &&
          /^(?:al|a la|a el|a) (?:colegio|jardin|escuela|ruta|natacion|clase|clases|terapia|bus|parque|futbol|entrenamiento)\b/.test(
            original.slice(found.end, found.end + 3).join(' '),
          )) ||
        (words[found.start - 1] === 'los' &&
          /\b(porque|es que|que|pues)\b/.test(words.slice(Math.max(0, found.start - 8), found.start).join(' ')) &&
          !/\bcitas? (?:que |q )?(tienen|tiene|tenemos)( pendientes?)?$/.test(words.slice(Math.max(0, found.start - 5), found.start - 1).join(' ')) &&
          // ("¿Qué citas tenemos los niños y yo?": they and the member.)
          !(words[found.end] === 'y' && words[found.end + 1] === 'yo') &&
          // ("Tengo q cancelar la cita de los niños": their cita.)
          !(words[found.start - 2] === 'de' && /^(cita|citas|consulta|consultas|control|controles)$/.test(words[found.start - 3] ?? '')) &&
          // ("¿Qué citas tengo yo y los niños?", "qué citas tengo y los niños": the member's and theirs, asked together.)
          !/\b(?:citas?|consultas?)\b.*\b(?:yo|tengo|tenemos|tiene|mias?)\s+(?:y|e)$/.test(words.slice(Math.max(0, found.start - 8), found.start - 1).join(' ')) &&
          question !== 'patient');
      // "Mi mamá me lleva", "mi mamá solo me acompaña", "lo lleva la abuela": a companion, not a patient.
      // ("Sí, ¿y puedo llevar a la niña conmigo?": taken along to the member's own cita, not its patient.)
      const takenAlong = /^(?:conmigo|con migo|de acompanante|a la cita conmigo)\b/.test(original.slice(found.end, found.end + 4).join(' ')) && question !== 'patient';
      const companion =
        takenAlong ||
        (found.value === 'other' &&
          (ACCOMPANYING.has(
            original
              // ("Mi esposo Alberto lo lleva en taxi": his name, then what he does.)
              .slice(found.end + (namedNext ? 1 : 0), found.end + (namedNext ? 1 : 0) + 6)
              .find((word) => !['me', 'nos', 'solo', 'la', 'lo', 'los', 'las', 'es', 'el', 'que', 'quien', 'tambien', 'puede', 'podria', 'quiere'].includes(word)) ?? '',
          ) ||
            TAKING_SOMEONE.test(original.slice(found.end, found.end + 4).find((word) => !['tambien', 'puede', 'podria', 'quiere', 'me', 'va', 'a'].includes(word)) ?? '') ||
            // ("Mi hermana me los cuida ese día": she looks after the children; the cita is not hers.)
            LOOKING_AFTER.has(original.slice(found.end, found.end + 3).find((word) => !['me', 'nos', 'los', 'las', 'lo', 'la', 'a', 'tambien'].includes(word)) ?? '') ||
            (ARTICLES.has(words[found.start - 1] ?? '') && ACCOMPANYING.has(original[found.start - 2] ?? '')) ||
            // ("Ese día tengo que acompañar a mi señora al oftalmólogo": taken elsewhere, not to a cita here.)
            (words[found.start - 1] === 'a' &&
              /^(?:acompanar|acompano|acompana|llevar|llevo|lleva)$/.test(original[found.start - 2] ?? '') &&
              /^(?:a|al) (?!(?:la |una |su )?(?:cita|consulta|control|medico|medica|pediatra|doctor|doctora|general)\b)/.test(
                original.slice(found.end, found.end + 3).join(' '),
              ))));
      // "Para mí, la mamá": the member saying who she is. "Buenos días mi niña": Lina, spoken to.
      // ("Para Laura, la mayor de mis hijas", from her mother: the member's name, then who she is.)
      const apposition =
        (found.value === 'other' && ARTICLES.has(words[found.start - 1] ?? '') && mentions.some((seen) => seen.mention.kind === 'self' && seen.at === found.start - 2)) ||
        // ("Para Álvaro mi esposo, el abuelo": who the one just named is, said again.)
        (found.value === 'other' &&
          ARTICLES.has(words[found.start - 1] ?? '') &&
          clausesOfWords()[found.start] !== clausesOfWords()[found.start - 2] &&
          mentions.some((seen) => seen.mention.kind === 'name' && seen.at < found.start - 1 && seen.at >= found.start - 5)) ||
        // ("Le escribo yo, el papá": who writes, said after "yo".)
        (found.value === 'other' &&
          ARTICLES.has(words[found.start - 1] ?? '') &&
          words[found.start - 2] === 'yo' &&
          clausesOfWords()[found.start] !== clausesOfWords()[found.start - 2]) ||
        // ("Para mí, Laura, la mamá".)
        (found.value === 'other' &&
          ARTICLES.has(words[found.start - 1] ?? '') &&
          self !== undefined &&
          sameName(words[found.start - 2] ?? '', self) &&
          mentions.some((seen) => seen.mention.kind === 'self' && seen.at === found.start - 3)) ||
        (/^(el|la) /.test(words.slice(found.start, found.end).join(' ')) &&
          clausesOfWords()[found.start] !== clausesOfWords()[found.start - 1] &&
          self !== undefined &&
          sameName(words[found.start - 1] ?? '', self));
      // ("Sí, mi señora, confírmela", "medicina general, mi señora": Lina, addressed; the words stand alone in their clause.)
      const clauseOf = clausesOfWords();
      const spokenToLina =
        (words[found.start - 1] === 'mi' && words[found.start] === 'nina' && !namedNext && GREETING_OR_THANKS.has(words[found.start - 2] ?? '')) ||
        // ("Gracias hermano", "chao mami": Lina, called as people call each other, closing the message.)
        (found.end === words.length &&
          found.end - found.start === 1 &&
          /^(?:hermano|hermana|mami|papi|amigo|amiga|mija|mijo|vecina|vecino|tia|tio)$/.test(words[found.start] ?? '') &&
          /^(?:gracias|chao|listo|bueno|ok|adios|bendiciones)$/.test(words[found.start - 1] ?? '')) ||
        (/^mi (senora|reina|nina)$/.test(words.slice(found.end - 2, found.end).join(' ')) &&
          question !== 'patient' &&
          writer !== 'esposo' &&
          (found.end - 2 === 0 || clauseOf[found.end - 3] !== clauseOf[found.end - 2]) &&
          (found.end >= words.length || clauseOf[found.end] !== clauseOf[found.end - 1]));
      // "La vecina doña Gloria": a title between the relative and the name.
      const titled =
        next !== undefined &&
        TITLES.has(next) &&
        original[found.end + 1] !== undefined &&
        (capitalised.has(original[found.end + 1] ?? '') || knownOrCommon(original[found.end + 1] ?? ''))
          ? original[found.end + 1]
          : undefined;
      // ("La del miércoles de mi esposa": hers; "el mismo jueves de la hermana" is the day of her cita, not her.)
      const weekdayOfTheirs = WEEKDAY_WORDS.has(words[cursor - 1] ?? '') && MY.has(words[found.start - 1] ?? '') && !/^(mismo|misma)$/.test(words[cursor - 2] ?? '');
      // ("La cita de medicina general de mi esposa": her cita, its service said between.)
      const serviceOfTheirs = /\b(?:cita|consulta|control) (?:de |del )?(?:medicina general|medico general|general|pediatria|control|primera vez)$/.test(
        words.slice(Math.max(0, cursor - 5), cursor).join(' '),
      );
      // An adult relative is a patient only when the message says so: "para mi mamá", "la cita de mi esposo", "el paciente
      // es mi sobrino". "Mi esposo no me puede llevar", "le pregunto a mi esposo", "me ayuda mi suegra" tell of them.
      const forThem =
        question === 'patient' ||
        words.length <= 4 ||
        namedNext ||
        asksForThemselves ||
        introducer === 'para' ||
        introducer === 'pa' ||
        introducer === 'pal' ||
        (introducer === 'de' && (APPOINTMENT_OF.has(words[cursor - 1] ?? '') || weekdayOfTheirs || serviceOfTheirs)) ||
        // "Sacarle cita a mi esposa".
        (introducer === 'a' && /^(cita|citas|consulta|turno|una|otra)$/.test(words[cursor - 1] ?? '')) ||
        // ("¿A mi mamá le puedo sacar cita por mi plan?": the cita asked for them, said after.)
        (introducer === 'a' &&
          /^(?:le|les) (?:(?:puedo|podria|puede|quiero|quisiera|necesito|voy a|tengo que|toca) )?(?:sacar|pedir|agendar|separar|dar|programar)\b/.test(
            original.slice(found.end, found.end + 5).join(' '),
          )) ||
        takenToTheCita ||
        // ("Reprogramar, la cita es de mi papá".)
        (introducer === 'de' && /\b(?:cita|citas|consulta|control) (?:es|era|son|eran)$/.test(words.slice(Math.max(0, cursor - 3), cursor).join(' '))) ||
        // ("Qué citas tiene pendientes mi mamá"; not when someone who says who they are asks, "soy Jorge, …": his wife may be the member.)
        (!/\b(?:soy|habla|escribe) (?!(?:la|el|su)\b)[a-z]+\b/.test(whole) &&
          /\b(?:citas?|consultas?) (?:tiene|tienen|tenia) (?:pendientes? |agendadas? |programadas? )?(?:mi|mis|la|el)?$/.test(
            words
              .slice(Math.max(0, found.start - 5), found.start + 1)
              .join(' ')
              .replace(/ (?:mama|papa|esposo|esposa|marido)$/, ''),
          )) ||
        (introducer === 'es' && (words[cursor - 1] === 'paciente' || words[cursor - 1] === 'cita')) ||
        // "Mi mamá necesita una cita", "mi esposo está enfermo": the one who needs it.
        NEEDS_CARE.test(original.slice(found.end, found.end + 3).join(' ')) ||
        // "¿Y mi esposa tiene alguna cita?": the one whose citas are asked about.
        HAS_A_CITA.test(original.slice(found.end, found.end + 4).join(' ')) ||
        // "Para mí y mi esposo": joined to a patient just named.
        ((introducer === 'y' || introducer === 'e') && mentions.some((seen) => seen.at >= cursor - 3 && seen.at < cursor));
      // "Mi hijo me dejó este número", "mi hija me acompaña": the relative does something for the member, and is no patient.
      // ("Las citas de los niños, nos vamos de viaje": a comma ends the mention.)
      const actsForMember =
        (original[found.end] === 'me' || original[found.end] === 'nos') &&
        clausesOfWords()[found.end] === clausesOfWords()[found.end - 1] &&
        !['la', 'lo', 'las', 'los'].includes(original[found.end + 1] ?? '') &&
        !(introducer === 'para' || introducer === 'pa' || introducer === 'pal') &&
        // ("La del niño me toca moverla": whose cita, then what the member must do with it.)
        !((introducer === 'de' || introducer === 'del') && /^(la|el|las|los|cita|citas|consulta)$/.test(words[cursor - 1] ?? ''));
      // "La mamá Laura está trabajando y me pidió…": the children's mother (and her name) spoken of by whoever writes, not a patient.
      // ("Mi hija Laura no puede y me pidió…", from the grandmother: the member, busy, not the patient.)
      const afterName = original.slice(found.end + (namedNext ? 1 : 0), found.end + (namedNext ? 1 : 0) + 3).join(' ');
      const motherSpokenOf =
        introducer !== 'para' &&
        ((writer !== undefined &&
          ((found.value === 'other' && /^(la|su)$/.test(words[found.start - 1] ?? '') && /^(mama|mami)$/.test(words[found.start] ?? '')) ||
            (selfAt.has(found.start) && MEMBER_BUSY.test(afterName)))) ||
          // ("Mi nuera Laura me encargó sacarle una cita a la niña", "mi hermana laura me pidió…": who sent the one writing.)
          // ("¿A qué horas tiene la cita la niña Sofía? Mi hija Laura me dijo que era el viernes": who told the one writing, of the
          // cita of someone already named.)
          (namedNext && SENT_BY.test(afterName) && (found.value === 'other' || mentions.some((seen) => seen.at < found.start))) ||
          // ("Mi hija Laura me dejó el celular para que…": whose phone it is, the member, any relation.)
          (namedNext && PHONE_LENT.test(original.slice(found.end + 1, found.end + 6).join(' '))));
      if (motherSpokenOf) {
        if (next !== undefined) namedWords.add(found.end);
        continue;
      }
      // ("Para mí, mi señora está bien, gracias a Dios": a relative said to be well, or whose cita stays as it is.)
      // ("Si, cancélela, ese día la niña tiene izada de bandera", "los niños van conmigo pero la cita es mía": what they have that
      // day, or going along.)
      const busyThatDay =
        question !== 'patient' &&
        /\b(?:ese dia|esa semana|hoy|(?<!\b(?:la|por|en) )manana|el (?:lunes|martes|miercoles|jueves|viernes))(?: (?:la|el|los|las|mi|mis))? $/.test(
          `${words.slice(Math.max(0, found.start - 4), found.start).join(' ')} `,
        ) &&
        BUSY_THAT_DAY.test(`ese dia ${original.slice(found.end, found.end + 6).join(' ')}`);
      const goesAlong = /^(?:van|va|vienen|viene|iran|ira) (?:conmigo|con nosotros|con migo|a acompanarme)\b/.test(original.slice(found.end, found.end + 3).join(' '));
      // ("Kennedy, que es donde llevamos a la niña" at the site question: why that site, said of someone; the patient is chosen.)
      const whereTheyGo =
        question !== 'patient' && question !== 'start' && question !== 'menu' && WHERE_THEY_GO.test(words.slice(Math.max(0, found.start - 7), found.start).join(' '));
      const leftAlone =
        ((introducer !== 'para' && introducer !== 'pa' && introducer !== 'pal') || clausesOfWords()[cursor] !== clausesOfWords()[found.start]) &&
        clausesOfWords()[found.end] === clausesOfWords()[found.end - 1] &&
        // ("¿La niña ya tiene cita?": whether she has one, asked.)
        !(asking && /^(?:si )?ya (?:tiene|tienen) (?:alguna |una |su |sus |la |las )?citas?$/.test(original.slice(found.end, found.end + 6).join(' '))) &&
        LEFT_AS_IT_IS.test(
          original
            .slice(found.end + (namedNext ? 1 : 0), found.end + 8)
            .join(' ')
            .replace(/^(gracias a dios|a dios gracias|por suerte) /, ''),
        );
      // ("Pediatría porque es chiquita", "pediatría q es niño" at the specialty question: why that specialty, said of the patient
      // already chosen.)
      const whyThatService =
        (question === 'specialty' || question === 'visitType') &&
        /\b(?:porque|xq|pq|que) (?:es|son|esta|estan) (?:un |una |el |la |muy |todavia |aun )?$/.test(`${words.slice(Math.max(0, found.start - 5), found.start).join(' ')} `);
      if (
        !introduced ||
        leftAlone ||
        whyThatService ||
        goesAlong ||
        whereTheyGo ||
        busyThatDay ||
        whoseData(found.start) ||
        cedulaHolder(found.start) ||
        SIGNED.test(words.slice(Math.max(0, found.start - 2), found.start).join(' ')) ||
        describesSpeaker ||
        caredFor ||
        companion ||
        apposition ||
        spokenToLina ||
        actsForMember ||
        (found.value === 'other' && !forThem)
      )
        continue;
      // "Mi esposa" written by her husband, "mi hija" by her mother: the member.
      // (Only when the cita is hers: "para mi hija", "la cita de mi esposa"; not "mi hija Laura no puede", the member in a story.)
      const forTheMember =
        introducer === 'para' ||
        introducer === 'pa' ||
        introducer === 'pal' ||
        // ("La del miércoles de mi esposa".)
        (introducer === 'de' && (APPOINTMENT_OF.has(words[cursor - 1] ?? '') || weekdayOfTheirs || serviceOfTheirs)) ||
        (introducer === 'a' && /^(cita|citas|consulta|turno|una|otra)$/.test(words[cursor - 1] ?? '')) ||
        words.length <= 4 ||
        (question === 'patient' && words.length <= 8) ||
        NEEDS_CARE.test(original.slice(found.end, found.end + 3).join(' ')) ||
        // ("¿Y mi esposa tiene alguna cita?", written by her husband: her citas.)
        HAS_A_CITA.test(original.slice(found.end, found.end + 4).join(' ')) ||
        // ("Mi esposa no va a poder asistir a su cita…, quisiera cancelarla": hers, the one cancelled or moved.)
        /^no (?:va a poder|puede|podra|alcanza a|va a alcanzar a) (?:ir|asistir|llegar)\b/.test(original.slice(found.end, found.end + 6).join(' '));
      if (selfAt.has(found.start) && !forTheMember) continue;
      if (selfAt.has(found.start) && !ofRelative.has(found.start)) {
        push({ kind: 'self' }, found.start);
        if (next !== undefined && self !== undefined && sameName(next, self)) namedWords.add(found.end);
        continue;
      }
      // "El paciente es Juan, mi sobrino": the name before "mi" says who the relative is.
      // ("…el papá de Laura. Mi nieto Mateo…": a name that ends the sentence before is not the relative's.)
      const before = words[found.start - 1] === 'mi' && sentencesOfWords()[found.start - 2] === sentencesOfWords()[found.start - 1] ? original[found.start - 2] : undefined;
      // ("Para Sofía Gómez, mi hija": a surname after the name is no other person.)
      const nameBefore = original[found.start - 3];
      if (before !== undefined && nameBefore !== undefined && !lexicon.vocabulary.has(nameBefore) && knownOrCommon(nameBefore)) continue;
      if (before !== undefined && mayBeName(before) && (capitalised.has(before) || knownOrCommon(before))) {
        push(personOf(before), found.start - 2);
        continue;
      }
      // A word after the relation is its name when it looks like one: "mi hijo Mateo", "mi nieto Brayan"; not "mi mamá jaja".
      const nextInClause = next !== undefined && clausesOfWords()[found.end] === clausesOfWords()[found.end - 1];
      if (
        next !== undefined &&
        nextInClause &&
        (namedNext || (mayBeName(next) && (capitalised.has(next) || names.has(next))) || (capitalised.has(next) && /^[a-z]{3,}$/.test(next) && !lexicon.vocabulary.has(next)))
      ) {
        push(personOf(next), found.start);
        namedWords.add(found.end);
      } else if (titled !== undefined) {
        push(personOf(titled), found.start);
        namedWords.add(found.end + 1);
      } else if (ofRelative.has(found.start)) push({ kind: 'relation', relation: 'other' }, found.start);
      else {
        push({ kind: 'relation', relation: found.value }, found.start);
        // "Los dos niños", "mis dos hijas", "ambos niños", "los niños" (the member's children, both): two of them.
        // (Not "otro de mis hijos", one of them, nor children in the member's day at a later question.)
        const ofWhich = words[found.start - 1] === 'de' ? found.start - 2 : words[found.start - 2] === 'de' ? found.start - 3 : -1;
        // ("Cancelar una de las citas de los niños": one of them, not both.)
        const oneOf =
          (ofWhich >= 0 && ONE_OF.has(words[ofWhich] ?? '')) ||
          /\b(?:una|alguna) de (?:las|sus) (?:citas|consultas) de(?: los| las| mis)?$/.test(words.slice(Math.max(0, found.start - 7), found.start).join(' '));
        const forTheCita =
          introducer === 'tienen' ||
          // "¿Qué citas tienen pendientes mis nietos?"
          /\btienen (pendientes?|programadas?|agendadas?)$/.test(words.slice(Math.max(0, cursor - 1), cursor + 1).join(' ')) ||
          introducer === 'para' ||
          introducer === 'pa' ||
          introducer === 'pal' ||
          ((introducer === 'de' || introducer === 'a') && /^(cita|citas|consulta|control|turno)$/.test(words[cursor - 1] ?? '')) ||
          // ("Quiero sacarle a los niños", "agéndeles a los niños ese día": the cita asked for them, its word left out.)
          (introducer === 'a' &&
            /^(?:sacar|pedir|agendar|programar|separar)(?:le|les)$|^(?:saquele|saqueles|sacale|sacales|pidale|pidales|agendele|agendeles)$/.test(words[cursor - 1] ?? '')) ||
          // ("Mejor primero los niños, que yo puedo esperar": the children first, both.)
          ((introducer === 'primero' || introducer === 'ahora') && (question === 'patient' || question === 'menu' || question === 'start')) ||
          nextToBook ||
          /^(?:ya )?(tienen|necesitan|estan enfermos)\b/.test(original.slice(found.end, found.end + 3).join(' ')) ||
          ((question === 'patient' || question === 'menu') && original.length <= found.end + 2) ||
          (introducer === 'de' &&
            ['la', 'las'].includes(words[cursor - 1] ?? '') &&
            /\b(cancelar|cancele|mover|muevame|cambiar|reprogramar|ver|consultar|citas|recuerda|recordar|recordarme)\b/.test(words.slice(0, cursor).join(' ')));
        // ("A las 2 el niño…": an hour before him, not two of them.)
        const twoOf = TWO_OF.has(words[found.start - 1] ?? '') && !/^(?:las|la|a|de|del)$/.test(words[found.start - 2] ?? '');
        if (twoOf || (found.value !== 'other' && PLURAL_CHILDREN.has(words[found.end - 1] ?? '') && !oneOf && forTheCita))
          push({ kind: 'relation', relation: found.value }, found.start, true);
      }
    }
  };
  readRelationMentions();
  // Before the member is identified, someone who says they write names her: "le escribe la mamá de Laura… Laura está en
  // el trabajo" speaks of the member.
  const member =
    self ??
    (writer === undefined
      ? undefined
      : original.find(
          (word, index) =>
            words[index - 1] === 'de' &&
            relations.some(
              (found) =>
                found.end === index - 1 &&
                [
                  'mama',
                  'mami',
                  'papa',
                  'papi',
                  'esposo',
                  'marido',
                  'hermana',
                  'hermano',
                  'vecina',
                  'vecino',
                  'sobrino',
                  'sobrina',
                  'amiga',
                  'amigo',
                  'companera',
                  'companero',
                  'colega',
                  'jefa',
                  'jefe',
                ].includes(words[found.start] ?? ''),
            ) &&
            commonFirstName(word) !== undefined,
        ));
  // (Each word is read by two functions, each compiled apart: see `readSelfMentions`.)
  /**
   * Whether the word at `index` is done with before it is weighed as a name: set aside by the words around it, or read as
   * the name of a relation said before it.
   */
  // (Read for every word: what no window of the message can hold is looked for once, in the whole message. Words hold no spaces.)
  const whereTheyGoSaid = /\b(?:donde|adonde) /.test(whole);
  const signedSaid = /\b(?:atte|att|atentamente)(?: |$)/.test(whole);
  const settledByItsPlace = (index: number, word: string): boolean => {
    // "Para don Hernando", "la cita de doña Gloria": a title is no name; the name after it is read as if the title were not there.
    if (HONORIFICS.has(word) && index + 1 < original.length) return true;
    // ("Kennedy, que es donde atienden a Mateo" at the site question: why that site.)
    if (question !== 'patient' && question !== 'start' && question !== 'menu' && whereTheyGoSaid && WHERE_THEY_GO.test(words.slice(Math.max(0, index - 7), index).join(' ')))
      return true;
    const afterRelation = relations.some((found) => index === found.end);
    // (The name of a relation just read, "mi hijo Mateo"; after a comma, "mi chiquito, Mateíto", it is read here.)
    if (afterRelation && clausesOfWords()[index] === clausesOfWords()[index - 1]) return true;
    // ("Para la niña de Laura, Sofía": whose child she is said between, then her name.)
    const whoseBetween =
      words[index - 2] === 'de' &&
      (/^(?:ella|el)$/.test(words[index - 1] ?? '') || knownOrCommon(words[index - 1] ?? '')) &&
      clausesOfWords()[index] !== clausesOfWords()[index - 1];
    const relationEnd = whoseBetween ? index - 2 : index;
    const relationRead = relations.some((found) => relationEnd === found.end && (!whoseBetween || found.value !== 'other') && mentions.some((seen) => seen.at === found.start));
    if (
      (afterRelation || whoseBetween) &&
      relationRead &&
      // ("Primero el menor, Simón", "la del mayor, Tobías": a name written with its capital, even one that is also a word.)
      ((knownOrCommon(word) && (!lexicon.vocabulary.has(word) || capitalised.has(word))) || (capitalised.has(word) && mayBeName(word))) &&
      !LEFT_AS_IT_IS.test(original.slice(index + 1, index + 6).join(' '))
    ) {
      push(personOf(word), index);
      return true;
    }
    // "Cita para el niño de 6 años, o sea Mateo": the relation, then who it is.
    const thatIs = words[index - 1] === 'osea' || (words[index - 2] === 'o' && words[index - 1] === 'sea') || (words[index - 2] === 'es' && words[index - 1] === 'decir');
    const relationBefore = thatIs && knownOrCommon(word) ? mentions.findLastIndex((seen) => seen.mention.kind === 'relation' && !seen.denied && seen.at < index) : -1;
    if (relationBefore >= 0) {
      mentions[relationBefore] = { mention: personOf(word), at: index, denied: false };
      return true;
    }
    // "Yo vivo en San Mateo": a place.
    if (PLACE_BEFORE_NAME.has(words[index - 1] ?? '')) return true;
    // "Mejor con el doctor Hernán, ¿tiene algo con él?": a doctor, named by title, never a patient.
    if (/^(?:dr|dra|doctor|doctora|medico|medica|pediatra)$/.test(original[index - 1] ?? '')) return true;
    // "La de Adriana López" at the appointments shown: their doctor, not a patient.
    if (doctorsShown().has(word)) return true;
    // "Cerca del colegio de Mateo", "desde el cel de Laura": a place or a phone of theirs, not them.
    if (words[index - 1] === 'de' && THEIR_THING.has(words[index - 2] ?? '')) return true;
    if (whoseData(index) || cedulaHolder(index)) return true;
    // "pedro arroba gmail": the start of an address, not a person.
    if (words[index + 1] === 'arroba') return true;
    // "Atte. su esposo Jorge": a signature. "Sofía Gómez": a surname after the name.
    if (signedSaid && SIGNED.test(words.slice(Math.max(0, index - 3), index).join(' '))) return true;
    // ("Sofía, Mateo ya fue": a comma between them makes the second no surname.)
    if ((namedWords.has(index - 1) || mentions.some((seen) => seen.at === index - 1 && seen.mention.kind === 'name')) && clausesOfWords()[index] === clausesOfWords()[index - 1])
      return true;
    // "Mateo me está hablando", "Sofi entra tarde al colegio", "sacar a Mateo del colegio": what they do, not the cita.
    // ("…una cita de Mateo, me pusieron turno doble": after a comma, what is said is of the member.)
    if (
      (original[index + 1] === 'me' || original[index + 1] === 'nos') &&
      !['la', 'lo', 'las', 'los'].includes(original[index + 2] ?? '') &&
      clausesOfWords()[index + 1] === clausesOfWords()[index]
    )
      return true;
    if (
      !['patient', 'start', 'menu'].includes(question) &&
      (DOING.has(original[index + 1] ?? '') ||
        // ("Mateo está jugando con el cel", "Sofi está aquí conmigo", "Sofi dice gracias", "el tío Julián la puede llevar" at an
        // answer: what they do, where they are or what they say, not a cita for them.)
        NOT_ASKED_FOR_AFTER.test(original.slice(index + 1, index + 5).join(' ')) ||
        ((original[index + 1] === 'del' || original[index + 1] === 'de') && /^(del|de la) (colegio|jardin|escuela)$/.test(original.slice(index + 1, index + 3).join(' '))))
    )
      return true;
    // At an identity question, the member named with her date or document is being identified: "mi hija Laura nació el…".
    if (IDENTITY_QUESTIONS.has(question) && self !== undefined && sameName(nameOf(word), self)) return true;
    // "Yo soy la mamá de Laura" written for the member Laura, or while she is identified: the writer is her relative, and the
    // name says whose, not who the patient is ("soy la mamá de Mateo, quiero una cita" is about Mateo).
    // "Para la mamá de Sofía" is for the mother: her mention is read, and Sofía only says whose.
    const relativeOf = words[index - 1] === 'de' ? relations.find((found) => found.end === index - 1 && found.value === 'other') : undefined;
    // "El niño de Laura": whose child, not the patient (the child is). "Soy la vecina de Laurita": the member the writer helps.
    const parentOf = words[index - 1] === 'de' && relations.some((found) => found.end === index - 1 && found.value !== 'other');
    // (And, with someone writing, "la mamá de Laura, o sea la abuela": the name says whose relative the writer is.)
    const helpedBy =
      words[index - 1] === 'de' &&
      writer !== undefined &&
      relations.some(
        (found) =>
          found.end === index - 1 &&
          (ADULT_RELATIVES.has(words[found.start] ?? '') ||
            (found.value === 'other' &&
              self === undefined &&
              mayBeName(word) &&
              commonFirstName(word) !== undefined &&
              /^(mama|mami|madre|papa|papi|padre)$/.test(words[found.start] ?? ''))),
      );
    if (parentOf || helpedBy) return true;
    if (relativeOf && ((self !== undefined && sameName(nameOf(word), self)) || IDENTITY_QUESTIONS.has(question) || mentions.some((seen) => seen.at === relativeOf.start)))
      return true;
    // "La de Laura Gómez, la titular": the member, named as the plan's holder, not a patient, where the member is being
    // identified; elsewhere ("no, es para Pedro, el titular", from his daughter) the member is the patient meant.
    if (words.slice(index + 1, index + 4).includes('titular')) {
      if (!IDENTITY_QUESTIONS.has(question) && question !== 'consent' && self !== undefined && sameName(nameOf(word), self)) push({ kind: 'self' }, index);
      return true;
    }
    // "Soy la mamá de Sofía y Mateo": named to say who writes; the patient, if the message names one for the cita, is that one.
    // ("…de Mateo y de Sofía": the second joined with its own "de".)
    const joinedToWeak =
      ((words[index - 1] === 'y' || words[index - 1] === 'e') && mentions.some((seen) => seen.at === index - 2 && seen.weak === true)) ||
      (words[index - 1] === 'de' && (words[index - 2] === 'y' || words[index - 2] === 'e') && mentions.some((seen) => seen.at === index - 3 && seen.weak === true));
    if ((relativeOf || joinedToWeak) && knownOrCommon(word) && !lexicon.vocabulary.has(word)) {
      push(personOf(word), index, false, true);
      return true;
    }
    // ("…porque en la tarde Alberto tiene que ir por Sofía": what someone must do, told as the reason.)
    if (
      !['patient', 'start', 'menu'].includes(question) &&
      (original[index + 1] === 'tiene' || original[index + 1] === 'tienen') &&
      /^(?:tiene|tienen) que (?:ir|recoger|llevar|trabajar|salir|viajar|estar)\b/.test(original.slice(index + 1, index + 4).join(' '))
    )
      return true;
    // ("Mejor que sea para Sofía…, Mateo ya se siente mejor" while booking: someone well again, the reason the cita is not theirs;
    // "cancélela, Sofi ya está aliviada" names whose cita it is.)
    if (
      BOOKING_QUESTIONS.has(question) &&
      !BEFORE_NAME.has(words[index - 1] ?? '') &&
      WELL_AGAIN_FIRST.has(original[index + 1] ?? '') &&
      /^(?:ya )?(?:se siente|esta|amanecio|sigue|anda) (?:mucho |un poco |mas )?(?:mejor|bien|bueno|aliviado|aliviada|mejorcito|mejorcita)\b|^ya se (?:mejoro|alivio|recupero)\b/.test(
        original.slice(index + 1, index + 5).join(' '),
      )
    )
      return true;
    // "Mi mamá me cuida a Sofía", "tengo que recoger a Mateo": a child in the member's day, not a patient.
    if (words[index - 1] === 'a' && LOOKING_AFTER.has(words[index - 2] ?? '')) return true;
    // "Espere le pregunto a Jorge cuál de los dos es", "ya le digo a Sofi": someone asked or told, not a patient.
    if (words[index - 1] === 'a' && ASKED_OR_TOLD.test(original[index - 2] ?? '')) return true;
    // "…porque Laura está en el trabajo", "como Jorge anda trabajando": someone busy, spoken of, not a patient.
    if (
      question !== 'patient' &&
      (original[index + 1] === 'esta' || original[index + 1] === 'anda') &&
      /^(esta|anda) (trabajando|en el trabajo|en la oficina)\b/.test(original.slice(index + 1, index + 5).join(' '))
    )
      return true;
    // "No sé la fecha de nacimiento de Laura": whose data, at a question about data, not a patient.
    if (question === 'birthDate' && words[index - 1] === 'de' && /^(nacimiento|fecha)$/.test(words[index - 2] ?? '')) return true;
    // "Me toca ir por Mateo al colegio": fetching a child, not a patient.
    if (words[index - 1] === 'por' && /^(ir|voy|va|vamos|pasar|paso|pasa|salir|salgo)$/.test(words[index - 2] ?? '')) return true;
    // ("De parte de Laura Gómez, yo soy la mamá": on whose behalf the writer writes, not a patient.)
    if (words[index - 1] === 'de' && words[index - 2] === 'parte' && words[index - 3] === 'de') return true;
    // ("…mejor Kennedy, que es donde llevo a Sofi": where the member takes someone, at another question than the patient one.)
    if (question !== 'patient' && words[index - 1] === 'a' && /\bdonde (?:\w+ )?(?:llevo|lleva|llevamos|llevan)$/.test(original.slice(Math.max(0, index - 5), index - 1).join(' ')))
      return true;
    // ("Sofi está aquí conmigo viendo muñequitos": with the writer, not the one the cita is for.)
    if (
      question !== 'start' &&
      (original[index + 1] === 'esta' || original[index + 1] === 'estan') &&
      /^(?:esta|estan) (?:aqui |aca |aca )?conmigo\b/.test(original.slice(index + 1, index + 4).join(' ')) &&
      mentions.some((seen) => seen.at < index && !seen.denied)
    )
      return true;
    // ("En la tarde no puedo q recojo a Mateo del colegio": likewise, away from the patient question.)
    if (question !== 'patient' && words[index - 1] === 'a' && /^(recojo|recoger|recoge|recogemos|recogerlo|busco|buscar)$/.test(original[index - 2] ?? '')) return true;
    // ("…Jorge dice q lo escuchó tosiendo toda la noche": someone telling of the patient, not one.)
    // (Not after "para" nor at the patient question: "cita para Sofi, dice que le duele el oído" is hers.)
    if (
      question !== 'patient' &&
      !BEFORE_NAME.has(words[index - 1] ?? '') &&
      words[index - 1] !== 'a' &&
      TELLING.has(original[index + 1] ?? '') &&
      /^(?:dice|dijo|cuenta|conto|piensa|cree) (?:que|q) (?:lo|la|los|las) /.test(`${original.slice(index + 1, index + 5).join(' ')} `)
    )
      return true;
    // "Sí, confírmela. Mateo, no le pegue a su hermana": at a yes/no question, a child told off in the room is no patient.
    // ("Suba. Sofía, no le pegue al hermano": told off, at any question but the patient one.)
    const spokenTo =
      TOLD_TO_A_CHILD.has(words[index + 1] ?? '') ||
      (YES_NO_QUESTIONS.has(question) && words[index + 1] === 'no' && ['le', 'me', 'te', 'se'].includes(words[index + 2] ?? '')) ||
      (question !== 'patient' &&
        words[index + 1] === 'no' &&
        ['le', 'me', 'te', 'se'].includes(words[index + 2] ?? '') &&
        /^(pegue|pegues|toque|toques|moleste|molestes|grite|grites|coja|cojas|jale|jales|suba|subas|muerda|muerdas|quite|quites|tire|tires)$/.test(words[index + 3] ?? ''));
    if (spokenTo) return true;
    // "Besos de Sofi", "saludos de Mateo": a greeting sent on their behalf. "Salgo con Mateo a las 5": out with the member.
    if (words[index - 1] === 'de' && /^(besos|besitos|saludos|abrazos|beso|abrazo)$/.test(words[index - 2] ?? '')) return true;
    if (original[index - 1] === 'con' && /^(salgo|salimos|voy|vamos|estoy|ando|quedo|quede)$/.test(original[index - 2] ?? '') && question !== 'patient') return true;
    // "Me acompaña Mateo", "donde estudia Mateo": with the member, or what they do; not the patient.
    if (ACCOMPANYING.has(original[index - 1] ?? '') || DOING.has(original[index - 1] ?? '')) return true;
    // ("¿Y Laura tiene alguna cita pendiente?", from her mother: the one whose citas are asked about.)
    const hersAsked =
      !IDENTITY_QUESTIONS.has(question) &&
      question !== 'consent' &&
      /^(?:ya )?(?:tiene|tenia) (?:alguna |algunas |una |su |sus |citas?|algo|nada)\b/.test(original.slice(index + 1, index + 4).join(' ')) &&
      /\b(?:cita|citas|pendiente|pendientes|agendad\w*|algo|nada)\b/.test(original.slice(index + 1, index + 6).join(' ')) &&
      // ("Laura tiene una cita para mi sobrina": one she holds for someone else.)
      !/\b(?:cita|citas|consulta)(?: [a-z]+)? (?:para|pa|pal|de|del)\b/.test(original.slice(index + 1, index + 7).join(' '));
    // "4, dice Laura", "ya le pregunto a Laura", "a nombre de Laura", "porque Laura trabaja": the member spoken of by someone
    // else, not the member named as the patient ("para Laura", "la cita de Laura" are).
    if (
      member !== undefined &&
      sameName(nameOf(word), member) &&
      (writer !== undefined ||
        THIRD_PERSON_BEFORE.test(words.slice(Math.max(0, index - 2), index).join(' ')) ||
        THIRD_PERSON_BEFORE.test(original.slice(Math.max(0, index - 2), index).join(' ')))
    ) {
      // ("Laura está con una alergia horrible… necesita cita": the member spoken of is the one who needs it.)
      const needsIt =
        NEEDS_CARE.test(original.slice(index + 1, index + 4).join(' ')) &&
        !/^tiene (una )?(cita|control)\b/.test(original.slice(index + 1, index + 4).join(' ')) &&
        !IDENTITY_QUESTIONS.has(question) &&
        question !== 'consent';
      if (!(
        BEFORE_NAME.has(words[index - 1] ?? '') ||
        needsIt ||
        hersAsked ||
        (words[index - 1] === 'de' && APPOINTMENT_OF.has(words[index - 2] ?? '') && !IDENTITY_QUESTIONS.has(question))
      ))
        return true;
    }
    // ("…y Laura con tanto trabajo no ha podido sacarla", from her father: the member spoken of after "y", joined to nobody named
    // for the cita.)
    if (
      member !== undefined &&
      writer !== undefined &&
      sameName(nameOf(word), member) &&
      words[index - 1] === 'y' &&
      !hersAsked &&
      !namedWords.has(index - 2) &&
      !mentions.some((seen) => seen.at === index - 2) &&
      !NEEDS_CARE.test(original.slice(index + 1, index + 4).join(' '))
    )
      return true;
    return false;
  };
  /** The word at `index`, read as a name if it is one. */
  const readAsName = (index: number, word: string): void => {
    // (A word of its own one letter from a name, "mucho mareo", is that word; the name itself always counts.)
    // ("Mateíto, el de siete": a diminutive or short form of a name known, likewise.)
    const knownAs = commonFirstName(word);
    if (
      word.length >= 3 &&
      known.some((name) => word === name || (sameName(word, name) && !lexicon.notNames.has(word)) || (knownAs !== undefined && knownAs !== word && sameName(knownAs, name)))
    ) {
      // "Le escribo yo, Laura", "soy Laura": the writer saying who writes gives way to a patient named for the cita.
      const writer = self !== undefined && sameName(word, self) && (words[index - 1] === 'yo' || words[index - 1] === 'soy');
      push(personOf(word), index, false, writer);
      return;
    }
    // (Only after "para" and its like, within one sentence: "¿ya la tiene? Doña Rosa dice…", "los hijos de doña Laura".)
    const titled =
      HONORIFICS.has(original[index - 1] ?? '') &&
      BEFORE_NAME.has(words[index - 2] ?? '') &&
      clausesOfWords()[index - 2] === clausesOfWords()[index - 1] &&
      !(member !== undefined && sameName(nameOf(word), member)) &&
      !(self !== undefined && sameName(nameOf(word), self));
    // ("La cita de la Sofi", "pa el Mateo", "pa mi Teo": a name said with its article or "mi", as many members say their
    // children's.)
    const withArticle =
      !titled &&
      (words[index - 1] === 'la' || words[index - 1] === 'el' || words[index - 1] === 'mi') &&
      // ("Para mí, Jorge": who writes, after a comma.)
      clausesOfWords()[index - 1] === clausesOfWords()[index] &&
      // ("…a sacarle cita a la Sofiita": after "a", only where a cita is asked for them.)
      (/^(?:de|para|pa|cita|citas|consulta)$/.test(words[index - 2] ?? '') ||
        (words[index - 2] === 'a' && /^(?:cita|citas|consulta|turno|una|otra)$/.test(words[index - 3] ?? ''))) &&
      (capitalised.has(word) || known.some((name) => sameName(word, name)) || (commonFirstName(word) !== undefined && !NOUNS_THAT_ARE_NAMES.has(word)));
    const before = titled || withArticle ? words[index - 2] : words[index - 1];
    // "Laura está aquí al lado y dice que sí": someone beside the writer, who answers; no cita asked for them.
    if (
      original[index + 1] === 'esta' &&
      /^(aqui|aca|al|conmigo|acá|aquí)$/.test(original[index + 2] ?? '') &&
      /\b(dice|dijo|autoriza|acepta|confirma|de acuerdo)\b/.test(original.join(' '))
    )
      return;
    // "Sofía nació el 10 de enero": the one born then. "Sofi tiene fiebre": the one the message is about.
    if (
      // ("Sofía se desmayó en el jardín": likewise.)
      (original[index + 1] === 'nacio' ||
        words[index + 1] === 'nacio' ||
        (HOW_THEY_ARE.has(original[index + 1] ?? '') && original[index + 1] !== 'se') ||
        // ("Mateo tenía cita el viernes, mejor se la cancelo": the one whose cita it is.)
        (HAS_A_CITA_FIRST.has(original[index + 1] ?? '') && HAS_A_CITA.test(original.slice(index + 1, index + 5).join(' '))) ||
        // ("Cancele la cita de la niña porque Sofi ya está bien": the one whose cita is cancelled, and why.)
        (original[index + 1] === 'ya' &&
          /^ya (?:esta|se siente|se mejoro|se alivio|amanecio)\b/.test(original.slice(index + 1, index + 4).join(' ')) &&
          /\b(?:cancel|anul)\w*/.test(whole)) ||
        // ("Sofía la peque", "Mateo, el niño": the name, then who the child is.)
        (index === 0 && ARTICLES.has(original[index + 1] ?? '') && lexicon.relationWords.has(original[index + 2] ?? '')) ||
        (original[index + 1] === 'se' && /^(desmayo|desmaya|cayo|golpeo|enfermo|puso|siente|sentia|ahogo|quemo|corto|fracturo|aporreo)$/.test(original[index + 2] ?? ''))) &&
      knownOrCommon(word) &&
      !lexicon.vocabulary.has(word)
    ) {
      push(nameOrSelf(firstNameAs(word) ?? nameOf(word)), index);
      return;
    }
    // "La cita de Sofi", "para mateho": a common first name (or a nickname or typo of one) after "de" or "para".
    // "Para Mateo y Sofía": a common first name joined to a name just read.
    // ("Mateo de 7 y Sofi de 3": an age between them.)
    // ("Mateo tiene 7 y Sofía 3": likewise.)
    const agedBefore = (at: number) => /^(?:de|tiene) (\d{1,2}|[a-z]+)( anos| anitos| meses)?$/.test(words.slice(at + 1, index - 1).join(' '));
    const joined =
      (before === 'y' || before === 'e') &&
      (namedWords.has(index - 2) ||
        mentions.some((seen) => seen.mention.kind === 'name' && (seen.at === index - 2 || (seen.at >= index - 5 && seen.at < index - 2 && agedBefore(seen.at)))));
    // ("Se llama Valentina": the speller does not get to read "llama" as another word.)
    // "¿Qué citas tiene Sofi?": the one whose appointments are asked about.
    // "¿Y Mateito qué citas tiene?": a name opening a question with "y".
    const opensWithAnd = index === 1 && before === 'y';
    // "Cita pediatría Sofía", "Matheo control pediatría": a name beside the cita it is for, in a terse request.
    const besideCita = (before !== undefined && CITA_WORDS.has(before)) || (index === 0 && CITA_WORDS.has(words[1] ?? ''));
    // ("…y que me repitan la fórmula del inhalador de Sofía": whose prescription, asked beside the cita, not a patient of one.)
    if (before === 'de' && THINGS_OF_THEIRS.test(words[index - 2] ?? '')) return;
    if (
      (besideCita ||
        (before !== undefined &&
          (BEFORE_NAME.has(before) ||
            BEFORE_NAME.has(original[index - 1] ?? '') ||
            before === 'de' ||
            (before === 'a' && !NOTIFIED_BEFORE.test(words.slice(Math.max(0, index - 5), index - 1).join(' '))) ||
            before === 'al' ||
            before === 'tiene' ||
            joined ||
            opensWithAnd))) &&
      knownOrCommon(word) &&
      !lexicon.vocabulary.has(word)
    ) {
      namedWords.add(index);
      push(nameOrSelf(firstNameAs(word) ?? nameOf(word)), index);
      return;
    }
    if (!mayBeName(word)) return;
    // ("…ese mismo día pa aprovechar el viaje": what for, a verb, not someone's name.)
    const purpose = /^[a-z]{4,}(?:ar|er|ir)$/.test(word) && !capitalised.has(word) && commonFirstName(word) === undefined && !names.has(word);
    const introduced = before !== undefined && BEFORE_NAME.has(before) && !purpose && (capitalised.has(word) || question === 'patient' || commonFirstName(word) !== undefined);
    // A lone word at the patient question is a name only if it looks like one: "zqzq" is not echoed back.
    const alone = question === 'patient' && original.length <= 2 && (capitalised.has(word) || commonFirstName(word) !== undefined || names.has(word));
    if (introduced || alone) push(personOf(word), index);
  };
  // Names of people, read word by word.
  for (let index = 0; index < original.length; index++) {
    const word = original[index] ?? '';
    if (!settledByItsPlace(index, word)) readAsName(index, word);
  }
  // "CC 1020456789, es la de Laura", the grandmother's "el de mi hija Laura es 1020456789": at the document question, whose
  // cédula it is says who is being identified, not a patient (a child's registro civil or tarjeta still names the child).
  // ("Le doy la de Laura: uno cero uno cero…": a number dictated in words too.)
  // ("¿Pongo mi cédula o la de Laura?": whose cédula to give, asked.)
  if (
    (question === 'document' || question === 'documentType') &&
    (/\d{5,}/.test(digitsFromWords(whole)) || /\b(?:cedula|documento|cc)\b/.test(whole)) &&
    !/\b(ti|rc|registro|tarjeta|cita|citas)\b/.test(whole)
  ) {
    for (const seen of mentions)
      if (
        (seen.mention.kind === 'self' && !['para', 'pa'].includes(words[seen.at] ?? '') && !['para', 'pa'].includes(words[seen.at - 1] ?? '')) ||
        (seen.mention.kind === 'name' &&
          (/^(el|la) de$/.test(words.slice(Math.max(0, seen.at - 2), seen.at).join(' ')) ||
            // "CC 1020456789 (de Laura)", "la cédula de Laura es…".
            (words[seen.at - 1] === 'de' && /^(\d{5,}|cedula|cc|documento|identificacion)$/.test(words[seen.at - 2] ?? ''))))
      )
        seen.denied = true;
  }
  // "¿El mío o el de Mateo?" at an identity question: asking whose, naming nobody.
  if (IDENTITY_QUESTIONS.has(question) && /\b(mio|mia|el mio|la mia) o (el|la)? ?(d|de|del)\b/.test(whole)) return { patients: [] };
  // ("¿El documento de Laura o el mío?": whose document to give, asked the other way round.)
  // ("¿La de mi hija o la mía?": likewise, the other named by relation.)
  if (IDENTITY_QUESTIONS.has(question) && /\b(?:el|la) (?:documento |cedula |numero |registro )?(?:de|del) (?:mi |la |el )?\w+ o (?:el|la) mi[oa]\b/.test(whole))
    return { patients: [] };
  // "Con el mismo doctor que atendió a la niña", "¿cuál es el doctor que vio a Sofía?", "en la misma que la de Sofía": someone
  // whose doctor or site is meant, not a patient.
  /** What is said right after someone, past the words that name them ("el niño", "mi hija", "Sofía"). */
  const saidAfter = (at: number): string => {
    let next = at + 1;
    while (next < words.length && (ARTICLES.has(words[next - 1] ?? '') || MY.has(words[next - 1] ?? '')) && lexicon.relationWords.has(words[next] ?? '')) next++;
    return original.slice(next, next + 6).join(' ');
  };
  const ownCita = OWN_CITA_ACTED_ON.exec(whole);
  const ownCitaAt = ownCita ? whole.slice(0, ownCita.index).split(' ').length - 1 : undefined;
  for (const seen of mentions)
    if (
      (seen.mention.kind !== 'self' && THEIR_DOCTOR_OR_SITE.test(words.slice(Math.max(0, seen.at - 9), seen.at).join(' '))) ||
      // ("…Laura dice que era un doctor": someone who remembers a fact, not a patient.)
      (question !== 'patient' && mayBeName(original[seen.at] ?? '') && RECALLS_A_FACT.test(original.slice(seen.at + 1, seen.at + 5).join(' '))) ||
      // ("¿A cuál de mis dos hijos es que se la saqué?": which of them, asked; neither named.)
      (seen.mention.kind === 'relation' && WHICH_OF_THEM.test(words.slice(Math.max(0, seen.at - 5), seen.at).join(' '))) ||
      // ("Ah ok, es de Mateo. Y mi cita de medicina general, ¿sigue siendo el miércoles?": what Lina said, taken in before
      // another question; not who that question is about.)
      (seen.mention.kind !== 'self' &&
        sentencesOfWords()[seen.at] !== sentencesOfWords()[words.length - 1] &&
        TAKEN_IN.test(
          words
            .slice(0, seen.at)
            .filter((_, index) => sentencesOfWords()[index] === sentencesOfWords()[seen.at])
            .join(' '),
        ) &&
        // ("Ahh ok, es la de Sofi. Hay que moverla…": the next question is about her.)
        OWN_CITA_ASKED.test(words.filter((_, index) => (sentencesOfWords()[index] ?? 0) > (sentencesOfWords()[seen.at] ?? 0)).join(' '))) ||
      // ("…ya iba a sacar al niño temprano del colegio", "Chía, porque el niño se está quedando conmigo": where they are, not a cita.)
      // ("Mateo tiene colegio el jueves, cancéleme la de Mateo": named again for the cita, he is whose cita it is.)
      (question !== 'patient' &&
        seen.mention.kind !== 'self' &&
        !['para', 'pa'].includes(words[seen.at - 1] ?? '') &&
        SCHOOL_OR_STAY.test(saidAfter(seen.at)) &&
        !(seen.alsoAt ?? []).some((at) => !SCHOOL_OR_STAY.test(saidAfter(at)))) ||
      // ("Tarde, en la mañana ella tiene a los niños": in someone's care.)
      (!['start', 'menu', 'patient'].includes(question) &&
        seen.mention.kind === 'relation' &&
        HAS_THEM.test(words.slice(Math.max(0, seen.at - 4), seen.at).join(' ')) &&
        // ("Tengo a la niña enferma en la casa", "…a mi hijo que necesita una cita": who is ill, or needs it.)
        !/^(?:(?:que|q) (?:necesita|tiene|esta|anda)\b|enferm|malit|mal\b|muy mal|con (?:fiebre|tos|gripa|vomito|diarrea|dolor|calentura)|aporread|hospitalizad)/.test(
          saidAfter(seen.at),
        )) ||
      // ("La de Sofi ya quedó, ahora agendar la de Mate", "una cita para mí, la de los niños ya la tengo": one whose cita is
      // done already, beside another asked for.)
      (mentions.length > 1 &&
        seen.mention.kind !== 'self' &&
        /\b(?:la|las) (?:cita |citas )?(?:de|del)(?: (?:la|el|los|las|mi|mis))?$/.test(words.slice(Math.max(0, seen.at - 4), seen.at).join(' ')) &&
        ALREADY_DONE_AFTER.test(original.slice(seen.at + 1, seen.at + 6).join(' '))) ||
      // ("¿A qué hora es la cita del niño Mateo? Que a mí se me olvidó": who forgot, not whose cita.)
      (seen.mention.kind === 'self' &&
        mentions.length > 1 &&
        /^(?:mi )?(?:se me|me) (?:olvido|olvidaron|paso|borro|perdio|confundio|enredo)\b/.test(original.slice(seen.at + 1, seen.at + 5).join(' '))) ||
      // ("Quiero cancelar la cita del miércoles, ya no puedo ir, mi mamá se enfermó y la tengo que cuidar": the one in the
      // reason is not whose cita is cancelled or moved.)
      (seen.mention.kind === 'relation' &&
        seen.mention.relation === 'other' &&
        OWN_CITA_CANCELLED_OR_MOVED.test(whole) &&
        STORY_OF_SOMEONE_AFTER.test(original.slice(seen.at + 1, seen.at + 6).join(' '))) ||
      // ("…en Facatativá, que es donde vive mi mamá": whose home says where, not whom the cita is for.)
      (seen.mention.kind !== 'self' && WHERE_THEY_LIVE_BEFORE.test(words.slice(Math.max(0, seen.at - 5), seen.at).join(' '))) ||
      // ("Mi mamá se cayó anoche… quiero cancelar la cita mía": the one in the story is not whose cita it is.)
      (seen.mention.kind !== 'self' && ownCitaAt !== undefined && seen.at < ownCitaAt && !['de', 'del', 'para', 'pa'].includes(words[seen.at - 1] ?? ''))
    )
      seen.denied = true;
  // ("Es para mi hermana, ella es la afiliada": whoever the writer calls her, the member.)
  for (const seen of mentions)
    if (seen.mention.kind === 'relation' && seen.mention.relation === 'other' && IS_THE_MEMBER.test(words.slice(seen.at + 1, seen.at + 7).join(' ')))
      seen.mention = { kind: 'self' };
  const timeOf = mentions.find((seen) => seen.timeOf && !seen.denied)?.mention;
  let affirmed = mentions.filter((seen) => !seen.denied && !seen.timeOf);
  // The writer's children named to say who writes give way to the patient named for the cita; at the consent question nobody is one.
  const weakNames = affirmed.filter((seen) => seen.weak);
  const strong = affirmed.filter((seen) => !seen.weak);
  // "Soy la abuela de Sofía… sacarle la cita a la niña": the one child named is the niña.
  // ("Soy la abuela de Sofía y Mateo… qué citas tienen los niños": the two named are the two children.)
  // ("Le escribe la tía de Laura Gómez… sacarle el control al niño": a boy is no Laura; the name is who the writer is kin to.)
  const otherSex = (relation: string, name: string) => (relation === 'son' && /a$/.test(name)) || (relation === 'daughter' && /o$/.test(name));
  const childMeant =
    weakNames.length >= 1 &&
    strong.length === weakNames.length &&
    strong.every((seen) => seen.mention.kind === 'relation' && seen.mention.relation !== 'other') &&
    !strong.some((seen) => {
      const { mention } = seen;
      return mention.kind === 'relation' && weakNames.some((weak) => weak.mention.kind === 'name' && otherSex(mention.relation, nameOf(weak.mention.name)));
    });
  if (childMeant) affirmed = weakNames.map((seen) => ({ ...seen, weak: false }));
  else if (question === 'consent' || strong.length > 0) affirmed = strong;
  // "Aló, habla la abuelita de Mateo y Sofía, ¿con quién hablo?": named to say who writes, and nothing asked for them.
  else if (weakNames.length > 0 && question !== 'patient' && !ASKS_SOMETHING_OF_A_CITA.test(words.join(' '))) affirmed = [];
  // ("Le escribe la abuelita de Mateo y Sofía… pa pedir una cita": one cita, for one of the two named to say who writes; which,
  // still to ask.)
  else if (
    weakNames.length >= 2 &&
    question !== 'patient' &&
    /\b(?:una|la) (?:cita|consulta)\b/.test(words.join(' ')) &&
    !/\b(?:citas|consultas|los dos|ambos|las dos|cada uno)\b/.test(words.join(' '))
  )
    affirmed = [];
  // "Para mi nieta, que se llama Valentina": the name is who the relative is.
  for (const named of affirmed.filter((seen) => seen.mention.kind === 'name' && CALLED.has(original[seen.at - 1] ?? ''))) {
    affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'relation' && seen.at < named.at && named.at - seen.at <= 8));
  }
  // ("Tengo que cambiar una cita pero no me acuerdo si es la mía o la de Sofi": whose it is, wondered; neither is named.)
  const wondered =
    affirmed.length > 0 && question !== 'patient'
      ? (/\bsi (?:es|era|fue) (?:(?:la|el|para|pa) )?(?:[a-z]+ ){0,3}o (?:(?:la|el|para|pa) )?(?:de |del )?[a-z]+/.exec(whole) ??
        // ("¿Esa es del niño o de la niña?", "¿esa es la de Mateo o la de Sofía?": which, asked.)
        /\b(?:es|era|sera|son) (?:la |el )?(?:del|de la|de|pa|para) (?:la |el |mi )?[a-z]+ o (?:la |el )?(?:del|de la|de|pa|para) (?:la |el |mi )?[a-z]+/.exec(whole))
      : null;
  if (wondered) {
    const from = whole.slice(0, wondered.index).split(' ').length - 1;
    const to = from + wondered[0].split(' ').length;
    const inside = affirmed.filter((seen) => seen.at >= from && seen.at <= to);
    if (inside.length > 0) affirmed = affirmed.filter((seen) => !inside.includes(seen));
  }
  // "Mateo… mentiras, es pa Sofi", "para Mateo, perdón, para Sofía": a correction between two mentions gives up the ones before it.
  const corrected =
    affirmed.length > 1
      ? lastCorrectionAt(
          original,
          affirmed.map((seen) => seen.at),
        )
      : -1;
  if (corrected > 0 && affirmed.some((seen) => seen.at < corrected) && affirmed.some((seen) => seen.at > corrected)) {
    affirmed = affirmed.filter((seen) => seen.at > corrected);
  }
  // A name says who the child is: "mi hijo Mateo, el grande" is Mateo, not Mateo and a son.
  // "Para mi hijo mayor Mateo y una a la niña": a daughter beside a boy's name is another child.
  const namedAs = affirmed.flatMap((seen) => (seen.mention.kind === 'name' ? [readsAs(seen.mention.name)] : []));
  if (namedAs.length > 0) {
    affirmed = affirmed.filter(
      (seen) =>
        !(
          seen.mention.kind === 'relation' &&
          seen.mention.relation !== 'other' &&
          (seen.mention.relation === 'child' || namedAs.includes(seen.mention.relation) || namedAs.includes(undefined))
        ),
    );
  }
  // "Es para mi esposo, Jorge": the name right after someone else's relation is who they are, not another person.
  const namedRight = new Set(affirmed.flatMap((seen) => (seen.mention.kind === 'name' ? [seen.at] : [])));
  affirmed = affirmed.filter(
    (seen) => !(seen.mention.kind === 'relation' && seen.mention.relation === 'other' && relations.some((found) => found.start === seen.at && namedRight.has(found.end))),
  );
  // "Mi hija, la pequeña": a daughter, not a daughter and a child.
  if (affirmed.some((seen) => seen.mention.kind === 'relation' && (seen.mention.relation === 'son' || seen.mention.relation === 'daughter'))) {
    affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'relation' && seen.mention.relation === 'child'));
  }
  // "Sofi tiene varicela y Mateo tenía cita el viernes, mejor se la cancelo", "el viernes es la entrega de boletines de Mateo y
  // me cruza con la cita de Sofi, ¿la puedo cambiar?": a cita cancelled or moved is the one of its holder; the others named are
  // only part of the story (ill, or busy with something of theirs).
  if (affirmed.length >= 2 && CANCELS_OR_MOVES.test(whole)) {
    const holds = (seen: (typeof affirmed)[number]) =>
      seen.mention.kind === 'name' &&
      (HAS_A_CITA.test(original.slice(seen.at + 1, seen.at + 5).join(' ')) ||
        /\b(?:la|su|esa) (?:cita|consulta) de$/.test(words.slice(Math.max(0, seen.at - 4), seen.at).join(' ')));
    const inTheStory = (seen: (typeof affirmed)[number]) =>
      seen.mention.kind === 'name' &&
      (/^(?:tiene|esta|amanecio|anda|sigue|se) [a-z]+/.test(original.slice(seen.at + 1, seen.at + 3).join(' ')) ||
        STORY_EVENT_BEFORE.test(words.slice(Math.max(0, seen.at - 3), seen.at).join(' ')));
    const holders = affirmed.filter(holds);
    if (holders.length === 1 && affirmed.every((seen) => holders.includes(seen) || inTheStory(seen))) affirmed = holders;
  }
  // "Sofi tiene cita el viernes y quiero sacarle una a Mateo el mismo día", "la de las 3 ya es de Sofía y la de las 9 de Mateo",
  // "la de 10:40 ya se la di a Mateo": when nothing is cancelled or moved, whoever already holds a cita or a slot is part of the
  // story; the patient is whoever else is named, and at a question of the booking under way, nobody.
  if (affirmed.length >= 1 && !CANCELS_OR_MOVES.test(whole)) {
    const holdsOne = (at: number) =>
      HAS_A_CITA.test(original.slice(at + 1, at + 5).join(' ')) ||
      // ("Tarde, la de Sofi es a las 3": her cita told with its hour.)
      (/\b(?:la|el|su) (?:cita |consulta |control )?(?:de|d|del)$/.test(words.slice(Math.max(0, at - 4), at).join(' ')) &&
        /^(?:es|era|quedo|queda|esta) (?:a las|a la|el|para el|para las|pa las)\b/.test(original.slice(at + 1, at + 4).join(' '))) ||
      /\bya (?:es|era|quedo) (?:de|para|pa)$|\b(?:esa|ese|esta) (?:ya )?es (?:la|el) (?:de|d|del)$|\bya (?:se |le )?(?:la|lo|las|los) (?:di|dimos|dio|tome|tomo|tomamos|separe|separamos|aparte|reserve|agende|saque|sacamos|pedi) (?:a|para|pa|pal)$/.test(
        words.slice(Math.max(0, at - 6), at).join(' '),
      );
    const holders = affirmed.filter((seen) => seen.mention.kind === 'name' && holdsOne(seen.at));
    // ("…ya es de Sofía y la de las 9 de Mateo": the second told the same way, its "ya" left out.)
    for (const seen of affirmed)
      if (
        !holders.includes(seen) &&
        seen.mention.kind === 'name' &&
        holders.some((holder) => holder.at < seen.at) &&
        /\by (?:la|el) de (?:las? )?\d{1,2}(?: \d\d)? de$/.test(words.slice(Math.max(0, seen.at - 7), seen.at).join(' '))
      )
        holders.push(seen);
    if (holders.length > 0) {
      const others = affirmed.filter((seen) => !holders.includes(seen));
      if (others.length > 0 && others.some((seen) => seen.at > Math.min(...holders.map((holder) => holder.at)))) affirmed = others;
      else if (others.length === 0 && (question === 'slot' || question === 'day' || question === 'band' || question === 'offer')) affirmed = [];
    }
  }
  // "Necesito mover la cita de Mateo, es que la chiquita se enfermó", "pa la bebé una cita…, tiene fiebre. El grande está en
  // el colegio", "primero la bebé, lo de Mateo es una gripita" (to «¿Para quién?»): someone else named in a later clause that
  // asks nothing (no "para", no cita, no request) is part of the story, not a second patient.
  // "Ah ok, entonces es la de Sofía. ¿Y Mateo no tiene ninguna pendiente?", "ah ok, la de pediatría es de Sofi. Entonces sí
  // sáquele una a Mateo": the one whose cita was just made out, then the one asked about or for.
  if (affirmed.length >= 2) {
    const clause = clausesOfWords();
    const who = (seen: { mention: PatientMention }) =>
      seen.mention.kind === 'name' ? `name:${seen.mention.name}` : seen.mention.kind === 'relation' ? seen.mention.relation : 'self';
    const madeOut = (seen: { at: number }) => MADE_OUT_WHOSE.test(words.filter((_, index) => clause[index] === clause[seen.at]).join(' '));
    const later = (seen: { at: number; mention: PatientMention }) =>
      affirmed.some((other) => (clause[other.at] ?? 0) > (clause[seen.at] ?? 0) && who(other) !== who(seen) && !madeOut(other));
    const kept = affirmed.filter((seen) => !(madeOut(seen) && later(seen)));
    if (kept.length > 0) affirmed = kept;
  }
  if (affirmed.length >= 2) affirmed = withoutStoryMentions(affirmed, words, clausesOfWords(), question);
  // "La de Sofi no, es la de Mateo la que toca cancelar", "no quiero mover la de Sofi, lo que quiero es una nueva pa Mateo":
  // the one refused, then the one meant.
  if (affirmed.length >= 2) {
    const clause = clausesOfWords();
    const refused = (seen: (typeof affirmed)[number]) =>
      (words[seen.at + 1] === 'no' && clause[seen.at + 2] !== clause[seen.at + 1]) ||
      /\bno (?:quiero|necesito|es|era|voy a) (?:[a-z]+ )?(?:la|el) (?:cita |consulta )?(?:de|del|d) (?:la |el |mi )?$/.test(
        `${words.slice(Math.max(0, seen.at - 8), seen.at).join(' ')} `,
      );
    const last = Math.max(...affirmed.map((seen) => seen.at));
    const kept = affirmed.filter((seen) => !(seen.at < last && refused(seen) && clause[seen.at] !== clause[last]));
    if (kept.length > 0) affirmed = kept;
  }
  // "Para mí, Laura": the member's own name adds nobody.
  if (self !== undefined && affirmed.some((seen) => seen.mention.kind === 'self')) {
    affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'name' && sameName(seen.mention.name, self)));
  }
  return { patients: affirmed.sort((a, b) => a.at - b.at).map((seen) => seen.mention), ...(timeOf ? { timeOf } : {}) };
}

/** Words that make a clause ask something of the one it names: "para", a cita, a request, "también". */
const ASKS_IN_CLAUSE =
  /\b(?:para|pa|pal|cita|citas|consulta|consultas|control|controles|turno|pediatr\w*|medic\w*|agend\w*|sac\w*|ped\w*|pid\w*|cancel\w*|anul\w*|mov\w*|muev\w*|reprogram\w*|cambi\w*|necesit\w*|quier\w*|quisier\w*|tambien|igual|mism\w*|ademas|otr[oa](?! (?:vez|dia|semana|rato))|(?:la|el) de)\b/;

/**
 * Drops the people named only in a later clause that asks nothing of them ("…, es que la chiquita se enfermó"), when an
 * earlier clause asks for someone else (or, to «¿Para quién?», names someone first).
 */
function withoutStoryMentions<Seen extends { mention: PatientMention; at: number }>(
  affirmed: readonly Seen[],
  words: readonly string[],
  clauses: readonly number[],
  question: Question,
): Seen[] {
  const who = (seen: Seen) => (seen.mention.kind === 'name' ? `name:${seen.mention.name}` : seen.mention.kind === 'relation' ? seen.mention.relation : 'self');
  const clauseWords = (clause: number) => words.filter((_, index) => clauses[index] === clause);
  // ("Arranquemos por Sofi, y después el niño": the next one, in turn.)
  const asks = (seen: Seen) => {
    const clause = clauseWords(clauses[seen.at] ?? -1).join(' ');
    return ASKS_IN_CLAUSE.test(clause) || /^(?:y |e )?(?:despues|dsps|luego|ahora|de ultimas|al final)(?: (?:con|a|al))?(?: (?:la|el|mi))? [a-z]+$/.test(clause);
  };
  const ordered = [...affirmed].sort((a, b) => a.at - b.at);
  const anchor = ordered.find(asks) ?? (question === 'patient' ? ordered[0] : undefined);
  if (anchor === undefined) return [...affirmed];
  const anchorClause = clauses[anchor.at] ?? -1;
  const story = (seen: Seen) => who(seen) !== who(anchor) && (clauses[seen.at] ?? -1) > anchorClause && !asks(seen) && clauseWords(clauses[seen.at] ?? -1).length >= 4;
  return affirmed.filter((seen) => !story(seen));
}

/**
 * The clause of each word: commas, semicolons, question and exclamation marks, and a full stop
 * followed by a space, separate clauses ("no, es para Mateo" is two).
 */
/** The sentence of each word: only a full stop, "!" or "?" ends one. */
function sentencesOf(normalized: string, words: readonly string[]): number[] {
  return clausesOf(normalized, words, /[!?]|\.\s/);
}

function clausesOf(normalized: string, words: readonly string[], ends = /[,;!?¡¿]|\.\s/): number[] {
  const clauses: number[] = [];
  let position = 0;
  let clause = 0;
  for (const word of words) {
    const at = normalized.indexOf(word, position);
    if (at < 0) {
      clauses.push(clause);
      continue;
    }
    if (ends.test(normalized.slice(position, at))) clause++;
    clauses.push(clause);
    position = at + word.length;
  }
  return clauses;
}

/**
 * Where the last word that takes back what was said between two mentions stands (-1 when none
 * does): "para Sofía digo para Mateo, perdón, es que…" corrects at "digo", not at "perdón".
 */
function lastCorrectionAt(words: readonly string[], mentionsAt: readonly number[]): number {
  return words.findLastIndex(
    (word, index) =>
      ((TAKING_BACK.has(word) && !(word === 'dicho' && words[index - 1] !== 'mejor')) ||
        (word === 'digo' && !['le', 'les', 'te', 'se', 'lo', 'que'].includes(words[index - 1] ?? '')) ||
        // ("Esa es la de Sofía, ¿no? Entonces no la cancele, yo quería era la de Mateo": what was wanted, set straight.)
        (word === 'era' && /^(?:queria|quiero|necesito|necesitaba|pedi|dije|buscaba|decia)$/.test(words[index - 1] ?? ''))) &&
      mentionsAt.some((at) => at < index) &&
      mentionsAt.some((at) => at > index),
  );
}

/** The runs of letters of the text last asked for, kept: every name of one message is looked for in the same text. */
let lettersText: string | undefined;
let lettersRuns: readonly string[] = [];
function lettersOf(text: string): readonly string[] {
  if (text !== lettersText) {
    lettersRuns = text.split(/[^\p{L}]+/u);
    lettersText = text;
  }
  return lettersRuns;
}

/** The name as the member wrote it ("josé" → "José"), to say it back; the first letter in capital. */
function withWrittenForm(mention: Extract<PatientMention, { kind: 'name' }>, text: string): PatientMention {
  for (const token of lettersOf(text)) {
    if (token && normalizeMessage(token) === mention.name) {
      return { ...mention, written: token.charAt(0).toLocaleUpperCase('es-CO') + token.slice(1) };
    }
  }
  return mention;
}
