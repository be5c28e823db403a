/**
 * The entities a message names (see `understand.ts`): a specialty, a visit type, a site; a day,
 * a time, a band (chrono-node, in `when.ts`), a day to move an appointment to; a date of birth,
 * a document, an e-mail. Each where the question asked makes it an answer, or where the
 * message leaves no doubt.
 */
import { isBusinessDay, isHoliday } from '../calendar.js';
import { readBirthDate } from './birth-date.js';
import { REFUSED_TIME } from './options.js';
import {
  EITHER_WILL_DO,
  SAME_TIME,
  ANY_DOCTOR,
  ASKS_WHERE,
  BEFORE_TIME,
  CHANGE_OF_MIND,
  CLOSING_AFTERNOON,
  DOCUMENT_TYPE_NAMED,
  EARLIER,
  EXPLICIT_BAND,
  FILE_CASE,
  FINE_AS_IS,
  HERE_SITE,
  LATER,
  LATEST,
  leavesAsIs,
  MAY_HOLD_A_DATE,
  MAY_HOLD_A_NUMBER,
  moveToIn,
  NO_EMAIL_FIRST,
  NOT_FILE_CASE,
  NOT_HERE,
  OTHER_DAY_ASKED_AT_OFFER,
  OTHER_DOCTOR,
  OTHER_SITE,
  SAME_AGAIN,
  SAME_DAY,
  SAME_DOCTOR_ONLY,
  SOONEST,
  TIME_BOUND,
  WRITE_AGAIN,
  CANNOT_WAIT,
  answerAfterRefusal,
  KEEP_IT,
  NEGATED_OPERATION,
  NOT_NEEDED,
} from './cues.js';
import { documentTypesIn, readDocument } from './document.js';
import { likelyMeant, readEmail } from './email.js';
import { operationCue } from './intent.js';
import type { Found } from './lexicon.js';
import { digitsFromWords } from './numbers.js';
import { DAY_QUESTIONS, IDENTITY_QUESTIONS, bogotaParts, uncovered, type Message, type Reading } from './reading.js';
import type { Entities, Question } from './types.js';
import { readWhen } from './when.js';
import { addDays, bogotaDay, nextWeekMonday, pad, type CivilDay } from './when-context.js';
import { normalizeMessage } from './words.js';

/** Where a document number may be given: before and during identification. */
const DOCUMENT_QUESTIONS: ReadonlySet<Question> = new Set(['start', 'consent', 'document', 'documentType', 'birthDate']);
/** Where the member may give up the change under way: the slots, days, bands, appointments and confirmations asked. */
/** Where "así está bien" could be read as a pick or a yes: a slot list, the days, a confirmation. */
const FINE_AS_IS_QUESTIONS: ReadonlySet<Question> = new Set(['slot', 'day', 'confirm']);
/** The site written from, in a request: "aquí mismo", "en esta sede", "en esta misma". */
const HERE_SITE_IN_REQUEST =
  /\b(?:aqui|aca) mismo\b|\b(?:cita|consulta|una) (?:aqui|aca)\b(?! (?:en|por) (?:el|la) (?:chat|celular|whatsapp|telefono))|\ben (?:est[ae]) (?:mism[ao] )?(?:sede|uss|centro|clinica|unidad)\b|\ben est[ae] mism[ao]\b|\b(?:la|esta) de (?:aqui|aca)\b/;
/** At the e-mail for a case, the case given up: "mejor no", "no radique nada", "yo llamo". */
const CASE_GIVEN_UP = /^(?:(?:ay|uy|no|bueno|pues)\s+)*mejor no\b|\bno (?:me |le |lo )?(?:radi\w*|abr\w*|hag\w*|mont\w*)\b|\b(?:yo|mejor) (?:llamo|marco|llamare)\b/;
const CHANGE_QUESTIONS: ReadonlySet<Question> = new Set(['specialty', 'visitType', 'site', 'slot', 'day', 'band', 'appointment', 'confirm', 'offer']);
/** Using this chat: "(primera vez que) uso esto", "les escribo", "entro aquí". */
const CHANNEL_USE = /^(yo )?(le |les |me )?(uso|utilizo|escribo|entro|hablo|chateo|manejo|ingreso|comunico|pruebo)\b/;

/** A message that is only a document number ("1010101010", "1.010.101.010", "mi documento es 1010101010"). */
const DOCUMENT_ALONE = /^(?:(?:mi|el)\s+(?:documento|numero de documento|numero de identificacion)\s+(?:es\s+)?)?(\d{1,3}(?:\.\d{3}){1,4}|\d{6,15})$/;

/** "Es mi hijo", "son mis hijos", "él es mi niño": a relation said to be the member's. */
const KINSHIP_BEFORE: ReadonlySet<string> = new Set(['mi', 'mis']);
const COPULA: ReadonlySet<string> = new Set(['es', 'son', 'era', 'sea']);

/** Where slots, days or appointments are shown: "lo más pronto posible" there picks the first. */
const SHOWN_WHEN_QUESTIONS: ReadonlySet<Question> = new Set(['slot', 'day', 'appointment', 'confirm', 'offer']);
/** "La última hora de la tarde", "las últimas horas", "el último horario del día": the latest times, as "lo más tarde posible". */
const LAST_HOURS =
  /\b(?:la|las) ultimas? (?:hora|horas|horita|horitas)\b(?! (?:de la manana|de la mananita|en la manana))|\b(?:el|los) ultimos? horarios? (?:de la tarde|del dia)\b/;
/** "Más temprano ese día", "ese día en la tarde": the day under discussion, as "ese mismo día". */
const THAT_DAY = /\b(?:ese|este|aquel) (?:dia|diita)\b/;
/** Two days weighed, neither said: "si es el miércoles o el jueves", "una cita el 25 o el 27, no estoy segura". */
const DAYS_WONDERED =
  /\b(?:si (?:es|era|fue)|el) (?:el |para el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}) o (?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b(?=.*\b(?:no (?:me acuerdo|se|estoy segur\w*|recuerdo)|me (?:puede|confirma|dice)\w*|confirm\w*)\b)|\bno (?:me acuerdo|se|recuerdo) si (?:es|era|fue) (?:el |para el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}) o\b/;

/** Busy until a day: "trabajo hasta el miércoles", "estoy de viaje hasta el 28", "no puedo hasta el jueves". */
const BUSY_UNTIL =
  /\b(?:trabajo|trabajamos|estoy (?:trabajando|ocupad[ao]|de viaje|fuera|por fuera|incapacitad[ao])|estamos (?:trabajando|ocupad[ao]s|de viaje|fuera)|no (?:puedo|podemos)|tengo turno|viajo|ando (?:ocupad[ao]|de viaje))(?: toda la semana| todos los dias)? hasta (?:el )?((?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b(?: de \w+)?)/;

/**
 * The cita spoken of, said with its own day after a story told with another ("Laura se va mañana para Medellín y me pidió
 * que le pasara la cita que tiene el miércoles", "está de viaje hasta el martes y tiene cita el miércoles"): that day.
 */
const CITA_HELD_ON =
  /\b(?:(?:la )?cita (?:de (?:medicina general|pediatria|control) )?(?:que )?(?:ella |el )?(?:tiene|tengo|tenia|tenemos)|(?:tiene|tengo|tenia) (?:una |la )?cita(?: de (?:medicina general|pediatria|control))?) (?:el dia |para el |el |este |del )((?:lunes|martes|miercoles|jueves|viernes|sabado)(?: \d{1,2})?|\d{1,2} de [a-z]+)\b/;

/** Another cita instead of the one under discussion: "otra mejor", "mejor deme otra", "en cambio otra" (see `anotherInstead`). */
const ANOTHER_INSTEAD =
  /\b(?:otra|otro) (?:mejor|mas bien|en vez|en cambio|en lugar)\b|\b(?:mejor|mas bien|en cambio|en vez de eso|en lugar de eso)(?: (?:me|nos))?(?: (?:da|das|dan|de|den|deme|denme|dame|puede dar|podria dar|pone|busca|busque|saca|saque|busqueme|saqueme))?(?: (?:una|otra|otro))? (?:otra|otro)\b/;

/** What opens a reason ("porque", "es que", "ya que"), with no change of mind after it: a site after it is why, not where. */
const REASON_OPENER = /\b(porque|por que|es que|ya que)\b(?!.*\b(mejor|mas bien)\b)/;

function lastValue<T>(found: ReadonlyArray<Found<T>>): T | undefined {
  return found.at(-1)?.value;
}

/** Services members ask for that Lina does not book, and how she names them back. */
const UNSERVED_SPECIALTIES: ReadonlyArray<[RegExp, string]> = [
  [/\b(odontolog\w*|odontologo|dentista|dental|muela|muelas|calza|higiene oral)\b/, 'odontología'],
  [/\bginecolog\w*\b/, 'ginecología'],
  [/\bdermatolog\w*\b/, 'dermatología'],
  [/\bcardiolog\w*\b/, 'cardiología'],
  [/\b(oftalmolog\w*|optometr\w*)\b/, 'oftalmología u optometría'],
  [/\b(psicolog\w*|psiquiatr\w*)\b/, 'psicología o psiquiatría'],
  [/\b(ortoped\w*|traumatolog\w*)\b/, 'ortopedia'],
  [/\b(fisioterap\w*|terapia fisica)\b/, 'fisioterapia'],
  [/\bnutricion\w*\b/, 'nutrición'],
  [/\bneurolog\w*\b/, 'neurología'],
  [/\burolog\w*\b/, 'urología'],
  [/\botorrino\w*\b/, 'otorrinolaringología'],
  [/\bmedicina interna\b|\binternista\b/, 'medicina interna'],
];

/** Every appointment of the patient: "las dos citas", "todas las citas", "cancélemelas las dos", "cancelar ambas". */
const ALL_APPOINTMENTS =
  /\b(?:las|sus|mis) (?:dos|2|tres|3) (?:citas|consultas)\b|\b(?:todas|ambas) (?:las |sus |mis )?(?:citas|consultas)\b|\b(?:cancel|anul)\w*(?:melas|selas|las|rlas) (?:las dos|las 2|todas|ambas)\b|\b(?:cancelar|anular|cancele|cancela|anule) (?:las dos|ambas|todas)\b(?! (?:de|del) )/;
/** "La más cerca", "la más cercana", "la que me quede más cerquita". */
const NEAREST_SITE = /\b(?:la )?(?:que (?:me |nos )?(?:quede|queda) )?mas (?:cerca|cerquita|cercana)\b|\bla mas cercana\b|\bla (?:que este|que quede) (?:mas )?cerca\b/;
/** At the site question, the site of another cita: "la misma sede", "en la misma", "la misma que la de Mateo", "donde la del niño". */
const SAME_SITE =
  /^(?:(?:en|pues|bueno|ah|ay|listo|ok|entonces|mejor|si) )*(?:(?:la|el) )?(?:mism[oa](?: (?:sede|lugar|sitio|parte|clinica))?(?: (?:que|q|de|del|donde)(?: (?:la|el))?(?: (?:de|del))?(?: (?:la|el|mi))?(?: [a-z]+)?)?|(?:donde|onde) (?:(?:le|me) (?:sacamos|saque|sacaron|dieron) )?(?:la|el) (?:cita )?(?:de|del) (?:la |el |mi )?[a-z]+)(?: (?:porfa|por favor|gracias))?$/;

/** "No, con otro médico", "mejor con otro médico", "entonces con otra doctora": another doctor asked for at an offer. */
const ANOTHER_DOCTOR_WANTED =
  // ("No, quiero con otro médico de Fontibón": the no set apart, then another doctor wanted; "no quiero con otro" is not.)
  /^\W*(?:(?:no|nop)\s*[,.;!…]+\s*)?(?:(?:bueno|pues|ok|ay|uy|ush|entonces)\W+)*(?:quiero|queria|necesito|prefiero|mejor)(?: que sea)? con otr[oa] (?:doctor|doctora|medico|medica|profesional|pediatra|dr|dra)\b|^\W*(?:(?:no|nop|bueno|pues|ok|ay|uy|ush|uf|uff|jum|ah|eh|vale|listo)\W+)*(?:mejor |entonces |prefiero |toca |pues )?con otr[oa] (?:doctor|doctora|medico|medica|profesional|pediatra|dr|dra)\b(?! no\b)|^\W*(?:(?:no|nop|bueno|pues|ok|ay|listo)\W+)*(?:mejor |entonces |pues )?con otr[oa](?:\W+(?:entonces|pues|mejor|porfa|por favor))*\W*$|^\W*(?:(?:bueno|pues|ok|ay|listo|si|sii|dale|claro|entonces)\W+)+con otr[oa]\b(?! (?:sede|dia|fecha|hora|franja|horario|jornada|semana|vez|cosa))/;

/** "La otra", "esa no, la otra cita": the other one of two, not another site, day, hour or doctor. */
const THE_OTHER =
  /\b(?:la|el) otr[ao](?: cita| consulta)?\b(?! (?:sede|dia|fecha|hora|horario|semana|medic\w*|doctor\w*|dr|dra|especialidad|persona|vez|opcion|franja|jornada|nueva|para|pa|de (?:la |el )?(?:manana|tarde)))/;
/** No e-mail, nor anyone close who has one. */
const NOBODY_HAS_EMAIL =
  /\bni (yo|nosotros) ni (nadie|mis hijos|mi familia)\b|\bnadie (en (mi|la) casa |de (mi|la) familia |de mis hijos |mas )?(tiene|tenemos|maneja|manejamos|usa)\b|\bno (tenemos|manejamos) (correo|email|nada de eso)\b|\bninguno (de nosotros |en la casa )?(tiene|maneja)\b/;
/** After an appointment named by its day ("la del miércoles"), where it goes: "… para el viernes". */
const NAMED_THEN_TO =
  /(?<=\b(?:la|esa) (?:del?|de el) [a-z0-9 ]{1,40}?)\b(?:pa|para|pal) (?:el |la )?(?=(?:lunes|martes|miercoles|jueves|viernes|sabado|manana|pasado|proximo|otro|\d))/;
/** Words that move or cancel a cita: a day refused with them is the cita's. */
// (The verb "correr" in its forms, never "correcto" nor "correo".)
const CITA_MOVED_OR_CANCELLED =
  /\b(?:reprogram\w*|cancel\w*|anul\w*|mover\w*|muev\w*|cambi\w*|corr(?:er|e|a|o|an|en|amos|ale|ele|ala|ela|alo|elo|ame|eme|emela|amela)|aplaz\w*|pospon\w*)\b/;
const SEARCHING: ReadonlySet<Question> = new Set(['slot', 'day', 'confirm', 'offer']);
/** "Hoy no alcanzo a salir", "mañana no puedo": a day said only as the one that does not suit, with no other day asked for. */
const DAY_REFUSED =
  /^(?!.*\b(mejor|pero|para el|pal|el (lunes|martes|miercoles|jueves|viernes))\b).*\b(hoy|manana|pasado manana) (si )?no (puedo|alcanzo|me queda|me sirve|tengo|hay quien|ay quien|hay kien|podemos|alcanzamos)\b/;

/** Before a specialty or visit type, words that say it is not the one: "no creo que sea con el pediatra", "no es ningún control". */
const NOT_BEING_IT =
  /\bno (?:creo|pienso|me parece)? ?(?:que |q )?(?:sea|es|era|seria|sera) (?:con |de |para |pa |por )?(?:el |la |un |una |ningun |ninguna |ni |tan |muy )?$|\bnunca (?:me |le |se |nos )?(?:he|ha|han|hemos|hice|hizo) (?:hecho|tenido|ido a) (?:el |la |un |una |ningun |ninguna )?$|\bno (?:estoy|esta|estamos) (?:en edad |ya )?(?:de|para) (?:el |la |ir al |ir a la )?$|\b(?:muy |ya |bastante |demasiado )?(?:grande|grandecit[oa]|grandote|grandota|mayor|mayorcit[oa]|viej[oa]|viejit[oa]|chiquit[oa]|pequen[oa]|chiquitic[oa]) (?:para|pa) (?:el |la |ir al |ir a la |ir donde el |ir donde la )?$|\bni que (?:fuera|fueramos|fuese) (?:un |una )?(?:nin[oa]|bebe|chiquit[oa]|pelad[oa]) (?:para|pa) (?:el |la |ir al |ir a la )?$/;
/** A civil day as `YYYY-MM-DD`. */
const isoDay = (day: CivilDay): string => `${day.year}-${pad(day.month)}-${pad(day.day)}`;

/** Another week asked for: "la otra semana", "la próxima semana", "la semana que viene". */
const ANOTHER_WEEK = /\b(otra|proxima|siguiente) semana\b|\bsemana (que viene|entrante|proxima|siguiente)\b/;
/** A day of that week named: "el lunes de la otra semana", "el 30". */
const A_DAY_OF_IT = /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b|\b\d{1,2}\b/;

/** Words of the visit type "no programada" that, said elsewhere, only say how soon ("una cita urgente"). */
const URGENCY_ONLY = /^urgente$/;

/** What a message names, with the courtesy words and the visit types found in it: other readings set them aside. */
/** "El papá la lleva mañana a otro lado", "la voy a llevar a un particular": the patient taken elsewhere, with when. */
const TAKEN_ELSEWHERE =
  /\b(?:la|lo|los|las) (?:lleva|llevo|llevamos|llevan|va a llevar|voy a llevar|vamos a llevar|van a llevar)\b(?: [a-z0-9]+){0,4}? a (?:otro lado|otra parte|otro sitio|un particular|particular|otra clinica|otro medico|la clinica|urgencias)\b(?: [a-z0-9]+){0,3}/;
/** "Al correo de mi hermana", "a otro correo", "el de mi hija": the answer sent to another address, named by whose it is. */
const ANOTHER_EMAIL =
  /\b(?:(?:al|el|a el|en el) (?:correo|email|mail|e mail|gmail|hotmail)|(?:el|al) de) (?:de )?(?:mi|mis|su) (?:hij[ao]s?|herman[ao]s?|espos[ao]|marido|mujer|mama|mami|madre|papa|papi|padre|sobrin[ao]|niet[ao]|prim[ao]|ti[ao]|nuera|yerno|cunad[ao])\b|\b(?:a|al|en) otro (?:correo|email|mail)\b/;
/** The member's own new address, not given yet: "tengo un correo nuevo", "ya no uso ese correo", "cambié de correo". */
const NEW_EMAIL =
  /\b(?:tengo|tenemos|uso|saque|hice) (?:un|otro) (?:correo|email|mail|gmail|hotmail) nuevo\b|\b(?:tengo|tenemos) (?:uno|otro) nuevo\b|\b(?:correo|email|mail) nuevo\b|\bnuevo (?:correo|email|mail)\b|\bya no (?:uso|manejo|abro|reviso|tengo|sirve) (?:ese|el|mi|ese mismo|el mismo) ?(?:correo|email|mail)?\b|\bcambie (?:de|el|mi) (?:correo|email|mail)\b|\b(?:ese|el) (?:correo|email|mail)\b[a-z ]{0,30}\bya no (?:lo |la )?(?:uso|manejo|abro|reviso|sirve|tengo)\b/;
/** "El 15 de marzo", "15/03": a day and a month, with no year after them. */
const DAY_AND_MONTH_ONLY =
  /\b\d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b(?! (?:de|del) \d)(?!\s*,?\s*\d)|\b\d{1,2}\/\d{1,2}\b(?!\/)/;
/** "Me la corre una horita más tarde", "pásela un ratico más tarde": a cita moved a little later the same day. */
/** How much later, in "una horita más tarde", "media hora más tarde", "dos horas más tarde". */
/** "Córramela una hora más temprano", "¿me la puede correr una hora antes?", "adelántemela media hora": earlier, by so much. */
const A_LITTLE_EARLIER =
  /\b(?:corr|pas|muev|mov|cambi|pon|dej)\w*\b.*\b(una|un|1|media|dos|2|un par de) (?:horita|hora|horitas|horas) (?:mas temprano|mas tempranito|antes)\b|\badelant\w*\b.*\b(una|un|1|media|dos|2|un par de) (?:horita|hora|horitas|horas)\b/;
const LATER_BY = /\b(una|un|1|media|dos|2|un par de) (?:horita|hora|horitas|horas) mas (?:tarde|tardecito)\b/;
const A_LITTLE_LATER =
  /\b(?:corr|pas|muev|mov|cambi|pon|dej)\w*\b.*\b(?:una|un|media|dos|2|un par de) (?:horita|hora|horitas|horas|ratico|ratito|rato|poquito|poco) mas (?:tarde|tardecito)\b/;
/** Where a site named says which cita the member has: at the menu, the appointments listed and the yes/no about one. */
const CITA_SITE_QUESTIONS: ReadonlySet<Question> = new Set(['start', 'menu', 'appointment', 'existing', 'confirm']);
/** Before a site, words that make it the site of a cita the member has: "la de", "la cita de", "la que tengo en". */
const CITA_OF_SITE_BEFORE =
  /(?:\b(?:la|el|esa|mi) (?:cita |consulta )?(?:de|del|en)(?: la| el)?|\b(?:la|el) (?:cita |consulta )?(?:de \w+ )?(?:que|q) (?:tengo|tiene|tenemos|tenia|tenian|me dieron|le dieron|sacamos|saque) (?:\w+ )?en(?: la| el)?)$/;
/** Courtesy between an answer and the reason after it: "médico general por favor, que…". */
const COURTESY_BEFORE_REASON = /^(?:por favor|porfa|porfavor|porfis|pues|mija|mijo|senorita|senora|si|mejor)$/;

export function readEntities(
  reading: Reading,
  message: Message,
  question: Question,
  now: Date,
): { entities: Entities; courtesy: ReadonlyArray<Found<true>>; visitTypes: ReadonlyArray<Found<unknown>> } {
  const { lexicon } = reading;
  const { normalized, words } = message;
  const wordsText = words.join(' ');
  const entities: Entities = {};

  // Courtesy words ("por favor", "señorita") are set aside by several readings: found once.
  const courtesy = lexicon.courtesy.find(words);
  const specialties = lexicon.specialty.find(words);
  // "Es control, no primera vez": a visit type right after "no" is the one ruled out.
  // "Primera vez que uso esto": the member's first time here, not a first visit.
  const visitTypes = lexicon.visitType
    .find(words)
    // ("Que no es control", "no era primera vez", "no es la primera vez": the one ruled out.)
    .filter(
      (found) =>
        words[found.start - 1] !== 'no' &&
        !(words[found.start - 2] === 'no' && /^(es|era|sea)$/.test(words[found.start - 1] ?? '')) &&
        !(words[found.start - 3] === 'no' && /^(es|era|sea)$/.test(words[found.start - 2] ?? '') && words[found.start - 1] === 'la'),
    )
    .filter((found) => !(words[found.end] === 'que' && CHANNEL_USE.test(words.slice(found.end + 1, found.end + 4).join(' '))))
    // ("De control, la primera vez ya fue en septiembre": a visit already had, not the one asked for.)
    .filter((found) => !/^(?:ya )?(?:fue|paso|la tuvo|la tuvimos|la tuve)\b/.test(words.slice(found.end, found.end + 2).join(' ')))
    // ("La primera cita que haya": the earliest, not a first visit.)
    .filter((found) => !(words[found.end - 1] === 'cita' && words[found.end] === 'que' && /^(haya|hay|tenga|tengan|este|salga|den)$/.test(words[found.end + 1] ?? '')))
    // "Cita urgente pa Sofi" asks for a cita soon; only where the visit type is asked does "urgente" pick "no programada".
    .filter((found) => question === 'visitType' || !URGENCY_ONLY.test(words.slice(found.start, found.end).join(' ')));
  // "Era en Suba, no en Kennedy": a site right after "no" is the one ruled out, when another is named.
  // "El veintiséis" where days are asked or shown: the 26th, not USS Calle 26 (which "la 26", "calle 26" still name).
  const namedSites = lexicon.sites
    .find(words)
    .filter(
      (found) =>
        !(
          found.end - found.start === 1 &&
          /^(veintiseis|\d+)$/.test(words[found.start] ?? '') &&
          // ("El jueves veintiséis": the date of a weekday.)
          (question === 'day' ||
            question === 'slot' ||
            words[found.start - 1] === 'el' ||
            /^(lunes|martes|miercoles|jueves|viernes|sabado|domingo)$/.test(words[found.start - 1] ?? ''))
        ),
    )
    // ("Sofi, no se suba ahí": the verb, not USS Suba.)
    .filter((found) => !(words[found.start] === 'suba' && /^(se|me|te|le|nos)$/.test(words[found.start - 1] ?? '')))
    // ("La cita del 26", "pal 26": a day of the month, not the USS Calle 26, which is "la 26".)
    // ("En Calle 42 pal veintiséis": the number in words too.)
    .filter((found) => !(found.end - found.start === 1 && /^(?:\d+|veintiseis)$/.test(words[found.start] ?? '') && /^(del|el|pal|al|para)$/.test(words[found.start - 1] ?? '')));
  const ruledOutSite = (found: Found<unknown>): boolean =>
    words[found.start - 1] === 'no' ||
    words[found.start - 1] === 'ni' ||
    ((words[found.start - 2] === 'no' || words[found.start - 2] === 'ni') && ['en', 'la', 'el', 'de'].includes(words[found.start - 1] ?? ''));
  // "Mejor en Suba, es que Kennedy me queda lejos": a site named in the reason after the one asked for is no answer.
  const inReason = (found: Found<unknown>): boolean => {
    const earlier = namedSites.find((other) => other.end <= found.start && other.value !== found.value);
    return earlier !== undefined && REASON_OPENER.test(words.slice(earlier.end, found.start).join(' '));
  };
  // ("Primero de Mayo, la de Kennedy no me sirve", "Suba, Kennedy no", "Kennedy no me sirve": a site turned down after it, never
  // the answer.)
  // ("¿Es en Chía, no?": a question tagged to be sure, no site turned down.)
  const taggedNo = (found: Found<unknown>): boolean =>
    found.end === words.length - 1 && words[found.end] === 'no' && /\bno\W*\?\W*$/.test(normalized) && /\b(?:es|queda|seria|sera|quedaria)\s+(?:en|por)\b/.test(wordsText);
  const turnedDown = (found: Found<unknown>): boolean =>
    (/^no$/.test(words.slice(found.end, found.end + 3).join(' ')) && !taggedNo(found)) ||
    /^(?:no(?: me| nos)? (?:sirve|conviene|gusta)\b|no (?:porque|xq|que|es|esta|puedo)\b)/.test(words.slice(found.end, found.end + 3).join(' ')) ||
    // ("La de Fonti esta vez, Kennedy me queda lejísimos": too far away.)
    /^(?:me |nos )?queda (?:muy |re |super |bien |demasiado )?(?:lejos|lejisimos|lejisimo|retirado|retiradisimo)\b/.test(words.slice(found.end, found.end + 5).join(' ')) ||
    // ("…y yo no la puedo llevar sola, que me queda muy lejos Kennedy": said after it, as a reason; "suba me queda lejísimos, chía"
    // answers with the site after it.)
    /\b(?:que|porque|xq|pq) (?:me|nos) queda (?:muy |re |super |bien |demasiado )?(?:lejos|lejisimos|lejisimo|retirado|retiradisimo)(?: la de| la| el| hasta)? $/.test(
      `${words.slice(Math.max(0, found.start - 6), found.start).join(' ')} `,
    ) ||
    // ("Sí, en cualquiera menos Facatativá", "sí, pero que no sea en Facatativá": a site left out.)
    /\b(?:menos|excepto|salvo|que no sea|pero no|en vez de|en lugar de)(?: en| la de| en la de)? $/.test(`${words.slice(Math.max(0, found.start - 5), found.start).join(' ')} `);
  // ("Que no sea Suba ni Chía", "menos Suba y Chía": a site joined to one turned down is turned down with it.)
  const turnedDownWith = new Set<Found<unknown>>();
  namedSites.forEach((found, index) => {
    const previous = namedSites[index - 1];
    if (
      turnedDown(found) ||
      (previous !== undefined &&
        turnedDownWith.has(previous) &&
        /^(?:,? ?(?:ni|y|e|o|tampoco|ni en|y en|ni la de|y la de)(?: la| el)?)$/.test(words.slice(previous.end, found.start).join(' ')))
    )
      turnedDownWith.add(found);
  });
  const notTurnedDown = namedSites.filter((found) => !turnedDownWith.has(found));
  // ("Le escribo desde aquí de Suba… pero la cita la necesito en Chía": where the member writes from, beside the site asked for.)
  const whereFrom = (found: Found<unknown>): boolean =>
    /\b(?:desde|estoy|estamos|vengo de|venimos de)(?: aqui| aca| ahorita| ahora)?(?: de| en| por)?(?: la| el)?(?: uss| sede)?(?: de)? $/.test(
      `${words.slice(Math.max(0, found.start - 6), found.start).join(' ')} `,
    );
  const keptSites = notTurnedDown.filter((found) => !ruledOutSite(found) && !inReason(found) && !whereFrom(found));
  const sites = keptSites.length > 0 && keptSites.length < notTurnedDown.length ? keptSites : notTurnedDown;
  // "¿Le toca pediatra o médico general?" asks, and names neither.
  const alternatives =
    specialties.length > 1 && new Set(specialties.map((found) => found.value)).size > 1 && words.slice(specialties[0]?.end ?? 0, specialties.at(-1)?.start ?? 0).includes('o');
  // "Con la pediatra, porque el general no le sabe a los niños": a specialty named only in the reason against it gives way.
  // ("General, Sofi ya tiene la de pediatría": what someone already has is no answer either.)
  const reasonAt = words.findIndex(
    (word, index) =>
      word === 'porque' ||
      // ("Medicina general, que pediatría es para los niños": "que" right after the one asked for opens the reason.)
      // ("Con el médico general por favor, que el pediatra es para los chiquitos": a courtesy between them.)
      (word === 'que' && specialties.some((found) => found.end === index || (found.end < index && COURTESY_BEFORE_REASON.test(words.slice(found.end, index).join(' '))))) ||
      word === 'xq' ||
      word === 'pq' ||
      (word === 'que' && words[index - 1] === 'ya') ||
      (word === 'ya' && /^(tiene|tienen|tengo|tenemos)$/.test(words[index + 1] ?? '')),
  );
  const beforeReason = reasonAt > 0 ? specialties.filter((found) => found.end <= reasonAt) : [];
  const unreasoned = beforeReason.length > 0 && specialties.some((found) => found.start > reasonAt && found.value !== beforeReason.at(-1)?.value) ? beforeReason : specialties;
  // "Era pediatría, no general": a specialty right after "no" is the one ruled out, when another is named.
  // ("Medicina general… no creo que sea con el pediatra": likewise, said as not being it.)
  const notRuledOut = unreasoned.filter(
    (found) =>
      words[found.start - 1] !== 'no' &&
      words[found.start - 1] !== 'ni' &&
      // ("Que sea pediatra, no un general", "no con el general".)
      !((words[found.start - 2] === 'no' || words[found.start - 2] === 'ni') && /^(?:un|una|el|la|con|de)$/.test(words[found.start - 1] ?? '')) &&
      !NOT_BEING_IT.test(`${words.slice(Math.max(0, found.start - 7), found.start).join(' ')} `) &&
      // ("Medicina general, la pediatra es pal bebé": a specialty said to be someone else's.)
      !/^(?:es|son|era) (?:pa|para|pal) /.test(words.slice(found.end, found.end + 3).join(' ')),
  );
  const mainSpecialties = notRuledOut.length > 0 ? notRuledOut : unreasoned;
  // "Los niños para pediatría y yo medicina general", "pediatría y medicina general": one for each, so none for all.
  const [firstSaid] = mainSpecialties;
  const lastSaid = mainSpecialties.at(-1);
  const saidBetween = firstSaid && lastSaid ? words.slice(firstSaid.end, lastSaid.start) : [];
  const eachTheirOwn =
    new Set(mainSpecialties.map((found) => found.value)).size > 1 &&
    saidBetween.includes('y') &&
    !saidBetween.some((word) => /^(?:no|mejor|perdon|bueno|corrijo|era|sino)$/.test(word));
  const specialty = alternatives || eachTheirOwn ? undefined : lastValue(mainSpecialties);
  if (specialty) entities.specialty = specialty;
  // "¿Es primera vez o control?", "no sé si es primera vez o control": asks, and names neither ("…o control. Creo que primera
  // vez entonces": the one said after is the answer).
  const [weighed, against] = visitTypes.slice(-2);
  const between = weighed && against ? words.slice(weighed.end, against.start) : [];
  const visitAlternatives = weighed !== undefined && against !== undefined && weighed.value !== against.value && between.includes('o') && between.length <= 3;
  // ("No programada… control no es", "no es ningún control": a visit type said not to be it gives way to the one that is.)
  // ("Control no es, es por la tos", "control no": the one named, denied right after, is never the answer, even alone.)
  const deniedAfter = (found: Found<unknown>): boolean =>
    !/\bno\s*\?+\W*$/.test(normalized) &&
    (/^(?:no es|no era|no sera|tampoco)\b/.test(words.slice(found.end, found.end + 2).join(' ')) ||
      (words[found.end] === 'no' && (words[found.end + 1] === undefined || /^(?:porque|xq|pq|que|q|mejor|sino|gracias)$/.test(words[found.end + 1] ?? ''))));
  const visitTypesMeant = visitTypes.filter((found) => !NOT_BEING_IT.test(`${words.slice(Math.max(0, found.start - 7), found.start).join(' ')} `) && !deniedAfter(found));
  const visitTypesLeft = visitTypes.filter((found) => !deniedAfter(found));
  const visitType = visitAlternatives ? undefined : lastValue(visitTypesMeant.length > 0 ? visitTypesMeant : visitTypesLeft);
  if (visitType) entities.visitType = visitType;
  // "¿La de Suba o la de Fontibón, cuál tiene algo hoy?": two sites weighed in a question, neither chosen.
  // ("Calle 42 o la 26, la que tenga cita más rápido", "cualquiera que quede por la 26 o la 42" at the site question: either,
  // none chosen; Lina searches one site at a time and asks for one.)
  const sitesWeighed =
    sites.length > 1 &&
    new Set(sites.map((found) => found.value)).size > 1 &&
    words.slice(sites[0]?.end ?? 0, sites.at(-1)?.start ?? 0).includes('o') &&
    (/\?\W*$/.test(normalized) ||
      (question === 'site' &&
        EITHER_WILL_DO.test(wordsText) &&
        // ("Kennedy o Autopista Sur, cualquiera de las dos… bueno, Autopista Sur": one settled on after weighing.)
        !/\b(?:bueno|pongamos|mejor|entonces|listo|dejemos|digamos|prefiero|dejela|dejelo)(?: (?:en|la|la de))?$/.test(
          words.slice(Math.max(0, (sites.at(-1)?.start ?? 0) - 3), sites.at(-1)?.start ?? 0).join(' '),
        )));
  // ("¿Y no hay en otra sede cerca a Faca?": another site, near the one named, which is no site asked for.)
  const nearOnly =
    sites.length > 0 &&
    OTHER_SITE.test(wordsText) &&
    // ("Puede ser en otra sede cerca, Kennedy por ejemplo": the site given as the one wanted.)
    !/\b(?:cerca|cerquita|cercana|cercano)\s*[,;:.]+\s*(?:en |la de |en la de )?[a-z]+(?: [a-z0-9]+)? por ejemplo\b/.test(normalized) &&
    sites.every((found) =>
      // ("…en otro lado cerca? es que yo vivo en Faca": where the member lives, near which another is wanted.)
      /\b(?:cerca|cerquita|cercana|cercano)(?: (?:a|de|del|al))?$|\b(?:vivo|vivimos|vive|viven|trabajo|trabajamos|soy de|somos de)(?: (?:en|por|alla en|aca en|cerca de|cerca a))?$/.test(
        words.slice(Math.max(0, found.start - 3), found.start).join(' '),
      ),
    );
  const site = sitesWeighed || nearOnly ? undefined : lastValue(sites);
  // ("En Suba o en Calle 26, la que tenga más temprano" at the site question: the ones weighed, in the order said.)
  if (sitesWeighed && question === 'site') entities.sitesWeighed = [...new Set(sites.map((found) => found.value))];
  // "Nació en el hospital de Kennedy": where someone was born is no site to book at; "¿dónde queda la de Kennedy?" asks about one.
  // ("En Chía en la mañana porfa" while a document is asked: where the cita asked for should be, said with its band or service.)
  const bookingDetailsToo = !/\d/.test(normalized) && !/\bnac\w*\b/.test(wordsText) && /\b(?:manana|tarde|temprano|medicina|pediatr\w*|cita)\b/.test(wordsText);
  if (site && (!IDENTITY_QUESTIONS.has(question) || ASKS_WHERE.test(normalized) || bookingDetailsToo)) entities.site = site;
  // "Cancéleme la de Kennedy", "la que tengo en Suba": the site of a cita the member has, which says which one it is.
  const citaSite = CITA_SITE_QUESTIONS.has(question)
    ? sites.find((found) => CITA_OF_SITE_BEFORE.test(words.slice(Math.max(0, found.start - 6), found.start).join(' ')))?.value
    : undefined;
  if (typeof citaSite === 'string' && entities.site === citaSite) entities.citaSite = citaSite;
  // "¿Y no hay en otra sede cerquita?": another site, which the dialog asks for.
  else if (!site && !IDENTITY_QUESTIONS.has(question) && OTHER_SITE.test(wordsText)) entities.otherSite = true;
  // "Aquí en esta sede", "la de acá" at the site question: the site the member writes from, which the dialog knows.
  else if (!site && question === 'site' && HERE_SITE.test(wordsText) && !NOT_HERE.test(wordsText)) entities.hereSite = true;
  // "La misma sede", "en la misma que la de Mateo", "donde la del niño": the site of the member's last booking, which the dialog knows.
  else if (!site && question === 'site' && SAME_SITE.test(wordsText)) entities.sameSite = true;
  // "La más cerca", "la que me quede más cerquita" at the site question: nearest to where, Lina cannot know.
  else if (!site && question === 'site' && NEAREST_SITE.test(wordsText)) entities.nearestSite = true;
  // "Necesito pediatría de control en esta misma sede", "una cita aquí mismo": with a request, only the plain ways of saying it.
  else if (!site && (question === 'start' || question === 'menu') && HERE_SITE_IN_REQUEST.test(wordsText) && !NOT_HERE.test(wordsText)) entities.hereSite = true;

  // "Cancélemela, el papá la lleva mañana a otro lado": where and when someone takes the patient instead, no site nor day of
  // the cita.
  const elsewhere = TAKEN_ELSEWHERE.exec(normalized);
  if (elsewhere) delete entities.otherSite;
  // Days and times are read without the words that name a site ("Primero de Mayo", "la 26"), nor those of the patient taken elsewhere.
  // ("Sí, radíquelo, no puedo esperar hasta la otra semana": nor the day the member cannot wait for.)
  const whenText = (
    elsewhere
      ? `${normalized.slice(0, elsewhere.index)} ${normalized.slice(elsewhere.index + elsewhere[0].length)}`
      : namedSites.length > 0
        ? uncovered(words, namedSites).join(' ')
        : normalized
  ).replace(CANNOT_WAIT, ' ');
  readTheDay(reading, message, question, now, entities, whenText, namedSites);

  readAfterTheDay(entities, message, question, now, elsewhere, whenText);
  return { entities, courtesy, visitTypes };
}

/**
 * What `readEntities` reads of the day and the time (`readWhen`), of the days ruled out and of the day moved to. (A function
 * of its own: see `readAfterTheDay`.)
 */
function readTheDay(reading: Reading, message: Message, question: Question, now: Date, entities: Entities, whenText: string, namedSites: ReadonlyArray<Found<unknown>>): void {
  const { lexicon } = reading;
  const { normalized, original, words } = message;
  const wordsText = words.join(' ');
  let when = readWhen(whenText, now, { mananaIsBand: question === 'band', timesShown: question === 'slot', busyRulesOut: question === 'offer', daysShown: question === 'day' });
  // "Cualquier día menos el lunes", "no hoy ni mañana": the days ruled out, as first read (a later change of mind keeps them).
  let ruledOutDays = when.ruledOutDays;
  const firstWhen = when;
  let correctedWhen: ReturnType<typeof readWhen> | undefined;
  // "El juevs" where a day is expected: read again from the corrected words.
  // ("La de oy a las dos", "el biernes", spelt by ear, anywhere but where a document or birth date is asked: the day.)
  if (!when.day && words.some((word, index) => word !== original[index]) && (DAY_QUESTIONS.has(question) || !IDENTITY_QUESTIONS.has(question))) {
    const corrected = readWhen(uncovered(words, namedSites).join(' ').replace(CANNOT_WAIT, ' '), now, {
      mananaIsBand: question === 'band',
      timesShown: question === 'slot',
      busyRulesOut: question === 'offer',
    });
    ruledOutDays ??= corrected.ruledOutDays;
    correctedWhen = corrected;
    if (corrected.day && !when.time) when = corrected;
    else if (corrected.day) when = { ...when, day: corrected.day, ...(corrected.weekday !== undefined ? { weekday: corrected.weekday } : {}) };
  }
  // ("No, el viernes en la mañana tengo reunión. ¿No hay nada el jueves en la tarde?" at an offer: the day asked.)
  const askedAtOffer = question === 'offer' && when.day ? OTHER_DAY_ASKED_AT_OFFER.exec(normalized) : null;
  if (askedAtOffer && askedAtOffer.index > 0) {
    const asked = readWhen(askedAtOffer[0], now);
    if (asked.day && asked.day !== when.day) when = { ...when, day: asked.day, ...(asked.weekday !== undefined ? { weekday: asked.weekday } : {}) };
  }
  // (Where a cita is being moved or cancelled, its own day, said with it after a story told with another day: see `CITA_HELD_ON`.)
  const heldOn = when.day && (question === 'start' || question === 'menu') ? CITA_HELD_ON.exec(wordsText) : null;
  if (heldOn && heldOn.index > 0) {
    const held = readWhen(`el ${heldOn[1] ?? ''}`, now);
    if (held.day && held.day !== when.day) when = { ...when, day: held.day, ...(held.weekday !== undefined ? { weekday: held.weekday } : {}) };
  }
  // "¿Hay la otra semana?" where days or slots are shown: the week, not its Monday; days are listed from it.
  if ((question === 'slot' || question === 'day') && when.day && ANOTHER_WEEK.test(normalized) && !A_DAY_OF_IT.test(normalized)) {
    const [year, month, day] = when.day.split('-').map(Number) as [number, number, number];
    entities.daysAfter = new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
    when = { ...when, day: undefined, weekday: undefined };
  }
  // "Esta semana no puedo" where days or slots are shown: next week, whose days are listed.
  if ((question === 'slot' || question === 'day') && !when.day && /\besta semana no\b/.test(normalized)) entities.daysAfter = isoDay(addDays(nextWeekMonday(bogotaDay(now)), -1));
  // "Trabajo hasta el miércoles. ¿Hay el jueves o el viernes?", "estoy de viaje hasta el 28" where days or slots are shown: busy
  // until that day, whose days after it are listed (it is no day asked for).
  const busyUntil = (question === 'slot' || question === 'day') && when.day ? BUSY_UNTIL.exec(normalized) : null;
  const untilDay = busyUntil ? readWhen(`el ${busyUntil[1] ?? ''}`, now).day : undefined;
  if (untilDay !== undefined) {
    entities.daysAfter = untilDay;
    when = { ...when, day: undefined, weekday: undefined };
  }
  // ("No me acuerdo si es el miércoles o el jueves", "tengo una cita el 25 o el 27, no estoy segura": which day, wondered; none
  // is said.)
  if (when.day && question !== 'slot' && question !== 'day' && DAYS_WONDERED.test(normalized)) when = { ...when, day: undefined, weekday: undefined };
  // "La de las 9, ay mejor la del miércoles a las 10:40": the day and time after a change of mind are the answer.
  // ("El jueves… o bueno, el viernes mejor": a "mejor" closing the message only stresses what it follows.)
  const mindText = normalizeMessage(whenText).replace(/[\s,.;!]*\b(?:mejor|mas bien)[\s,.;!]*$/, '');
  const changed = CHANGE_OF_MIND.exec(mindText);
  if (changed && (when.day || when.time)) {
    const after = readWhen(mindText.slice(changed.index + changed[0].length), now, {
      mananaIsBand: question === 'band',
      timesShown: question === 'slot',
      busyRulesOut: question === 'offer',
    });
    // The band said before the change of mind stays only when nothing after it names the time ("en la tarde… mejor el miércoles").
    // ("El jueves a las 3, no mentiras, a las 4": only the hour corrected, the day said before stays.)
    const dayBefore = !after.day && when.day ? { day: when.day, ...(when.weekday !== undefined ? { weekday: when.weekday } : {}) } : {};
    if (after.day || after.time) when = { ...after, ...dayBefore, ...(after.band || !when.band || after.time ? {} : { band: when.band }) };
  }
  // ("Ninguna del viernes, pues el martes a las 3", "hoy a las 2 no alcanzo… el martes 3 pm sí": where times are shown, the
  // day and hour said after the ones turned down are the answer.)
  if ((question === 'slot' || question === 'day') && (when.day || when.time)) {
    const answer = answerAfterRefusal(normalizeMessage(whenText));
    if (answer !== undefined) {
      const after = readWhen(answer, now, { timesShown: question === 'slot' });
      // (The part of the day of the hour named, "a las 2 de la tarde", is no band asked.)
      const { band: _partOfTheDay, ...hour } = after;
      if (after.day && after.time) when = hour;
      // ("Ninguna del lunes, pues la del martes": the day said after, searched.)
      else if (after.day) when = after;
    }
  }
  // A band the member asks for ("en la tarde", "temprano"), not a habit ("por las mañanas") nor the part of the day of an hour.
  // A bare "tarde" closing a request ("fontibon tarde") asks for the afternoon too (the parser already left out "más tarde", "llego tarde").
  // ("Qué pena molestarla tan tempranito": the hour of writing, not a band.)
  const soEarly = when.band === 'manana' && /\btan (temprano|tempranito)\b/.test(wordsText) && !/\b(en|por|pa|para) la manana\b|\bmananita\b|\bprimera hora\b/.test(wordsText);
  if (
    when.band &&
    !soEarly &&
    (EXPLICIT_BAND.test(wordsText) ||
      (question === 'band' && !when.time) ||
      // ("Tarde, ojalá tipo 3" at the band question: the band answered, then the hour wished for.)
      (question === 'band' && /^\W*(?:manana|tarde)\b(?! (?:de|a) las?\b)/.test(wordsText)) ||
      // ("Después de las 2, o sea tarde": the hour, then the band it means, said for what it is.)
      (question === 'band' && /\b(?:o sea|osea|es decir|digamos)(?: en| por)?(?: la)? (?:manana|tarde)$/.test(wordsText)) ||
      (when.band === 'tarde' && !when.time && CLOSING_AFTERNOON.test(wordsText)))
  )
    entities.band = when.band;
  // "En la tarde no puedo": that band is ruled out for the whole search (the ladder never offers it).
  if (when.ruledOutBand && entities.band !== when.ruledOutBand) entities.ruledOutBand = when.ruledOutBand;
  // "Me da igual, la que quede más cerca" at the site question is about the site, not the hour.
  // ("Cualquiera de las de la doctora", "bueno cualquiera, la primera" among the times shown: any of those, not any band.)
  if (
    entities.band === 'cualquiera' &&
    // ("La q sea más rápido, la no programada" at the visit type: the type, no band; "la que sea" alone there says the member does
    // not know the types, which the dialog explains.)
    (((question === 'site' || (question === 'visitType' && entities.visitType !== undefined) || (question === 'specialty' && entities.specialty !== undefined)) &&
      !/\b(hora|horas|horario|jornada|franja|manana|tarde)\b/.test(wordsText)) ||
      // ("Sí, cualquiera menos Facatativá" at an offer of another site: any site but that one.)
      (question === 'offer' && /\bcualquier\w* (?:menos|excepto|salvo)\b/.test(wordsText)) ||
      ((question === 'slot' || question === 'day') && !/\bcualquier\w* (?:hora|horas|horario|jornada|franja)\b|\bla hora que (?:sea|haya|tengan?)\b/.test(wordsText)))
  )
    delete entities.band;
  // "Hoy no alcanzo", "el martes no puedo" where a search is under way: the day said is the one that does not suit.
  // ("Hoy no me sirve, ¿mañana tiene?": the day named after the one refused stands.)
  const refusedDay = when.day && SEARCHING.has(question) ? DAY_REFUSED.exec(wordsText) : null;
  if (refusedDay && !entities.weekday && readWhen(refusedDay[3] ?? '', now).day === when.day) when = { ...when, day: undefined, weekday: undefined };
  // "Vuelvo a escribir la otra semana": when the member writes again, not a day for the cita.
  if (when.day && !when.time && WRITE_AGAIN.test(wordsText) && !readWhen(wordsText.replace(WRITE_AGAIN, ' '), now).day) when = { ...when, day: undefined, weekday: undefined };
  // "No hoy ni mañana", "el lunes no puedo": a day ruled out is never the day asked for; unless the message moves or cancels a
  // cita, whose day it names ("reprogramar la de Sofí, que el viernes no puedo").
  if (when.day && ruledOutDays?.includes(when.day)) {
    if (CITA_MOVED_OR_CANCELLED.test(wordsText)) ruledOutDays = ruledOutDays.filter((day) => day !== when.day);
    else when = { ...when, day: undefined, weekday: undefined };
  }
  if (when.day) {
    entities.day = when.day;
    // Holidays come from the project's calendar (Ley 51 de 1983 and Ley 2578 de 2026).
    if (!isBusinessDay(when.day)) entities.dayOff = isHoliday(when.day) ? 'holiday' : 'weekend';
  }
  if (when.weekday !== undefined && entities.day) entities.weekday = when.weekday;
  // (A day asked for in the same message is never ruled out, wherever it stands in it; where a document or a birth date is
  // asked, no day is ruled out.)
  // ("Menos los lunes", "los martes y jueves no puedo": those weekdays of the coming weeks, but a day named.)
  const everyWeek = firstWhen.ruledOutWeekdays ?? correctedWhen?.ruledOutWeekdays;
  if (everyWeek) ruledOutDays = [...(ruledOutDays ?? []), ...everyWeek.filter((day) => !ruledOutDays?.includes(day))];
  ruledOutDays = ruledOutDays?.filter((day) => day !== entities.day);
  if (ruledOutDays?.length && !IDENTITY_QUESTIONS.has(question)) entities.ruledOutDays = ruledOutDays;
  // "¿Y en enero?", "para diciembre": a month without a day.
  const monthNamed = entities.day ? null : MONTH_ALONE.exec(normalizeMessage(whenText));
  // ("La primera vez ya fue en septiembre", "desde octubre": a month past, told of.)
  const monthPast = monthNamed
    ? /\b(?:fue|fueron|paso|desde|tuvo|tuve|estuvo|estuve|empezo)(?: \w+)? (?:en|de|el)? ?$/.test(normalizeMessage(whenText).slice(0, monthNamed.index))
    : false;
  if (monthNamed?.[1] && !IDENTITY_QUESTIONS.has(question) && !monthPast) {
    const month = MONTH_NUMBERS.indexOf(monthNamed[1]) + 1;
    const [year = 0, current = 0] = (bogotaParts(now.toISOString())?.day ?? '').split('-').map(Number);
    if (month > 0 && year > 0) entities.month = `${month >= current ? year : year + 1}-${String(month).padStart(2, '0')}`;
  }
  // "El 8 de diciembre es festivo ¿no? entonces el martes 15": the working day asked for after the day off wins.
  if (entities.dayOff) {
    const text = normalizeMessage(whenText);
    for (const opener of [...text.matchAll(LATER_DAY_OPENER)].reverse()) {
      const later = readWhen(text.slice((opener.index ?? 0) + opener[0].length), now, {
        mananaIsBand: question === 'band',
        timesShown: question === 'slot',
        busyRulesOut: question === 'offer',
      });
      if (!later.day || later.day === entities.day || !isBusinessDay(later.day)) continue;
      entities.day = later.day;
      delete entities.dayOff;
      if (later.weekday !== undefined) entities.weekday = later.weekday;
      else delete entities.weekday;
      break;
    }
  }
  // "Tengo una cita el miércoles y necesito cambiarla pal jueves": the day after "cambiarla
  // para" is the new one; a day before it names the appointment.
  // (Read as written, or as the speller reads it: "kiero reprogramr la cita d mi ijo pal juebes".)
  const moveText = moveToIn(normalizeMessage(whenText)) !== null ? normalizeMessage(whenText) : wordsText;
  // ("La del miércoles para el viernes" where the appointment is being chosen: named, then where to.)
  const moveTo = entities.day ? (moveToIn(moveText) ?? (question === 'appointment' ? NAMED_THEN_TO.exec(moveText) : null)) : null;
  // "La cita de las 10 me la puede cambiar para las 4 del mismo día": no day, and the hour after "cambiar para" is the new one.
  const hourMove = !entities.day && !IDENTITY_QUESTIONS.has(question) ? moveToIn(moveText) : null;
  if (hourMove) {
    const target = readWhen(moveText.slice(hourMove.index + hourMove[0].length), now);
    if (target.time && !target.day) entities.newTime = target.time;
  }
  if (moveTo) {
    const normalizedWhen = moveText;
    // ("…para el 2": the article kept, so that a bare number reads as the day of the month.)
    const targetFrom = normalizedWhen.slice(moveTo.index + moveTo[0].length);
    const readAsIs = readWhen(targetFrom, now);
    const target = readAsIs.day || !/^\d{1,2}\b/.test(targetFrom) ? readAsIs : readWhen(`el ${targetFrom}`, now);
    const named = readWhen(normalizedWhen.slice(0, moveTo.index), now);
    if (target.day) {
      entities.newDay = target.day;
      // "La del miércoles pásemela para el jueves a las 3": the hour goes with the new day, also when
      // the appointment was named with its own ("la del miércoles a las 10… el jueves después de las 2").
      if (target.time) entities.newTime = target.time;
      // "Tengo una cita el miércoles a las 10 de la mañana… pasármela para el viernes por la tarde": the band of the new day
      // is the one said with it; the old appointment's hour names no band.
      const targetText = normalizedWhen.slice(moveTo.index + moveTo[0].length);
      if (target.band && (EXPLICIT_BAND.test(targetText) || !target.time)) entities.band = target.band;
      else if (named.band && !target.band && !(question === 'band' && !named.time)) {
        delete entities.band;
        // ("La del jueves por la mañana me la pasa pal viernes a la misma hora": the morning one of Thursday is the one meant.)
        if (named.band !== 'cualquiera' && !named.time) entities.citaBand = named.band;
      }
      // ("Se va mañana… y me pidió que le pasara la cita que tiene el miércoles para la otra semana": the cita's own day.)
      const heldBefore = CITA_HELD_ON.exec(normalizedWhen.slice(0, moveTo.index));
      const heldDay = heldBefore && heldBefore.index > 0 ? readWhen(`el ${heldBefore[1] ?? ''}`, now) : undefined;
      if (heldDay?.day && heldDay.day !== target.day) {
        entities.day = heldDay.day;
        if (heldDay.weekday !== undefined) entities.weekday = heldDay.weekday;
        else delete entities.weekday;
      } else if (named.day && named.day !== target.day) {
        entities.day = named.day;
        if (named.weekday !== undefined) entities.weekday = named.weekday;
        else delete entities.weekday;
      }
    }
  }
  // "Por la tarde, Sofi sale del jardín al mediodía": noon said as a reason beside the band asked for is no time.
  if (when.time === '12:00' && entities.band && /\b(medio ?dia)\b/.test(normalized) && !/\b12\b/.test(normalized)) delete when.time;
  // ("Para las dos, yo y Sofi" to "¿Para quién?": both people, not two o'clock.)
  // ("A las 3 no puedo" away from the slots, where "la siguiente" may follow it: no hour asked for.)
  // ("A las 2 no puedo, mejor a las 4": the hour said after the one refused is asked for.)
  const refusedIn = (text: string) => (question !== 'slot' ? REFUSED_TIME.exec(text) : null);
  const refusedTime = refusedIn(normalized) ?? refusedIn(wordsText);
  // ("Me la corre para las 11, es que a las 10 no alcanzo": the hour asked is another than the one refused, and stands.)
  const hourRefused = refusedTime !== null ? readWhen(refusedTime[0], now).time : undefined;
  const timeRefused =
    refusedTime !== null &&
    !(when.time !== undefined && readWhen(refusedTime.input.slice(refusedTime.index + refusedTime[0].length), now).time === when.time) &&
    !(when.time !== undefined && hourRefused !== undefined && hourRefused !== when.time);
  if (when.time && question !== 'document' && !timeRefused && !(question === 'patient' && /\b(las|los) dos\b/.test(normalized))) entities.time = when.time;
  // "Antes de las 8", "después de las 4": the hour is a bound of the search, not the time of one slot.
  if (entities.time && TIME_BOUND.test(wordsText)) {
    if (BEFORE_TIME.test(wordsText)) entities.beforeTime = true;
    else entities.afterTime = true;
  }
  // ("Después de recoger a la niña del jardín a las 12", "antes de entrar a trabajar a las 9": the hour a task ends or starts.)
  else if (entities.time && when.bound === 'after') entities.afterTime = true;
  else if (entities.time && when.bound === 'before') entities.beforeTime = true;
  if (!IDENTITY_QUESTIONS.has(question) && !entities.time && SAME_TIME.test(wordsText)) entities.sameTime = true;
  // "¿Me la puede correr una horita más tarde?": the same day, later than the cita's own time.
  // (While identifying too, when the message moves a cita: "correr mi cita una hora más tarde, la que tengo pasado mañana".)
  const movesACita = !IDENTITY_QUESTIONS.has(question) || CITA_MOVED_OR_CANCELLED.test(wordsText);
  if (movesACita && !entities.time && !entities.newDay && (A_LITTLE_LATER.test(wordsText) || A_LITTLE_LATER.test(original.join(' ')))) {
    entities.sameDay = true;
    entities.later = true;
    const by = LATER_BY.exec(wordsText);
    if (by) entities.laterBy = by[1] === 'media' ? 30 : /^(?:dos|2|par)/.test(by[1] ?? '') ? 120 : 60;
  }
  // "Córramela una hora más temprano": the same day, that much earlier than the cita's own time (no morning asked for).
  const earlierBy = movesACita && !entities.time && !entities.newDay && !entities.later ? A_LITTLE_EARLIER.exec(wordsText) : null;
  if (earlierBy) {
    entities.sameDay = true;
    entities.earlier = true;
    const amount = earlierBy[1] ?? earlierBy[2] ?? '';
    entities.earlierBy = amount === 'media' ? 30 : /^(?:dos|2|un par)/.test(amount) ? 120 : 60;
    if (entities.band === 'manana' && !/\b(?:en|por|de) la manana\b/.test(wordsText)) delete entities.band;
  }
  // ("Más temprano ese día", "ese día más tardecito", "ese día en la tarde": that day, other times; "ese día no puedo" is no such
  // request.)
  const thatDay = THAT_DAY.test(wordsText) && !entities.day && !/\bno\b/.test(wordsText) && (EARLIER.test(wordsText) || LATER.test(wordsText) || when.band !== undefined);
  if (!IDENTITY_QUESTIONS.has(question) && (SAME_DAY.test(wordsText) || thatDay)) {
    entities.sameDay = true;
    // "El mismo día pero más tarde": later than that cita's time, when no hour says from when.
    if (LATER.test(wordsText) && !entities.time) entities.later = true;
    // ("Tengo una cita el miércoles a las 10… me la corre más tarde ese mismo día? tipo a las tres": 10 is the cita's hour,
    // 3 the one asked for.)
    const sameDayAt = SAME_DAY.exec(wordsText) ?? THAT_DAY.exec(wordsText);
    const askedAfter = entities.time && !entities.newTime && sameDayAt ? readWhen(wordsText.slice(sameDayAt.index + sameDayAt[0].length), now).time : undefined;
    // (Not the hour refused after it: "…para las 11 del mismo día, es que a las 10 no alcanzo".)
    if (askedAfter && askedAfter !== entities.time && askedAfter !== hourRefused && !/^\W*no\b/.test(wordsText.slice(sameDayAt ? sameDayAt.index + sameDayAt[0].length : 0)))
      entities.newTime = askedAfter;
  }
  // ("No, con otro médico", "mejor con otro médico": another doctor wanted, the no only turning down the one offered.)
  // ("Ush qué raro, bueno sí con otro médico, ojalá el miércoles": the yes to another doctor after the sigh.)
  if (
    question === 'offer' &&
    (ANY_DOCTOR.test(wordsText) ||
      ANOTHER_DOCTOR_WANTED.test(normalized) ||
      /\b(?:si|bueno|listo|dale|entonces|ok)\b[\s,]+(?:(?:si|pues|bueno|entonces)[\s,]+)?con otr[oa] (?:doctor|doctora|medico|medica|profesional|pediatra|dr|dra)\b(?! no\b)/.test(
        normalized,
      ))
  )
    entities.anyDoctor = true;
  // "La de las 3 con el que sea", "cualquiera de los dos", "me da igual el médico" at the slots: any doctor at the hour meant.
  if (question === 'slot' && WHOEVER.test(wordsText)) entities.anyDoctor = true;
  // "No, con otro no, yo quiero con ella": at an offer, only the doctor searched is wanted.
  if (question === 'offer' && !entities.anyDoctor && SAME_DOCTOR_ONLY.test(wordsText)) entities.sameDoctorOnly = true;
  // "Sí, pero con otro médico", "que no sea con el doctor Restrepo": at a confirmation, the slots or the band question, not
  // the doctor of the slot or slots shown (or of the appointment moved).
  // ("Con cualquier médico, no importa" before a control is searched: not only the treating doctor.)
  if ((question === 'confirm' || question === 'slot' || question === 'band') && (OTHER_DOCTOR.test(wordsText) || ANY_DOCTOR.test(wordsText))) entities.otherDoctor = true;
  // ("Quiero cambiar mi cita con otro médico", "me la cambia con otro doctor": the move asked with it, to another doctor.)
  // (Also while the member is asked for consent or identified: the move is kept for after.)
  else if (question !== 'offer' && question !== 'email' && OTHER_DOCTOR.test(wordsText)) entities.otherDoctor = true;
  if ((CHANGE_QUESTIONS.has(question) || question === 'existing') && (leavesAsIs(wordsText) || leavesAsIs(original.join(' ')))) entities.leaveAsIs = true;
  // ("Esa del miércoles no la vaya a cancelar", "déjeme la cita como estaba" at the menu: nothing to do to the citas.)
  if (question === 'menu' && (KEEP_IT.test(wordsText) || NEGATED_OPERATION.test(wordsText)) && operationCue(wordsText) === undefined) entities.leaveAsIs = true;
  // "Sii ay no, espere, mejor no" to "¿Cuál cita quieres cancelar?": giving the operation up, as a bare "no" there is.
  if (question === 'appointment' && /\b(?:mejor no|mejor ninguna|ya no|mejor nada)\W*$/.test(normalized)) entities.leaveAsIs = true;
  if (question === 'confirm' && ANOTHER_INSTEAD.test(wordsText)) entities.anotherInstead = true;
  if (question === 'confirm' && NOT_NEEDED.test(wordsText)) entities.notNeeded = true;
  // At the e-mail for a case: "mejor no, déjelo así", "olvídelo", "ay no, mejor no radique nada, yo llamo": the case given up.
  if (question === 'email' && (leavesAsIs(wordsText) || leavesAsIs(original.join(' ')) || CASE_GIVEN_UP.test(wordsText))) entities.caseGivenUp = true;
  // "Así está bien" at a slot list or a confirmation: neither a pick nor a yes, asked again plainly.
  if (FINE_AS_IS_QUESTIONS.has(question) && !entities.leaveAsIs && FINE_AS_IS.test(wordsText)) entities.fineAsIs = true;
  // "Pero si él es mi hijo", "es mi hija": a relation said to be one ("es mi…", "son mis…"), not a cita asked for it ("es para mi hijo").
  if (
    !IDENTITY_QUESTIONS.has(question) &&
    lexicon.relations.find(words).some((found) => KINSHIP_BEFORE.has(words[found.start - 1] ?? '') && COPULA.has(words[found.start - 2] ?? ''))
  ) {
    entities.claimsKinship = true;
  }
  // "Ahora para la nieta, lo mismo": the cita just booked, for someone else (the dialog knows which).
  if ((question === 'menu' || question === 'patient') && SAME_AGAIN.test(wordsText)) entities.sameAgain = true;
  // "Mejor en Chía, radique el caso": a RISS case asked for, wherever a search is under way.
  if ((CHANGE_QUESTIONS.has(question) || question === 'menu') && FILE_CASE.test(wordsText) && !NOT_FILE_CASE.test(normalized)) entities.fileCase = true;
  // "¿Hay algo más temprano?" where slots are shown: earlier than those.
  // ("Más tempranito ese mismo día", moving a cita: earlier than its own time.)
  if ((question === 'slot' || question === 'confirm' || entities.sameDay) && EARLIER.test(wordsText)) entities.earlier = true;
  // "Medicina general, lo más pronto posible": the earliest at any hour, where no slots or days are shown yet (there it picks the first).
  if (!IDENTITY_QUESTIONS.has(question) && !SHOWN_WHEN_QUESTIONS.has(question) && !entities.band && !entities.time && SOONEST.test(wordsText)) entities.soonest = true;
  // "Lo más tarde posible": the latest times of the day first, wherever a time is asked or said.
  if (!IDENTITY_QUESTIONS.has(question) && (LATEST.test(wordsText) || LAST_HOURS.test(wordsText))) {
    entities.latest = true;
    // The latest times are the afternoon's unless a band is said ("lo más tarde en la mañana").
    entities.band ??= 'tarde';
  }
}

/**
 * What `readEntities` reads after the day and the time: a date of birth, a document, an e-mail, the flags said with them, and
 * the day looked at again once all is read. (A function of its own: V8 compiles a function whole, and `readEntities` whole,
 * some 17 KB of bytecode, took its optimising compiler about a second a time, again after each deoptimisation.)
 */
function readAfterTheDay(entities: Entities, message: Message, question: Question, now: Date, elsewhere: RegExpExecArray | null, whenText: string): void {
  const { read, normalized, words } = message;
  const wordsText = words.join(' ');
  const today = bogotaParts(now.toISOString())?.day ?? '';
  // Most messages hold no date: the reader runs only on a digit, a month or a number word.
  // At its question, a date written with typos ("quinze de marso") is read from the corrected words too.
  const birthDate =
    MAY_HOLD_A_DATE.test(normalized) || question === 'birthDate'
      ? (readBirthDate(read, today) ?? (question === 'birthDate' ? readBirthDate(wordsText, today) : undefined))
      : undefined;
  // "Ay perdón, es el 15 de marzo" where the date of birth or the document is asked: a day and month without the year.
  if (!birthDate && (question === 'birthDate' || question === 'document') && entities.day !== undefined && DAY_AND_MONTH_ONLY.test(normalized)) {
    entities.birthDateNoYear = true;
    entities.birthDayMonth = entities.day.slice(5);
    delete entities.day;
    delete entities.weekday;
  }
  // "1994", "del 94" where the date of birth is asked (after "me falta el año"): the year alone, never a document number.
  const yearAlone =
    !birthDate && question === 'birthDate'
      ? /^\W*(?:(?:es|fue|el|en el|en)\s+)*(?:(?:del|de|ano|el ano|del ano)\s+(\d{2})|((?:19|20)\d{2}|3[2-9]|[4-9]\d))\W*$/.exec(normalized)
      : null;
  const yearSaid = yearAlone?.[1] ?? yearAlone?.[2];
  if (yearSaid !== undefined) {
    const said = yearSaid;
    const thisYear = now.getUTCFullYear();
    entities.birthYear = String(said.length === 4 ? Number(said) : 2000 + Number(said) > thisYear ? 1900 + Number(said) : 2000 + Number(said));
    delete entities.documentNumber;
    delete entities.documentType;
    delete entities.time;
    delete entities.day;
    delete entities.weekday;
    delete entities.dayOff;
  }
  if (birthDate) {
    entities.birthDate = birthDate;
    delete entities.day;
    delete entities.weekday;
    delete entities.dayOff;
    delete entities.time;
    // "Nací el 2 de noviembre de 1980, necesito una cita… para el jueves a eso de las 3": the day and time asked for, read without the date of birth.
    if (question !== 'birthDate') {
      const rest = readWhen(normalizeMessage(whenText).replace(DATE_WITH_YEAR, ' '), now);
      if (rest.day) {
        entities.day = rest.day;
        if (rest.weekday !== undefined) entities.weekday = rest.weekday;
        if (!isBusinessDay(rest.day)) entities.dayOff = isHoliday(rest.day) ? 'holiday' : 'weekend';
      }
      if (rest.time && (rest.day || /\b(a|a eso de|tipo|como a|despues de|antes de) las?\b/.test(normalized))) entities.time = rest.time;
    }
  }
  // A document where one may be given: a number (or a number dictated in words), or the type alone.
  // Elsewhere, a document given with its type ("es para mí, cédula 1010101010") is read too.
  const documentHere = DOCUMENT_QUESTIONS.has(question) && (question === 'document' || question === 'documentType' || MAY_HOLD_A_NUMBER.test(normalized));
  if (documentHere || (/\d{5}/.test(normalized) && DOCUMENT_TYPE_NAMED.test(normalized))) {
    const document = readDocument(read);
    const typed = document.documentType !== undefined && document.documentNumber !== undefined;
    // "15 03 94", "15 de marzo de 1.994" at the date-of-birth question are the date, not a document.
    if (
      document.documentNumber &&
      (documentHere || typed) &&
      !(birthDate && !document.documentType && (question === 'birthDate' || isDateDigits(document.documentNumber, birthDate)))
    ) {
      entities.documentNumber = document.documentNumber;
    }
    if (document.documentType && (typed || question === 'documentType' || question === 'document')) {
      entities.documentType = document.documentType;
    }
    // "El de la niña es registro civil, porque…": at the type question, the one type named is the answer.
    if (question === 'documentType' && !entities.documentType) {
      const named = documentTypesIn(read);
      if (named.length === 1 && named[0]) entities.documentType = named[0];
    }
    // "¡Ya le dije! 1010101010": at the document question, one long number is the number, whatever surrounds it.
    if (question === 'document' && !entities.documentNumber && !birthDate) {
      // (With dots or spaces between the groups, "1.019.874.562.", "1042 333 444"; a sentence's full stop after it.)
      // ("Le doy la de Laura: uno cero uno cero…": dictated in words.)
      const said = /\d/.test(normalized) ? normalized : digitsFromWords(normalized);
      const numbers = said.match(/(?<![\d.])\d{1,3}(?:\.\d{3})+(?!\d|\.\d)|(?<!\d |\d)\d{1,4}(?: \d{3}){2,3}(?! ?\d)|(?<!\d)\d{6,15}(?!\d)/g) ?? [];
      // ("80.123.456… ay no, esa es la de mi esposo, la mía es 52.111.987": corrected, the last one.)
      const last = numbers.at(-1);
      const corrected =
        numbers.length === 2 &&
        last !== undefined &&
        /\b(no|digo|perdon|mejor|corrijo|mentiras|equivoque)\b/.test(said.slice(said.indexOf(numbers[0] ?? ''), said.lastIndexOf(last)));
      if ((numbers.length === 1 || corrected) && last) entities.documentNumber = last.replace(/[. ]/g, '');
    }
    // "Uy no, me faltó un cero: 1010101010" at the date-of-birth question: a number too long for a date is the document, corrected.
    if (question === 'birthDate' && !entities.documentNumber && !birthDate) {
      const numbers = normalized.match(/(?<!\d)\d{9,15}(?!\d)/g) ?? [];
      if (numbers.length === 1 && numbers[0] && !/[/-]/.test(normalized)) entities.documentNumber = numbers[0];
    }
  }
  // "1010101010", "1.010.101.010" alone once identified: the document typed again (the dialog says whose it is), never an option.
  // (A mobile number, 3 and nine digits, is no document.)
  if (!DOCUMENT_QUESTIONS.has(question) && question !== 'email' && !entities.documentNumber && !birthDate) {
    const alone = DOCUMENT_ALONE.exec(normalized.trim());
    const number = alone?.[1]?.replace(/\./g, '');
    if (number && !/^3\d{9}$/.test(number)) entities.documentNumber = number;
  }
  const email = readEmail(read);
  if (email.email) {
    entities.email = email.email;
    // ("…@hotmial.com": the common provider it was surely meant to be, asked about before a case is sent there.)
    const meant = likelyMeant(email.email);
    if (meant) entities.emailMeant = meant;
  }
  // "pedro arroba gmail": an address begun, not finished.
  else if (/@|\barroba\b/.test(normalized) && !email.noEmail) entities.emailIncomplete = true;
  // "No tengo" and "ninguno" answer the e-mail question; elsewhere only words about mail do.
  if (email.noEmail && (question === 'email' || /\b(correo|email|e mail|mail|gmail|hotmail)\b/.test(normalized))) entities.noEmail = true;
  // "Sí, pero que me llegue al correo de mi hermana": another address than the one on file, not given yet.
  if (!entities.email && (question === 'offer' || question === 'email') && ANOTHER_EMAIL.test(normalized)) entities.anotherEmail = true;
  else if (!entities.email && question === 'offer' && NEW_EMAIL.test(normalized)) entities.newEmail = true;
  // "No tengo, me pueden escribir por aquí?": the answer comes first, then the rest.
  if (question === 'email' && !entities.email && NO_EMAIL_FIRST.test(normalized)) entities.noEmail = true;
  // "Cancelar las dos citas de Mateo", "cancélemelas las dos", "las dos" at the appointment question: all of them.
  if (
    !IDENTITY_QUESTIONS.has(question) &&
    (ALL_APPOINTMENTS.test(wordsText) ||
      (question === 'appointment' && /^(?:(?:las|a|pues|no|si) )*(?:las dos|ambas|todas|las 2)(?: (?:porfa|por favor|gracias))?$/.test(wordsText)))
  )
    entities.allAppointments = true;
  // ("Sí, confirme las dos", "confirmo las dos", "…si se puede las dos seguiditas": both, not two o'clock.)
  if (
    (entities.time === '14:00' || entities.newTime === '14:00') &&
    /\b(?:confirm|cancel|agend|muev|reprogram|camb|dej)\w* (?:las|los) (?:dos|2)\b|\b(?:las|los) (?:dos|2) (?:seguid|juntas|juntos|el mismo|la misma)/.test(wordsText) &&
    !/\ba las (?:dos|2)\b/.test(wordsText)
  ) {
    if (entities.time === '14:00') delete entities.time;
    if (entities.newTime === '14:00') delete entities.newTime;
  }
  // ("Cancélemelas las dos": two appointments, not two o'clock.)
  if (entities.allAppointments && entities.time === '14:00' && /\b(las dos|las 2)\b/.test(wordsText) && !/\ba las (dos|2)\b/.test(wordsText)) delete entities.time;
  // "No, mejor cancélela" at a confirmation: what is being confirmed, called off (a booking's; at «¿La cancelo?» it is the yes).
  if (question === 'confirm' && /\b(?:cancel|anul)(?:ela|ala|elo|alo|emosla|emoslo|e eso|a eso|ar eso|e todo|emos)\b/.test(wordsText) && !/\b(cita|la de|la del)\b/.test(wordsText))
    entities.cancelIt = true;
  // "No, la otra" at a confirmation or the appointment question: the other appointment.
  if ((question === 'confirm' || question === 'appointment') && THE_OTHER.test(wordsText)) entities.theOther = true;
  // "No uso eso, mándeme la respuesta por aquí": no e-mail of their own.
  if (question === 'email' && !entities.email && /\bno (uso|manejo|utilizo|se usar|se manejar|tengo nada de) (eso|correo|email|mail|el correo|esas cosas)\b/.test(normalized))
    entities.noEmail = true;
  // "No tengo ni yo ni nadie", "no tengo correo y nadie en mi casa tiene": no e-mail in the family either.
  if (question === 'email' && !entities.email && NOBODY_HAS_EMAIL.test(normalized)) {
    entities.noEmail = true;
    entities.nobodyHasEmail = true;
  }
  // "Una cita de odontología": a service Lina does not book, named as it is usually written.
  if (!entities.specialty && !IDENTITY_QUESTIONS.has(question)) {
    const unserved = UNSERVED_SPECIALTIES.find(([pattern]) => pattern.test(normalized));
    if (unserved) entities.unservedSpecialty = unserved[1];
  }
  // (The day said only of the patient taken elsewhere is none of the cita's, however the words were read.)
  if (elsewhere && entities.day !== undefined && readWhen(elsewhere[0], now).day === entities.day && readWhen(whenText, now).day === undefined) {
    delete entities.day;
    delete entities.weekday;
  }
  // "Para la otra semana": a week, whose Monday stands for it as the day (or the new day) searched from; `weekAsked` tells
  // it from a Monday the message names.
  if (ANOTHER_WEEK.test(normalized) && !/\blunes\b|(?<![:.\d])30\b|\btreinta\b/.test(normalized)) {
    const monday = isoDay(nextWeekMonday(bogotaDay(now)));
    if (entities.day === monday || entities.newDay === monday) entities.weekAsked = monday;
  }
  // "Me la pasa para el mismo día de la otra semana": the weekday of the day under discussion, a week later (not next week's
  // Monday, which only stood for the week).
  if (entities.sameDay && WEEK_LATER.test(normalized)) {
    entities.weekLater = true;
    if (entities.day !== undefined && entities.day === entities.weekAsked) {
      delete entities.day;
      delete entities.weekday;
    }
    if (entities.newDay !== undefined && entities.newDay === entities.weekAsked) delete entities.newDay;
    delete entities.weekAsked;
  }
}

/** "El mismo día de la otra semana", "el mismo día pero de la semana que viene": a week later, on that weekday. */
const WEEK_LATER = /\bmismo dia,? (?:pero )?(?:de|en) (?:la )?(?:otra semana|semana que viene|proxima semana|siguiente semana|semana siguiente|semana entrante)\b/;

/** A date with its year ("2 de noviembre de 1980", "02/11/1980"): a date of birth, set aside when the day asked for is read. */
const DATE_WITH_YEAR = /\b\d{1,2}\s*(?:de\s+)?[a-z]+\.?\s*(?:del?\s+|,\s*)?\d{4}\b|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b\d{6,8}\b/g;

const MONTH_NUMBERS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
/** A month asked for without a day: "¿y en enero?", "para diciembre", "a principios de enero". */
const MONTH_ALONE = new RegExp(`\\b(?:en|para|pa|pal|el mes de|(?:a\\s+)?(?:principios|mediados|finales)\\s+de)\\s+(${MONTH_NUMBERS.join('|')})\\b(?!\\s+(?:de\\s+)?\\d)`);

/** Where a later day may follow one the member set aside: "…es festivo ¿no? entonces el martes 15". */
const LATER_DAY_OPENER = /\b(?:entonces|mejor|mas bien|o sea|bueno)\b|[?;.]/g;

/** Whether a number is a date of birth's digits ("150394", "15031994", "19940315"). */
function isDateDigits(number: string, birthDate: string): boolean {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  return [`${day}${month}${year.slice(2)}`, `${day}${month}${year}`, `${year}${month}${day}`].includes(number);
}

/** Any doctor, said at the slots: "con el que sea", "con cualquiera", "cualquiera de los dos", "me da igual el médico". */
const WHOEVER =
  /\b(?:con (?:el|la|quien) (?:que )?(?:sea|este|haya|toque)|con cualquier(?:a)?(?: de (?:los|las) dos)?(?: (?:doctor|doctora|medico|medica|profesional))?|cualquiera de (?:los|las) dos|(?:me )?da igual (?:el|la|con) (?:doctor|doctora|medico|medica|quien)|(?:el|la) (?:doctor|doctora|medico|medica) (?:que sea|me da igual|no importa)|no importa (?:el|la|con) (?:doctor|doctora|medico|medica|quien))\b/;
