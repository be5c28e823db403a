/**
 * What members write around their answers, as patterns: the cues the understanding step
 * (`understand.ts`) reads next to the classifier and the lexicon. Each names the kind of
 * sentence it catches; all match the normalised text (lower case, no accents).
 */
import { PhraseIndex, type Found } from './lexicon.js';
import type { Intent } from './types.js';

/** A day asked about rather than picked: "¿y el viernes?", "¿no tiene para el jueves?", "ninguno me sirve". */
export const ASKS_FOR_DAY = /\?|^y (el|la|para)\b|\b(no )?(tiene|tienen|hay|habra|habria)\b|\bningun[oa]?\b|\bse puede\b/;
/** "No tengo, me pueden escribir por aquí": no e-mail, said first. */
export const NO_EMAIL_FIRST = /^(?:(?:no+|nop|pues no|ay)[ ,.!]+)?no tengo(?: (?:ninguno|ninguna|correo|email))?\s*[,.;!?]/;
/**
 * "Así está bien", "así me sirve", with nothing else: fine as it is, but which way? At a slot list or a
 * confirmation it neither picks a slot nor says yes (see `fineAsIs`).
 */
export const FINE_AS_IS =
  /^(?:(?:no|ay|bueno|pues|listo|ah|ok|mmm*|entonces|senorita) )*(?:asi|como esta|como estaba) (?:esta|queda|quedo|estaria|me sirve|esta bien|esta bueno|esta perfecto)(?: (?:bien|bueno|perfecto|asi|gracias|senorita|pues|mija))*$/;
/** The cita no longer needed: "ya no la necesito", "ya no nos hace falta", "ya no la vamos a necesitar". */
export const NOT_NEEDED =
  /\bya no (?:la |lo |las |los )?(?:necesito|necesitamos|necesita|necesitan|ocupo|ocupamos|vamos a necesitar|voy a necesitar|va a necesitar)\b(?! (?:cancelar|anular|mover|cambiar|correr|pasar|reprogramar)\w*)|\bya no (?:me |nos |le |les )?hace falta\b/;
/** The words that refuse or warn against what follows: "no quiero", "no es para", "no (me) la vaya a". */
const NEGATING = String.raw`no (?:quiero|queria|quisiera|deseo|voy a|vamos a|iba a|es para|era para|necesito|(?:me |se |nos )?(?:la |lo )?(?:vaya|vayan|valla|vallan) a)`;
/** An operation refused or warned against: "no quiero cancelar", "no la vaya a cancelar", "no es para agendar". */
export const NEGATED_OPERATION = new RegExp(String.raw`\b${NEGATING} (?:cancel|anul|mov|muev|cambi|reprogram|reagend|agend|pas|corr)\w*`);
/** Right before an option's words, what denies it: "no quiero (cancelar)", "esa no la vaya a (cancelar)". */
export const DENIED_BEFORE = new RegExp(String.raw`\b${NEGATING}$`);

/** "Entonces déjela así", "déjeme la cita del miércoles como estaba": the appointment is kept. */
export const KEEP_IT =
  /\b(dejela|dejemosla|dejarla|dejelas|dejemos|la dejo|las dejo) (asi|como esta|quieta)\b|\bdej(?:e|a|eme|ame|emos|en)(?:la|lo)? (?:la |mi |esa )?(?:cita|consulta)(?: (?:del?|de este|de la) [a-z0-9]+){0,2} (?:asi|como esta|como estaba|quieta|igual)\b|\basi esta bien\b|\bya (me )?(quede|quedo|quedamos|quedo lista|esta lista) (con )?(la )?cita\b|\bya (me )?quedo (agendada|lista|la cita)\b/;
/**
 * "Déjela como estaba", "olvídelo", "ya no quiero cambiarla", "déjeme lo pienso": the member
 * gives up the change under way, or puts it off.
 */
export const LEAVE_AS_IS =
  /\b(?:esa|esta|la) (?:dejel[ao]|dejal[ao]) (?:q|que|porque|pq|xq) (?:es|era)\b|\b(?:mejor )?(?:despues|luego|mas tarde|otro dia) (?:la|lo|los|les) (?:llamo|llamamos|llamare)\b|\bmejor (?:llamo|llamare|marco) (?:despues|luego|mas tarde|a la linea)\b|\bmejor (?:despues|luego|mas tarde) (?:llamo|llamare|marco)\b|\b(dejel[ao]s?|dejal[ao]s?|dejemosl[ao]s?|dejarl[ao]s?|dejemos|(la|lo|las|los) (dejo|dejamos|deje|dejen|deja)|dejemoslo)(?: (?:el|para el|pal) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}))? (asi|como (esta|estaba|estan|estaban)|quiet[ao]s?|igual|tal cual)\b|\bolvid(elo|ela|alo|ala|emoslo|emosla|enlo|ese|ate|elo todo)\b|\bya no (la |lo )?(quiero|voy a|necesito|deseo) (cambiar|mover|correr|pasar|reprogramar|reagendar|cancelar|anular)\w*|\bno (la|lo) (quiero|voy a) (cambiar|mover|correr|pasar|reprogramar|reagendar|cancelar|anular)\b|\bno quiero (cambiarla|moverla|correrla|pasarla|reprogramarla|cancelarla|anularla)\b|\b(la|lo) (voy a )?(pienso|pensare)\b|\b(voy a|dejeme|deje|dejame|tengo que|necesito) (lo |la )?pensar(lo|la)?\b|\b(luego|despues|mas tarde) (le|te|les) (confirmo|escribo|aviso|digo)\b|\b(vuelvo a escribir|le escribo|les escribo|escribo|vuelvo|miro) otro dia\b|\botro dia (le |les )?(escribo|vuelvo|miro)\b|\bdespues (miro|veo|reviso)\b|\b(mejor )?no (la|lo|me la|me lo) (cancele|cancelen|cancelo|cancelemos|anule|anulen|mueva|muevan|cambie|cambien|corra|corran|pase|pasen)\b|^(?:(?:ay|ah|bueno|ok|no)\W+)*ya no,? (?:gracias,? )?(?:mejor )?(?:despues|luego|otro dia|mas tarde)\b/;
/**
 * Words every alternative of `LEAVE_AS_IS` holds one of (dej…, llam…, marco, olvid…, "ya no", "no la/lo/me…", "no quiero",
 * pens…, pien…, confirmo/escribo/aviso/digo, "otro dia", "despues "): a text without any cannot match, and is not tried. Keep the two
 * together: an alternative added there needs its word here.
 */
export const MAY_LEAVE_AS_IS = /dej|llam|marco|olvid|ya no|no l|no m|no quiero|pens|pien|confirmo|escribo|aviso|digo|otro dia|despues /;
/** `LEAVE_AS_IS.test(text)`, without running it where it cannot match. */
export function leavesAsIs(text: string): boolean {
  return MAY_LEAVE_AS_IS.test(text) && LEAVE_AS_IS.test(text);
}
/** "Ese mismo día", "el mismo día pero más tarde": the day already under discussion. */
/** "A la misma hora", "al mismo horario", "a esa misma hora": the time under discussion (another's is `timeOf`). */
// ("El viernes a la misma hora que el jueves tengo turno": "que" gives the reason, or names the day of the time under
// discussion; "a la misma hora que la de Mateo" is another's, see `timeOf`.)
export const SAME_TIME =
  /\b(a la|a esa|la|esa) misma hora\b(?! (de|como|a) | (?:que|q) (?!(?:el|la) (?:lunes|martes|miercoles|jueves|viernes|sabado)\b))|\bal mismo horario\b(?! (de|que|q|como|a) )|\bmismo dia y (?:la )?(?:misma )?hora\b/;
export const SAME_DAY = /\b(ese|el|este|aquel|del) mismo dia\b|\b(esa|la|esta) misma fecha\b/;
/** At the consent question, consent in a sentence: "manifiesto que acepto el tratamiento de mis datos". */
export const CONSENTS = /(?<!\bno )\b(acepto|autorizo|doy (mi )?(autorizacion|consentimiento)|estoy de acuerdo)\b/;
/** An opening "si no" followed by what the member would not do: a condition ("si no lo hago", "si no autorizo"), not "sí, no…". */
export const CONDITIONAL_IF =
  /^[^a-z0-9]*(?:(?:y|pero|bueno|ok|ah|ay|pues|entonces)[\s,.]+)*si no (?:lo|la|le|me|te|se|nos|quiero|acepto|autorizo|doy|puedo|deseo|quisiera|firmo|contesto|respondo|voy|vamos|va|llego|llegamos|llega|asisto|asistimos|alcanzo|alcanzamos|podemos|puede)\b/;
/**
 * "Sí pero espere le pregunto a mi esposo", "pues sí pero no sé si mejor la dejo", "sí pero déjeme confirmar con el colegio
 * primero", "sí pero ¿para qué necesitan mis datos?": a yes held back by a wait, a doubt or a question. It is no yes: Lina asks
 * again (a yes with a wish, "sí pero que sea en la tarde", "sí pero rápido", or a worry conceded, "sí, aunque no sé si me den
 * permiso", still is one).
 */
export const YES_HELD_BACK =
  /^(?:(?:pues|bueno|ay|ah|mmm|mm|eh|ok|este|ehh) )*(?:si|sii|claro|listo|dale|ok|bueno)(?: (?:si|senora|senorita|claro|mija))? (?:pero|solo que) (?:(?:es que|pues|mejor|primero|ay|este|ahi|ahorita) )*(?:espere|espera|esperame|espereme|esperate|aguarde|un momento|un momentico|un segundo|un ratico|un rato|deje|dejeme|dejame|deja|no se|no estoy segur[oa]|tengo que (?:preguntar|confirmar|mirar|revisar|hablar|consultar)|le pregunto|les pregunto|pregunto|voy a preguntar|toca preguntar|(?:le |les )?(?:pregunto|confirmo|miro|hablo|consulto) primero|para que|por que|porque|que hacen|quien|donde|como)\b/;
/** "Si es posible en la de Fontibón": a wish on a condition, no yes to a confirmation (at an offer it is the yes to what follows). */
export const IF_POSSIBLE = /^[^a-z0-9]*(?:(?:y|pero|bueno|ok|ah|ay|pues|entonces)[\s,.]+)*si (?:es posible|se puede|fuera posible|se pudiera) (?:en|para|pa|con|el|la|que|a|por)\b/;
/**
 * At the consent question, a question about the authorisation, with or without a yes in front:
 * "¿q es eso de autorizar?", "autorizar qué?", "sí, pero ¿para qué es?", "¿y si no acepto?", "¿es
 * obligatorio?". Asked in a question or opening with a question word, about the authorisation or
 * the data. "Sí, ¿por qué no?" is a yes.
 */
export const ASKS_ABOUT_CONSENT = {
  asked:
    /\?|^(?:(?:y|pero|ok|ok pero|bueno|si|si pero|aja|oiga|disculpe|perdon|osea|o sea|mmm+|u+m+|eh|ah+|a ver|aver|eso|esto)\s+)*(?:que|q|k|como|cual|cuales|para que|pa que|para q|pa q|por que|porque|xq|quien|quienes|tengo que|toca|hay que|es obligatorio|es necesario|y si)\b/,
  about:
    /\b(autoriz\w*|acept\w*|consentimiento|datos?|informacion|eso|esto|significa|obligatori[oa]|obligacion|necesari[oa]|ley|tratamiento|politica|para (que|q)|pa (que|q)|por que|porque|xq|quien|quienes|si o si|digo (que )?no|responder|contestar)\b|^(?:(?:y|pero|ok|bueno|si)\s+)*(?:que|q|k|como asi|osea|ya|ok|listo|eso)\s*\??$/,
  yesIdiom: /\b(por ?que|xq) no\s*\??\s*$/,
};
/** "Una cita", "citas para el niño", and not "¿cuánto vale una cita?". */
export const ASKS_FOR_A_CITA =
  /^(?!.*\b(cuanto|vale|cuesta|cobran|pagar|precio|sin cita)\b).*((?<!\b(tengo|tenia|tiene|tenemos|tuve|habia|cancelaron|movieron|cambiaron|quitaron|anularon|negaron|incumplieron) )\b(una|otra|la|mi) cita\b|\bcitas? (?:(?:urgente|prioritaria|nueva|rapida|pronto) )?(para|pa|pal|de|con|en|cerca)\b|\b(me )?(lo|la) (pueden|puede|podrian|podria) (ver|atender|revisar)\b|\b(saco|sacar|sacarle|sacarles|pido|pedir|pedirle|pedirles|agendo|agendar|agendarle|agendarles|separo|separar|separarle|apartar|aparto) (una )?cita\b|\b(sacar|sacarle|sacarles|pedir|pedirle|pedirles|agendar|agendarle|agendarles|separar) (una|otra) (para|pa|pal|a)\b|\b(sacara|sacaran|pidiera|agendara) (la |las |una )?citas?\b|\b(saque|saqueme|sacame|sacale|saquele|agendeme|agendele|agendale|pideme|pidale) la (de|del|pa|pal|para)\b|\bque (lo|la|los|las|me|nos) (vea|viera|revise|revisara|atienda|atendiera) (un|una|el|la) (pediatra|medic\w*|doctor\w*)\b|\b(sacar|sacarle|sacarles|pedir|pedirle|pedirles|agendar|agendarle|agendarles) (las|unas) citas? (a|para|pa|de)\b)/;
/** The text `citaAskedIn` read last, and what it found: the settling asks it of the same words several times. */
let citaAskedText: string | undefined;
let citaAsked = false;
/** `ASKS_FOR_A_CITA.test(text)`, read once for the same text asked again. */
export function citaAskedIn(text: string): boolean {
  if (text !== citaAskedText) {
    citaAsked = ASKS_FOR_A_CITA.test(text);
    citaAskedText = text;
  }
  return citaAsked;
}
/** A new cita said without the word "cita": "me saca una nueva", "y ahora una nueva para el viernes". */
export const A_NEW_ONE =
  /\b(una|otra) nueva (para|pa|pal|en|de|con|el|la)\b|^(?:(?:y|e|ahora|bueno|listo|ok|ah|ya) )*otra (?:para|pa|pal) (?!(?:cosa|pregunta|vez|persona|opcion|ocasion)\b)|\b(saca|saque|sacame|saqueme|agenda|agende|agendeme|pida|pideme|sacar|pedir|agendar) (una|otra|la) nueva\b|\bahora (si )?(la|una) nueva\b|\b(pidame|pideme|pidanme|saqueme|sacame|saquenme|agendeme|agendame|sacale|saquele|pidele|pidale|agendale|agendele) (una|otra)\b(?! (vez|cosa|pregunta|persona|opcion))|\bcomo (hago|hacemos|puedo) (para )?(sacar|sacarle|pedir|pedirle|agendar|agendarle)(le|les)? (una|otra|cita)\b|\b(como|donde) (saco|sacamos|pido|pedimos|agendo|agendamos) (una|otra)\b/;
/** Asking for something: thanks in front of it is politeness, not the message. */
export const REQUEST =
  /\b(necesito|necesitaria|quiero|quisiera|ocupo|me (puede|pueden|podria|podrian|regala|regalan|da|dan)|pued(o|e|en) (sacar|pedir|agendar|cancelar|mover|cambiar)|hay (cita|citas|algo|disponib)|tiene (cita|citas|algo|disponib)|como (hago|puedo|se))\b|\?/;
/** Yes words that only mean yes when a yes/no question is pending or they stand alone. */
export const WEAK_YES: ReadonlySet<string> = new Set(['listo', 'bueno', 'ok', 'okay', 'okey', 'oki', 'va', 'eso', 'ya', 'bien', 'vale', 'aja', 'perfecto', 'excelente', 'super']);
/** After "no" at a yes/no question, the words that make it not a refusal: "no sé", "no me acuerdo". */
export const UNSURE: ReadonlySet<string> = new Set(['se', 'entiendo', 'entendi', 'entiende', 'entendio', 'entienden', 'le', 'recuerdo', 'acuerdo', 'estoy', 'hay']);
/** Goodbyes that end a conversation wherever they are written ("no manejo correo, chao"). */
export const GOODBYE_WORDS = new PhraseIndex<true>();
// ("Por ahora es todo, mil gracias", "entonces no siendo más, bendiciones": the ways older members close.)
for (const phrase of [
  'chao',
  'chau',
  'adios',
  'bye',
  'hasta luego',
  'hasta pronto',
  'nos vemos',
  'eso era todo',
  'eso es todo',
  'eso seria todo',
  'por ahora es todo',
  'por ahora seria todo',
  'por hoy es todo',
  // ("No señora, es todo, muy amable": nothing more, closing.)
  'es todo',
  'era todo',
  'no siendo mas',
  'no siendo otra cosa',
  'ya no necesito nada',
])
  GOODBYE_WORDS.add(phrase, true);
/** "No, gracias, yo llamo entonces" at the menu: the member will call the line instead, which closes the conversation. */
export const CALLING_INSTEAD = /\b(?:yo llamo entonces|entonces yo llamo|entonces llamo|mejor yo llamo|yo mejor llamo|mejor llamo|yo llamo a la linea|mejor llamo a la linea)\b/;
/** "Nada más, mija, mil gracias, ya le aviso a Laura": a message opened by "nada más" closes the conversation. */
export const OPENS_WITH_NOTHING_ELSE =
  /^(?:(?:bueno|listo|ok|no|pues|entonces|ya|mija|mijo|senorita) )*(?:no )?nada mas\b(?! (?:temprano|tarde|pronto|cerca|antes|despues|para|de|que|en|hay|tiene))/;
/** Asking for a person, wherever it is written ("no tengo la cédula a la mano, ¿me comunica con un asesor?"). */
export const PERSON_WORDS = new PhraseIndex<true>();
for (const phrase of [
  'asesor',
  'asesora',
  'una persona',
  'un humano',
  'un agente',
  'operador',
  'operadora',
  'con alguien',
  'con una senorita',
  'senorita de verdad',
  'persona de verdad',
  'persona real',
  'alguna persona',
  'persona que me atienda',
  'humano',
  'alguien de carne y hueso',
  // "No quiero hablar con una máquina": a person, said by what Lina is not.
  'hablar con una maquina',
  'hablar con un robot',
  'hablar con un bot',
  'hablar con maquinas',
  'alguien de verdad',
  'alguien me atienda',
  'alguien que me atienda',
])
  PERSON_WORDS.add(phrase, true);
/**
 * What members write when they ask for an operation, in any sentence around it: verbs and
 * phrases that a small classifier misses in long messages full of other words. The last cue
 * that is not denied ("no quiero cancelar, quiero reprogramar") decides; the classifier decides
 * when there is none.
 */
export const OPERATION_CUES: ReadonlyArray<readonly [Intent, RegExp]> = [
  [
    'cancel',
    /\b((?<!\b(?:la|el|las|los|cita|citas) que (?:ya |acabo de |acabamos de |acaba de |acabe de )?)(?<!\b(?:ayer|anoche|antier|el otro dia|la semana pasada)(?: yo)?(?: ya)? )cancel(?!aron|ada|ado|o\b)\w*|anul(?!aron|ada|ado)\w*|desagend\w*|no (voy a |vamos a |va a )?(poder |puedo |podemos |podre )?(ir|asistir|llevar\w*) a (la|esa|mi) cita|(borrar|quitar|eliminar) (la|esa|mi|una) cita|ya no (la )?necesit\w* la cita|ya no la necesit\w*)\b/g,
  ],
  [
    'reschedule',
    /\b(reprogram\w*|reagend\w*|reubic\w*|aplaz\w*|pospon\w*|adelant\w* (la|mi|esa) cita|adelant[ae](?:me)?l[ao]|adelantarl[ao]|(mover|muev\w*|moverl\w*|correr|corr(?!ij|eg|ect|eo)\w*|pasar|pasarl\w*|paseme|pasame|paseles|cambiar|cambi\w*) (la |mi |esa |de |una )?(cita|fecha|hora|dia|horario)\w*|(la|mi) cita (la )?(puedo|pueden|podria|podrian) (pasar|mover|cambiar|correr)|(mover|cambiar|correr|pasar|muev\w*|cambi\w*) (las |sus |mis )?(dos|2|ambas|todas) (las |sus |mis )?citas|(me|nos|le) (pasa|pasan|pasaria|mueve|mueven|moveria|corre|corren|cambia|cambian|cambiaria) (la|mi|esa|su) (cita|consulta)|cambiarle la fecha|cambiar(la|le) (de|para)|moverla|pasarla|muevala|cambiarla|cambiela|cambiala|correla|corrala|(cambi|muev|corr|pas)[ae]r?mela|(cambi|pas|muev|corr)[ae](me)?l[ae] (?:mejor |mas bien )?(para|pa|pal|al)\b|paseme (para|pa|pal|al)\b|(la|lo) (paso|muevo|corro|cambio|pasamos|movemos|corremos) (para|pa|pal|al|a)\b|(la|lo) (puedo|puede|pueden|podria|podrian|podra|podran) (pasar|mover|correr|cambiar)\b|(la|lo) (necesito|necesitaria|quiero|quisiera|queria|tengo que|toca|debo) (pasar|mover|correr|cambiar) (pa|para|pal|al)\b|correrla|correrle)\b/g,
  ],
  // "¿Y la puedo volver a sacar para el jueves?" about a cita being cancelled: the same cita, another day.
  ['reschedule', /\b((la|me la) (\w+ )?volver a|volverla a|volvermela a) (sacar|pedir|agendar|programar) (pa|para|pal)\b/g],
  // "Necesito pasar la de Mateo para el mismo día que la de la niña": someone's cita, to another time.
  // "¿Me la corre una horita más tarde?", "me la pasa para el jueves": the cita just spoken of, moved.
  [
    'reschedule',
    /\b(?:me |nos |se )?(?:la|lo) (?:corre|corres|corren|correria|pasa|pasas|pasan|pasaria|mueve|mueves|mueven|moveria|cambia|cambias|cambian|cambiaria|cambiarian|cambie|cambien|pase|pasen|mueva|muevan|corra|corran)(?: (?:un|una|unos|unas) (?:horita|hora|poquito|rato|dia|diita))? (?:mas (?:tarde|temprano|tardecito|tempranito)|para|pa|pal|al)\b/g,
  ],
  // "La cita mía del miércoles, ¿me la puede poner una horita más tarde?": the cita spoken of, set later or earlier.
  [
    'reschedule',
    /\b(?:me |nos |se )?(?:la|lo) (?:puede |pueden |podria |podrian )?(?:poner|pone|ponen|pondria|dejar|deja|dejan|dejaria)(?: (?:un|una|unos|unas) (?:horita|hora|poquito|ratico|ratito|rato))? mas (?:tarde|temprano|tardecito|tempranito)\b/g,
  ],
  // "La de Sofi me la pone el miércoles", "la de Mateo del miércoles la necesito mejor pal jueves": someone's cita (or the one of
  // a day), put on another day.
  [
    'reschedule',
    /\b(?:la|el) (?:cita |consulta )?de \w+(?: (?:del?|de este|del proximo) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}))? (?:me |nos |se )?(?:la|lo) (?:pone|pones|ponen|pondria|deja|dejas|dejan|necesito|necesitaria|quiero|quisiera|ocupo) (?:es |mejor |mas bien |ahora |mejor es )*(?:para |pa |pal |el |a )(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}|otro dia|hoy|manana|pasado manana)\b/g,
  ],
  // "¿Me la puedes pasar para una mañana?", "me la pueden adelantar", "¿la puedo adelantar?", "¿se puede hacer antes?", "¿se puede
  // pasar para otro día?", "me la cambia para las 4", "¿me la vuelve a mover?": the cita
  // spoken of, moved.
  [
    'reschedule',
    /\b(?:(?:la|lo) (?:puedes|puede|pueden|puedo|podemos|podria|podrian|podras|podra) (?:pasar|mover|correr|cambiar|adelantar|atrasar|aplazar)|se (?:puede|pueden|podria|podra) (?:pasar|mover|correr|cambiar|hacer|poner|dejar) (?:para |pa |pal |a )?(?:otro dia|otra fecha|otra hora|antes(?! de)|mas temprano|mas pronto|mas tarde)\b|se (?:puede|pueden|podria|podra) (?:pasar|mover|correr|cambiar) (?:para|pa|pal|al)\b|(?:me|nos|le) (?:la|lo) (?:cambia|cambian|cambias|adelanta|adelantan|adelantas|atrasa|atrasan) (?:para|pa|pal|al|a)|(?:la|lo) (?:vuelve|vuelven|vuelves|puede volver|pueden volver) a (?:mover|cambiar|pasar|correr|reprogramar)|volver a (?:mover|cambiar|correr|reprogramar)(?:la|le)?|adelant\w* (?:para |pa )?lo mas pronto)\b/g,
  ],
  // "Tengo una cita el miércoles pero quisiera que me la dieran más prontico", "¿se puede cambiar de médico?", "la tengo que
  // mover", "la tengo que pasar pa más tarde": the cita the member has, sooner, later or with someone else.
  [
    'reschedule',
    /\b(?:(?:tengo|tenia|tiene) (?:una |la )?(?:cita|consulta)\b.* (?:me|nos|le) (?:la|lo) (?:dieran|den|diera|de|pusieran|pongan|pusiera|ponga|dan|dejaran|dejen) (?:mas )?(?:pronto|prontico|prontito|antes|temprano|tempranito|rapido)|cambiar(?:me|le|la)? (?:de|el) (?:medico|medica|doctor|doctora)|la (?:tengo que|toca|necesito|debo|tendria que) (?:mover|correr|reprogramar|cambiar)|la (?:tengo que|toca|necesito|debo|tendria que) pasar (?:pa|para) (?:mas|otro|otra)\b)\b/g,
  ],
  // "Necesito la cita del miércoles más temprano": that cita, earlier or later.
  [
    'reschedule',
    /\b(la|mi|esa) (cita|consulta) (del?|de este|del proximo) (lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})( de \w+)? (un poco |un poquito |algo )?mas (temprano|tempranito|tarde|tardecito)\b/g,
  ],
  // "Necesito pasar las citas de los dos niños para el martes": several citas, moved.
  ['reschedule', /\b(?:pasar|mover|cambiar|correr|reprogramar|reagendar)(?:les|le)? (?:las|sus|mis) citas\b/g],
  // "…y moverle la de pediatría a Sofi", "cámbiele la del viernes": someone's cita, moved.
  ['reschedule', /\b(?:moverle|cambiarle|pasarle|correrle|muevale|cambiele|pasele|correle|reprogramarle|reprogramele) (?:la|el) (?:cita |consulta )?(?:de|del)\b/g],
  // ("Cambiar la de Sofi del miércoles para el jueves": the day it is on may sit between.)
  ['reschedule', /\b(pasar|mover|correr|cambiar) (la|el) (cita |consulta )?(de|del) (mi |la |el )?[a-z]+( (del|de este|del proximo|de la|de las) [a-z0-9]+)? (pa|para|pal)\b/g],
  // ("…cancelar la mía del miércoles y mover la de Sofi del viernes": someone's cita, moved, where it goes left for later.)
  ['reschedule', /\b(?:mover|correr|reprogramar|reagendar) la (?:cita |consulta )?(?:de|del) (?:mi |la |el )?[a-z]+\b/g],
  // "Ahora la de Sofi, esa pal jueves": someone's cita, and the day it goes to.
  [
    'reschedule',
    /\b(?:la|esa) (?:cita |consulta )?de [a-z]+,? (?:esa|esta|la) (?:pa|pal|para el|para la) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}|otra semana|otro dia)\b/g,
  ],
  // "¿Y Mateo no tiene nada pendiente?", "¿la niña tiene algo pendiente?": someone's citas, asked about.
  ['consult', /\b(?:tiene|tienen|tengo|tenemos|tenga|tengan) (?:nada|algo|alguna|ninguna)(?: cita| consulta)? pendientes?\b/g],
  // "¿Y las citas del niño?", "¿y Mateo qué tiene?", "¿y qué tiene la niña?" with nothing else: someone's citas, asked to be shown.
  [
    'consult',
    /^(?:(?:y|e|ok|listo|bueno|ah|ahora|oiga|mija)\W+)*(?:(?:las|sus) (?:citas|consultas) (?:de|del) (?:la |el |mi |mis |los )?[a-z]+|(?:que|q) (?:tiene|tienen)(?: pendiente| agendado| programado)? (?:la |el |mi |mis |los )?[a-z]+|(?:la |el |mi |los )?(?!que\b|q\b|yo\b)[a-z]+ (?:que|q) (?:tiene|tienen)(?: pendiente| agendado| programado)?)\W*$/g,
  ],
  // "…y también preguntar la de la niña", "y que le averiguara a qué hora es la del niño": someone's cita, asked about.
  [
    'consult',
    /\b(?:averigu\w*|pregunt\w*) (?:por )?(?:la|el) (?:cita |consulta |control )?(?:de|del) (?:la |el |mi )?(?!las\b|los\b)[a-z]+|\b(?:averigu\w*|pregunt\w*) (?:a que hora|que dia|cuando) (?:es|son|era|eran|tiene|tienen|queda|quedo) (?:la|el|las|los|mi|mis|su|sus)\b/g,
  ],
  [
    'consult',
    /\b(me recuerda (las|mis|la|mi|cuando) citas?|averiguar (por )?(la|las|mi|mis) citas?|(?:consulte|consulteme|consultame|muestreme|muestrame|muestre|ensenme|ensename|digame|dime) (?:las|mis|sus) (?:citas )?(?:de|del|mias|suyas)\b|(?<!\b(?:cambiar|mover|cancelar|reprogramar|pasar|correr|anular)\b.*)no me acuerdo (si es|que dia|cuando|a que hora)|que citas|cuales citas|cuales son (las|sus|mis) citas|mis citas|(tengo|tiene|tienen|tenemos|hay) (alguna |una )?cita\w*( agendad\w*| pendiente\w*| programad\w*)?\?|tengo (alguna )?cita|(tiene|tienen|tenemos) (alguna|algunas) (otra |otras )?citas?\b|(la|el|esa|mi) (cita|consulta)( de (la |el )?\w+)? (sigue|quedo|esta)( igual| vigente| en pie| activa)? (o|u) (se )?(cancelo|cancelaron|anulo|anularon|movio|movieron)\b|(la|el) (cita |consulta )?(de|del) (mi |la |el )?[a-z]+ (si )?(sigue|queda)( en pie| igual| vigente)?,? (cierto|verdad)\b|cuando es (la|mi)|\b(quede|quedo|quedamos|quedaron) sin (citas|cita|ninguna cita)\b|\bme (queda|quedan) (alguna cita|citas|cita)\b|(para |pa )?(cuando|que dia|a que hora) (quedo|quedaron|quedaria) (la|las|mi|mis|su|sus) (cita|citas|consulta)|(la|esa|el) (cita |consulta )?(de|del) (mi |la |el )?[a-z]+ (cuando|a que hora|que dia) (es|era|seria|sera|le toca|queda|quedo)|a que horas? es(?! que (?:tengo|tiene|tenemos|hay|debo|toca) (?:que |q )?(?:llegar|estar|presentarme|ir))|(la|el) (cita |consulta )?(de|del) (mi |la |el )?[a-z]+ (sigue|esta) (igual|en firme|vigente|activa|en pie|confirmada) (cierto|verdad|no es cierto)\b|a que hora tengo(?! (que|q) (llegar|estar|presentarme|ir)\b)|a que hora me toca(?! (llegar|estar|presentarme|ir)\b)|que dia (es|tengo)|donde es (la|mi) cita|(me )?confirm\w* (la|mi|si tengo) cita|ver (las|mis) citas|(saber|conocer|revisar|mirar|ver) (cuales son |que )?(las|sus|mis) citas|consultar\b|citas programadas|citas pendientes|(?<!\b(?:chequeo|control|examen|examenes|vacuna|vacunas|tramite|revision|cosa|eso|algo|lo) )(que|q|k) (tengo|tiene|tenemos|tienen) pendiente\w*|todavia tengo la cita|sigue (en pie|la cita)|me (la|lo) (repite|repites|repetis|puede repetir|podria repetir|vuelve a decir|dice otra vez)|repit\w* (la|mi) cita|no (alcance|alcanze|alcanse|alcanzo) a (anotar|apuntar|escribir|copiar))/g,
  ],
  // "¿Ya me quedó para el jueves, cierto?", "¿será que sí quedó?", "¿de verdad quedó cancelada?", "¿ahora sí me aparece?", "¿ya no
  // me queda ninguna cita?", "¿la del miércoles ya se borró sola?", "la de Mateo sigue en Kennedy, ¿cierto?", "¿la cita de Sofi
  // sigue igual?", "¿y para mí hay alguna?", "quiero ver la cita de medicina general que tengo": checking what was done, or what
  // is left.
  [
    'consult',
    /\b(?:(?:de verdad|sera que si|sera que ya|sera que) (?:me |nos |le )?(?:quedo|quedaron)\b|confirm\w* si (?:de verdad |ya |si )?(?:me |nos |le )?quedo\b|(?:ya|si) (?:me |nos |le )?quedo (?:cancelada|movida|agendada|cambiada|lista|para (?:el|la|las) [a-z0-9]+) (?:cierto|verdad)|(?:si|ya|ahora si|todavia|aun) (?:me |nos |le )?(?:aparece|aparecen)\b|(?:como|cuando|a que hora) (?:quedaron|quedo|quedamos|estan|son|van) (?:todas |entonces )?(?:las|mis|nuestras|sus) citas\b|(?:ya )?no (?:tengo|tenemos|tiene) que ir\?|\bo (?:si )?(?:sigue|continua)\b(?! (?:con|mal|igual de))|(?:cita|esa|esta|(?:la|cita) de \w+) (?:no|tampoco) (?:me |nos |le )?(?:aparece|aparecen|sale|salen)\b|(?:sigue|seguia|siguen|seguian) apareciendo|no me (?:salio|llego|aparece|aparecio) (?:nada|ningun mensaje|ninguna confirmacion|la confirmacion|confirmacion)|ya no (?:me |nos |le )?(?:queda|quedan) (?:ninguna|nada|citas|cita)|ya se (?:borro|cancelo|elimino|quito)\b|(?:ya|si) (?:me |nos |le )?quedo (?:borrada|anulada)\b|se (?:borro|elimino) sola\b|ya (?:me |nos |le )?(?:la|lo) (?:quitaron|borraron)|(?:sigue|esta|queda) (?:igual|en [a-z0-9]+|para (?:el|la) [a-z0-9]+) (?:cierto|verdad)|es (?:esta|la otra) semana (?:cierto|verdad)|(?:la|el|mi|su) (?:cita |consulta )?(?:de|del) (?:mi |la |el )?[a-z]+ (?:si )?(?:sigue|esta) (?:igual|en pie|vigente|como estaba)\b|(?:la|mi|su) (?:cita|consulta) (?:si )?sigue (?:igual|en pie|vigente)\b|\b(?:la|mi|su) (?:cita|consulta) (?:de|del|con|en|que (?:tengo|tiene|tenemos|tenia)) [^.?!]{0,50}? (?:si |todavia |aun )?sigue (?:igual|en pie|vigente|como estaba)\b|(?:para|pa) (?:mi|el|ella) (?:no )?hay (?:alguna|algo|ninguna)(?: cita)?$|ver (?:la|mi|las|mis) (?:cita|citas|consulta)(?: de [a-z ]+?)? que (?:tengo|tiene|tenemos|tienen|me (?:dieron|sacaron|asignaron)))\b/g,
  ],
  // "¿Y ahora sí quedó?", "¿me confirma cómo quedaron?", "y la otra sigue el viernes, ¿cierto?", "entonces quedó para hoy,
  // ¿cierto?": checking what was done, asked in fewer words.
  [
    'consult',
    /\b(?:ahora si|ya si) (?:me |nos |le )?(?:quedo|quedaron)(?:\s*\?|$| (?:que|porque|xq|pq)\b)|\bcomo (?:me |nos |le )?(?:quedaron|quedo)(?:\s*\?|$| (?:que|porque|xq|pq)\b)|\b(?:sigue|queda) (?:el|pal) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}) (?:cierto|verdad)\b|\bquedo para (?:hoy|manana|el [a-z0-9]+) (?:cierto|verdad)\b|\b(?:esa|esta|la otra|la mia|la de [a-z]+) (?:si |ya )?(?:quedo|quedaron) (?:bien|lista|listas|agendada|agendadas)\b/g,
  ],
  // "¿Me muestra cómo quedó todo?", "y entonces ¿qué me quedó?", "¿quedaron las 3?", "entonces siguen las 2, ¿la de Sofi y la
  // mía?", "¿quedó o no quedó?", "¿funcionó? ¿ya tiene la cita la niña?": what stands after what was done, checked.
  [
    'consult',
    /\b(?:como (?:me |nos |le )?|(?:que|q|k) (?:me|nos) )(?:quedo|quedaron)(?: todo| todas| entonces| (?:las|los) (?:dos|2|tres|3|citas))?$|\bcuales (?:tengo|tenemos|tiene|me quedan|nos quedan|quedan|quedaron)(?: ahora| entonces)?$|\b(?:me )?(?:muestra|muestras|muestre|mostras|ensena|ensenas|ensene)(?:me)? (?:como (?:me |nos )?(?:quedo|quedaron)|cuales (?:tengo|quedaron|quedan)|todo\b|las (?:dos|2|tres|3)\b)|\bme (?:las|la) (?:muestra|muestras|muestre|ensena|ensene)\b|\b(?:quedaron|siguen|quedan|me quedan|nos quedan) (?:las|los) (?:dos|2|tres|3)\b|\b(?:los|las) (?:dos|2|tres|3) (?:quedaron|quedan|siguen)\b|^(?:(?:ya|y|entonces|bueno|listo|ok|ahora) )*(?:si )?(?:quedo|quedaron|funciono)(?: o no(?: quedo| funciono)?)?(?: (?:disculpe|perdon|yo no|es que|no se|ya tiene|ya tienen)\b|$)|\bya (?:tiene|tienen|tengo) (?:la |su )?cita (?:la|el|mi) [a-z]+\b|\b(?:le|les|nos) (?:queda|quedan) (?:alguna |ninguna )?(?:cita|citas)\b/g,
  ],
  // ("¿Cómo hago pa ver si la cita de Mateo quedó bien agendada?", "quiero saber si mi cita quedó agendada": whether it was booked,
  // checked.)
  [
    'consult',
    /\bsi (?:ya )?(?:la|mi|su|las|mis|sus) (?:citas?|consultas?|turnos?)\b(?: [a-z]+){0,3} (?:ya )?(?:quedo|quedaron|esta|estan|sigue|siguen|aparece|aparecen) (?:bien |ya )?(?:agendad\w*|confirmad\w*|programad\w*|registrad\w*|asignad\w*|separad\w*)\b/g,
  ],
  // ("Entonces la de Sofi quedó fue el miércoles 25 a las 10:40, ¿cierto?", "¿me dice cómo quedó todo?", "la de la niña sigue el
  // viernes a las 3 ¿o también se movió?": what stands after what was done, checked.)
  [
    'consult',
    /\bquedo (?:fue |es )?(?:el|para el|pal) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b(?: [a-z0-9:]+){0,6} (?:cierto|verdad|entonces)\b|\bcomo (?:me |nos |le )?quedo todo\b|\b(?:sigue|queda) (?:el|para el|pal) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b(?: [a-z0-9:]+){0,5} o (?:tambien |ya )?(?:se|la|lo) (?:movio|movieron|cambio|cambiaron|corrio|corrieron|cancelo|cancelaron)\b/g,
  ],
  // ("Ah, ¿ya tiene una? Entonces que la cambie para más pronto, dice ella": the cita, moved, asked through someone's words.)
  ['reschedule', /\b(?:que|q) (?:me |se |nos )?(?:la|lo) (?:cambie|cambien|mueva|muevan|pase|pasen|corra|corran|adelante|adelanten|reprograme|reprogramen)\b/g],
  // ("Ahora quiero sacarle otra pero para la otra semana", "¿se puede volver a poner la misma?": another cita, or the one
  // just given up, booked.)
  [
    'book',
    /\b(?:quiero|necesito|quisiera|voy a|vamos a) (?:sacar|pedir|agendar|separar)(?:le|les|me)? (?:una|otra)(?=$| (?:para|pa|pal|de|con|cita|nueva|mas|pero|en|el|igual|tambien|porfa|por)\b)/g,
  ],
  ['book', /\b(?:volver a|vuelva a|vuelvan a|volverme a) (?:poner|sacar|agendar|pedir|dar|separar)(?:me|la|mela|sela)? (?:la misma|esa misma|la de antes|la que tenia)\b/g],
  // ("Entonces sáquele una a Mateo", "agéndele el control a Mateo de una vez", "quiero sacarle a los niños ese mismo día": a cita
  // asked for someone, its word left out or told by the visit.)
  [
    'book',
    /\b(?:saquele|saqueles|saquenle|sacale|sacales|agendele|agendeles|agendale|pidale|pidales|separele)(?: (?:una|otra|el|la|su|un))?(?: (?:cita|consulta|control|chequeo))?(?: de [a-z]+)? (?:a|para|pa|pal) (?!las? \d|la (?:misma|otra|siguiente)\b)|\b(?:quiero|necesito|quisiera|voy a|vamos a|vengo a) (?:sacar|pedir|agendar|separar)(?:le|les) (?:cita |una cita )?a (?:los|las|mis|mi|el|la)\b/g,
  ],
  // ("No espere, mejor la muevo", "más bien la cambiamos": the cita moved, said in the first person.)
  [
    'reschedule',
    /\b(?:mejor|mas bien|mejor dicho|entonces) (?:me |se )?(?:la|lo) (?:muevo|movemos|cambio|cambiamos|paso|pasamos|corro|corremos|reprogramo|reprogramamos|aplazo|aplazamos)\b/g,
  ],
  // ("¿Y la mía cuándo es?", "¿y a mí cuándo me toca?", "¿tengo algo pendiente?", "el viernes tengo algo?", "¿qué día era lo del
  // médico mío?", "¿a qué horas era que tenía que llevar al niño?", "¿cómo quedaron las de los dos niños?": citas asked about.)
  [
    'consult',
    /\b(?:la|el) mi[oa] (?:cuando|que dia|a que hora|a que horas) (?:es|era|queda|quedo)\b|\b(?:cuando|que dia|a que hora|a que horas) (?:es|era|queda|quedo) (?:la|el|lo) mi[oa]\b|\b(?:a mi|y a mi) (?:cuando|que dia) me toca\b|^(?:\w+ ){0,6}(?:tengo|tiene|tenemos|tienen) algo(?: (?:pendiente\w*|agendad\w*|programad\w*|ese dia|esta semana|esa semana|con ustedes))?$|\b(?:que dia|cuando|a que hora|a que horas) (?:era|es|fue) (?:lo|la|el) (?:del?|de la) (?:medic\w*|pediatra|doctor\w*|doctora|cita|control)\b|\ba que horas? (?:era|es) (?:que )?(?:tenia|tengo|tiene|teniamos) que (?:llevar|ir)\b|\bcomo (?:me |nos |le )?quedaron (?:las|los) (?:citas )?de\b/g,
  ],
  // ("Y de paso quería saber si la de pediatría del niño sigue para el viernes": whether it stands, asked.)
  ['consult', /\bsi (?:la|el|mi) (?:cita |consulta )?(?:de|del) [a-z ]{1,40}? (?:sigue|continua|queda|esta) (?:para|pa|pal|el|en pie|igual|vigente)\b/g],
  // ("La cita de mi esposa del viernes sigue?": whether it stands, asked.)
  ['consult', /\b(?:la|esa) (?:cita |consulta )?(?:de|del) (?:mi |la |el )?[a-z]+(?: (?:del?|de este) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}))? sigue$/g],
  // ("Ay bueno, entonces quiero las citas para mis nietos": citas asked for them.)
  ['book', /\b(?:quiero|necesito|quisiera|queria|ocupo) (?:las|unas|dos) citas (?:para|pa|pal|de) (?:mis|los|las|mi)\b/g],
  // ("Ay Dios mío, ¿la cita era hoy?", "¿mi cita es el viernes?": when it is, asked.)
  [
    'consult',
    /\b(?:la|mi|esa) (?:cita|consulta)(?: de [a-z]+)? (?:era|es) (?:hoy|manana|ayer|pasado manana|(?:el |este )?(?:lunes|martes|miercoles|jueves|viernes|sabado))(?=\s*\?|$| (?:o|cierto|verdad|no|estoy|estaba|y se me|se me|ay|uy|dios)\b)/g,
  ],
  // ("Yo ya tenía una el miércoles con la doctora López, ¿esa sigue?": whether it stands, asked.)
  ['consult', /\b(?:esa|esta) (?:sigue|continua)(?: (?:igual|en pie|vigente|agendada|activa))?(?=$| no\b| cierto\b| verdad\b| o\b)/g],
  // ("Ok perfecto, ¿y esa es en Kennedy, cierto?": where it is, checked.)
  ['consult', /\b(?:esa|esta|la mia|la cita|mi cita) (?:si |entonces )?(?:es|queda|seria) en (?:la )?(?:uss )?[a-z]+(?: [a-z]+)?,? (?:cierto|verdad|no)\s*\??$/g],
  // ("Mejor movámosla para el viernes", "pasémosla pal jueves": the cita, moved, said as "let's".)
  ['reschedule', /\b(?:movamosla|movamoslo|muevamosla|pasemosla|pasemoslo|cambiemosla|cambiemoslo|corramosla|corramoslo|reprogramemosla|reprogramemoslo)\b/g],
  // ("Mejor no la cancele, la quiero es correr para otro día": the cita, moved instead.)
  ['reschedule', /\b(?:la|lo) (?:quiero|necesito|quisiera) (?:es |mas bien |mejor )?(?:correr|mover|pasar|cambiar|reprogramar)\b/g],
  // ("¿Y Mateo no tiene ninguna pendiente?", "a Mateo no le sale nada", "¿no le aparece nada?": someone's citas, looked up.)
  [
    'consult',
    /(?:\b(?:nino|nina|ninos|ella|el|hijo|hija|yo)|^(?:y |a |ok y |y a )?(?:mi |la |el |los |las )?[a-z]+) (?:no )?(?:tiene|tienen|tengo) (?:nada|ninguna|ninguno|alguna|algo)(?: (?:agendad\w*|pendiente\w*|programad\w*)\b|$| y\b)|\bno (?:le|les|me) (?:sale|salen|aparece|aparecen) (?:nada|ninguna|ninguno)\b/g,
  ],
  // ("Ayer saqué una cita para Mateo pero no me llegó ningún mensaje, ¿sí quedó?", "me confirma que ahora sí quedó para el
  // martes 24", "verificar si la cita de control de Sofía sigue programada", "que le confirmara si Mateo tiene cita mañana":
  // whether a cita stands, checked.)
  [
    'consult',
    /\b(?:si|sera que) (?:si )?(?:me |nos |le )?quedo$|\bconfirm\w* (?:que|si) (?:ahora )?(?:si )?(?:me |nos |le )?quedo\b|\b(?:verificar|confirmar|saber|revisar|averiguar)(?:me|le)? si (?:la|mi|su) (?:cita|consulta)\b(?: [a-z]+){0,6} (?:sigue|esta|quedo|continua)\b|\bsi (?:[a-z]+ )?(?:tiene|tengo|tenemos|tienen) (?:una |alguna )?cita\b/g,
  ],
  // ("Mi esposa tiene una cita con la doctora López y no se acuerda el día", "me repite la hora para anotarla": when a cita
  // is, asked.)
  [
    'consult',
    /\bno (?:me|se|nos) acuerd\w* (?:de )?(?:el dia|la hora|la fecha|que dia|a que hora|cuando es)\b|\bme (?:repite|repites|recuerda|recuerdas|dice|dices) (?:otra vez |de nuevo )?(?:la hora|el dia|la fecha|a que hora|que dia)\b/g,
  ],
  // ("Tengo una cita el 25 o el 27, no estoy segura, ¿me confirman?": the cita the member has, unsure when, asked about.)
  ['consult', /\b(?:tengo|tiene|tenemos) (?:una|la) cita\b.*\b(?:no (?:estoy segur\w*|me acuerdo|se acuerda|recuerdo)|me (?:confirman|confirma|dice|dicen|puede decir))\b/g],
  // ("Y la mía entonces no quedó, ¿verdad? Solo la de Mateo": what was left undone, checked.)
  ['consult', /\b(?:la|el|las) mi[ao]s? (?:entonces |al final |tampoco |todavia )?no (?:quedo|quedaron|se agendo|se agendaron|salio|aparece)\b/g],
  // "Turno" for the cita, as many members call it: "¿cómo hago pa ver los turnos que tengo?", "cambiar el turno de Mateíto", "cancelar
  // el turno del viernes", "me cancelaron el turno de Sofía y necesito otro" (a work shift, "me salió turno", is none of these).
  ['consult', /\b(?:ver|revisar|consultar|mirar|saber) (?:los|mis|sus) turnos\b|\blos turnos que (?:tengo|tiene|tenemos)\b/g],
  ['reschedule', /\b(?:cambiar|mover|pasar|correr|reprogramar)(?:le)? (?:el|mi|su) turno (?:de|del|con|que)\b/g],
  ['cancel', /\bcancelar(?:le)? (?:el|mi|su) turno\b/g],
  // ("La del miércoles es la mía… esa es la que quiero mover": the one to move, pointed at.)
  ['reschedule', /\b(?:esa|esta) (?:es )?(?:la )?(?:que|q) (?:quiero|necesito|toca|hay que|quisiera|tengo que) (?:mover|cambiar|correr|pasar|reprogramar)\b/g],
  ['cancel', /\b(?:esa|esta) (?:es )?(?:la )?(?:que|q) (?:quiero|necesito|toca|hay que|quisiera|tengo que) (?:cancelar|anular)\b/g],
  [
    'book',
    /\b(?:me|nos|le|les) (?:cancelaron|anularon|quitaron) (?:la|el|mi|su) (?:cita|turno|consulta)\b.*\b(?:necesito|quiero|ocupo|deme|me da|me dan|quisiera) (?:otr[oa]|una nueva|uno nuevo)\b/g,
  ],
  // "Ahora quiero sacar otra de medicina general pero para el otro lunes": another cita, its service said, to book.
  [
    'book',
    /\b(?:sacar|pedir|agendar|separar|sacarme|pedirme|agendarme|sacarle|pedirle|agendarle)(?:le|les)? (?:una|otra) (?:nueva |cita )?(?:de|para|pa|con) (?:pediatr\w*|medicina|medic[oa]|general|el pediatra|la pediatra|mi|el|la|[a-z]+)\b/g,
  ],
  // "Entonces ya no tengo la del miércoles, ¿cierto? ¿Me quedó solo la del lunes?", "¿o sea que al final solo quedó la de Sofía?":
  // what is left, checked.
  [
    'consult',
    /\b(?:quedo|quedaron|queda|quedan) (?:solo|solamente|nada mas) (?:la|las|el) (?:de|del|mia)\b|\b(?:solo|solamente) (?:me |nos |le )?(?:quedo|quedaron|queda|quedan) (?:la|las|el) (?:de|del|mia)\b|\bya no (?:tengo|tenemos|tiene) (?:la|el) (?:de|del) [a-z0-9]+ (?:cierto|verdad)\b/g,
  ],
  // "Cancélemela porfa y me la saca para la otra semana": the cita, out of its day and into another, is a move.
  ['reschedule', /(?<=\bcancel\w*(?: \w+){0,3} )y (?:me|nos|le) (?:la|lo) (?:saca|sacan|pone|ponen|agenda|agendan|da|dan|deja|dejan) (?:para|pa|pal)\b/g],
  // "No es tan grave, yo prefiero la cita": a cita, wanted rather than urgencias.
  ['book', /\b(?:prefiero|prefiere|preferimos|mejor) (?:la|una) (?:cita|consulta)\b/g],
  // "¿Me saca una para el viernes?", "cancélela pero me saca otra para el jueves": a cita asked of Lina, in few words.
  // ("Yo le saqué una cita por teléfono": one the writer booked, told.)
  [
    'book',
    /(?<!\b(?:yo|ya|ayer|yo ya) )\b(?:me|le|nos|les) (?:saca|sacas|saque|pide|pida|agenda|agende|separa|separe|consigue|consiga|da|dan) (?:una|otra)\b(?! (?:vez|pregunta|cosa|duda|informacion))/g,
  ],
  // "Mi esposo dice que le saque cita a él también": a cita asked for through someone else's words.
  ['book', /\b(?:que|q) (?:le|les|me|nos) (?:saque|saques|sacara|pida|pidas|pidiera|agende|agendes|agendara|separe|consiga|busque) (?:una |otra )?(?:cita|consulta)\b/g],
  // "Necesito los controles de crecimiento de Mateo y Sofi", "quisiera un chequeo para la niña": the visit asked for, not "cita".
  [
    'book',
    /\b(?:necesito|necesitamos|quiero|quisiera|queria|ocupo|sacar|sacarle|sacarles|pedir|pedirle|pedirles|agendar|agendarle|agendarles|separar) (?:el|los|la|las|un|una|unos|unas) (?:controles?|chequeos?|revisiones?)\b(?! (?:que|q) (?:le|les|me|nos) (?:hicieron|dieron|mandaron))/g,
  ],
  // "Agenda cita ya", "necesito una cita ya mismo": a cita, now ("ya" is no "ya no la necesito").
  [
    'book',
    /(?:^|\b(?:agend\w*|sac\w*|ped\w*|necesito|necesitamos|necesita|quiero|queremos|ocupo|ocupamos|una) )(?:una )?(?:cita|consulta) ya\b(?! (?:no|la|me|se|tengo|tiene|quedo|esta|fue|paso))/g,
  ],
  // "Necesito citas pa mis dos hijos", "quisiera una cita para la niña": a cita asked for someone.
  [
    'book',
    /^(?:(?:hola|buenas|buenos dias|buenas tardes|buenas noches|buen dia)\s+)*(?:necesito|quiero|quisiera|ocupo|necesitaria|requiero) (?:una |unas |dos |2 )?(?:citas?|consultas?) (?:pa|para|pal) (?:mi|mis|el|la|los|las|[a-z]+)\b/g,
  ],
  // ("Las citas para mis dos nietos" at the menu: citas asked for them; "las citas de…" looks them up.)
  ['book', /^(?:las |unas |una )?(?:citas?|consultas?) (?:pa|para|pal) (?:mi|mis|el|la|los|las)\b/g],
  // "Y de una le saco otra pal lunes 7": another one, booked.
  ['book', /\b(?:le|me|nos|les) (?:saco|sacamos|pido|pedimos|agendo|agendamos) (?:una|otra)\b(?! vez)/g],
  // ("…cancele esa y mejor sáquele la de control": the cita of that kind, asked for.)
  [
    'book',
    /\b(?:saque|saquele|saquelo|saquela|saqueme|saquenos|saquenle|sacarle|sacarme|pidale|pideme|pidame|agendele|agendeme)(?: mejor)? la (?:cita |consulta )?de (?:control|primera vez|medicina general|pediatria)\b/g,
  ],
  // "¿Por acá se pueden sacar citas o toca llamar?", "¿aquí se sacan las citas para los niños?": whether one can book here, to book.
  ['book', /\b(?:se (?:puede|pueden|podra|podria) (?:sacar|pedir|agendar|separar)|se (?:sacan|piden|agendan|separan)) (?:las |una |la )?(?:citas?|consultas?)\b/g],
  // "¿Cómo hago para sacar una?": how to book is asking to book.
  ['book', /\bcomo (?:hago|hacemos|se hace|puedo|le hago|seria|es) (?:para )?(?:sacar|pedir|agendar|separar|solicitar) (?:una|otra|la cita|una cita|cita)\b/g],
  // "Ah ok, ¿y Mateo tiene alguna?", "¿y los niños tienen algo?": whether someone has citas, asked.
  [
    'consult',
    /\by (?:[a-z]+ ){0,2}(?:tiene|tienen|tenemos|tengo) (?:alguna|algunas|algo)(?: pendiente| pendientes| agendada| agendadas| agendado| programada| programado)?\s*\??$/g,
  ],
  // "¿Y la mía sigue?", "ok, ¿y la de Sofi sí sigue?", "entonces sigue el jueves, ¿verdad?", "¿cuál le quedó entonces?": whether a cita
  // still stands, or which one is left.
  [
    'consult',
    /\b(?:la mia|la de [a-z]+|mi cita|la cita)(?: del? (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2}))?(?: (?:si|todavia|aun|entonces))? (?:sigue|continua|sigue en pie|sigue igual)\b(?! (?:con|mal|igual de|enferm))|^(?:(?:y|ok|entonces|bueno|listo) )*(?:sigue|queda) (?:para )?el (?:lunes|martes|miercoles|jueves|viernes|sabado)\b.*\b(?:verdad|cierto|no)$|\b(?:cual|cuales|que cita|que citas) (?:le|me|nos|les) (?:quedo|quedaron|queda|quedan)\b(?! (?:mas |muy )?(?:cerca|lejos|facil|mejor|comodo|comoda)\b)/g,
  ],
  // "¿Sí quedó cancelada mi cita?", "no sé si quedó movida": whether it was done, checked on the citas.
  [
    'consult',
    /\b(?:si|ya) (?:me |nos |le )?(?:quedo|quedaron) (?:cancelad|movid|cambiad|agendad|reprogramad)[ao]s?\b|\bno (?:se|estoy segur[ao]) si (?:si |ya )?(?:me |le |nos )?(?:quedo|quedaron)\b/g,
  ],
  // "¿Cuál es la cita de la niña y la del niño?": whose citas are when, asked.
  ['consult', /\bcual(?:es)? (?:es|son|seria|serian) (?:la|las) citas? (?:de|del)\b/g],
  // "Me muestra todas las citas", "las citas de toda la familia": all of them, looked up.
  [
    'consult',
    /\b(?:muestr\w*|mostr\w*|ver|veo|revis\w*|dig\w*) (?:me )?(?:todas )?(?:las|mis|nuestras) citas\b|^(?:(?:y|hola|buenas|quiero|necesito|ver)\s)*(?:las|todas las) citas de (?:toda la familia|la familia|todos nosotros|todos)\b/g,
  ],
  // "Yo solo quiero saber si tengo cita": the member's citas, looked up.
  ['consult', /\bsaber si (?:tengo|tiene|tenemos|hay|me quedo|tenia) (?:alguna |una )?(?:cita|citas|consulta)\b/g],
  // What a cita is, or whether it stands, asked without "consultar": "¿ya no tengo nada el miércoles, cierto?", "¿a qué hora
  // era la mía?", "¿mi cita era el miércoles o el jueves?", "¿sigue siendo en Kennedy?", "no sé si sí quedó cancelada", "¿o
  // sea que quedó igual que antes?", "solo quería saber la hora de la otra", "¿y a mi nieto no le toca nada?", "¿y los niños
  // no tienen más?", "¿la del viernes ya no aparece?".
  [
    'consult',
    /\b(?:(?:ya )?no (?:tengo|tenemos)|ya no (?:tiene|tienen)) nada (?:el|para el|pal|este|esta|ese|esa) [a-z0-9]+|\ba que horas? (?:era|seria) (?:la mia|mi cita|la cita|la de [a-z]+|la del [a-z0-9]+)\b|\b(?:mi cita|la mia|la cita|la de [a-z]+) (?:era|es) (?:el|para el|pal) [a-z0-9]+ o (?:el |para el )?[a-z0-9]+\b|\b(?:sigue|seguia) siendo (?:en|el|a las|con|para)\b|\bno se si (?:si |ya )?(?:me |nos |le )?(?:quedo|quedaron|se cancelo|se cancelaron|se movio|la cancelaron|me la cancelaron)\b|\bo sea que (?:me |nos |le )?(?:quedo|quedaron|sigue|queda) (?:igual|como estaba|como antes)\b|\b(?:queria|quiero|quisiera|necesito|necesitaba) (?:era |es )?saber (?:la hora|el dia|la fecha|cuando es|a que hora|que dia) (?:de|del|es|era)\b|\bno le (?:toca|queda) (?:nada|ninguna|alguna)\b|\bno (?:tiene|tienen) (?:mas|otra|otras) (?:citas?\b|\?|$)|\bya no (?:me |nos |le )?(?:aparece|aparecen|sale|salen)\b|\bconfirm\w* si (?:la|mi|su) (?:cita|consulta)\b|\bo ?sea que no (?:tiene|tengo|tienen|tenemos) (?:ninguna|nada|citas?)\b|\by la de (?:la|el|mi) [a-z]+ (?:si |todavia |aun )?sigue\b(?! (?:con|mal|igual de|enferm))|\b(?:la|mi|su) (?:cita|consulta) de [a-z]+ (?:si |todavia |aun )?sigue\b(?! (?:con|mal|igual de|enferm))/g,
  ],
  // "Ahora necesito una nueva de medicina general", "quiero otra para Mateo": another cita, its service or patient said.
  [
    'book',
    /\b(?:necesito|quiero|quisiera|ocupo|necesitaria|me da|me saca|deme|saqueme) (?:una )?(?:nueva|otra) (?:de|para|pa|con) (?:pediatr\w*|medicina|medic[oa]|general|el pediatra|la pediatra|mi (?!(?:dia|hora)\b)\w+)/g,
  ],
  [
    'book',
    /\b(agend(?!a\b|as\b|ad[oa]s?\b)\w*|(?<!\b(?:tiene|tienen|tengo|tenemos|hay|algo|nada|cita|citas|consulta|esta|estan) )agendad[oa]s?|(sacar|sacarle|sacarles|pedir|pedirle|pedirles|solicit\w*|separar|separarle|reservar|reservarle|asignar|programar|regal\w*|dar|den|darme) (una |un |la |me una |me un |me )?(cita|consulta|turno)|(necesito|quiero|quisiera|ocupo|necesitaria) (una |otra |la )?(cita|consulta)|(?<!\b(?:tiene|tengo|tenia|tenemos|tienen|tuvo) )una cita (para|de|con)|(?<!\b(?:tiene|tengo|tenia|tenemos|tienen|tuvo) (?:una |la )?)cita (de|con) (pediatr\w*|medicina|medico|control|primera)|(que|me) (lo|la|los|las|me) (vea|vean|atienda|atiendan|revise|revisen)|(necesito|quiero|quisiera|ocupo|necesitaria) que (le |lo |la )?(vean|atiendan|revisen|chequeen|examinen) a\b|pedir cita|sacar cita|(dar|darme|den|da|regala|regalan|regale) (me )?una (en|para|pa|el|con|a mi|a el|a ella|al)\b)\b/g,
  ],
];
/** Trouble using the channel, or asking to have something explained: help, whatever operation it names. */
export const HELP_CUE =
  /^(no (le )?entiendo|no se como|ayuda)\b|\b(prefiero|quiero|quisiera|mejor) que me llamen\b|\b(me pueden|me puede|pueden|puede) llamar(me)?\b|\bllamenme\b|\bno (me deja|me sale|me funciona|puedo) (agendar|sacar|pedir|entrar|ver)\b|\b(me explica|explicame|expliqueme|no le entiendo)\b|\bno se como (sacar|pedir|agendar|hacer|cancelar|usar|se hace)\b|\b(para que|por que|pa que) (necesitan|necesita|piden|pide|usan|usa|quieren|me piden|me pide)\b|\b(la )?direccion (de|del) (la |el )?(sede|uss|centro|sitio)\b|\bcual es la direccion\b|\bcomo (funciona|se usa|se maneja|trabaja) (esto|este|esta|el chat|lina|usted)\b|\bque (es lo que )?(hace|puedo hacer|se puede hacer|tengo que hacer|hay que hacer|debo hacer)( usted| exactamente| aqui| aca| por aca| por aqui)*$|\bque opciones (tengo|hay|me da)\b|\b(me|nos) (puede|podria|puedes|podrias) orientar\b|\b(alguien|una persona|un asesor|una asesora) (que )?(me|nos) (oriente|orienta|explique|ayude|guie)\b|\bno (le )?entiendo (bien|nada|como)\b/;
/** "¿Y eso para qué es?", "¿qué es eso?": what something asked for is for. */
export const ASKS_WHAT_FOR = /\b(para|pa) (que|q) (es|sirve|son|los quieren|los necesitan|eso)\b|\bque es eso\b/;
const STILL_THERE = /\b(sigue|sigues|esta|estas|hay alguien) (por )?(ahi|alli|aca|aqui)\b|\bme (escucha|lee)\b/;
/** Before "está aquí", someone other than Lina: "Sofía está aquí conmigo", "el niño está acá". */
const SOMEONE_ELSE_THERE = /(?:^|\s)(?:mateo|mateito|sofia|sofi|laura|nino|nina|hijo|hija|bebe|ella|mama|papa|esposo|esposa|abuela|abuelo|chiquita|chiquito|nena|nene)\s$/;
/** "¿Sigue ahí?", "¿me escucha?": the member checking Lina is there ("Sofía está aquí conmigo" is someone else who is). */
export function asksIfStillThere(whole: string): boolean {
  const found = STILL_THERE.exec(whole);
  return found !== null && !SOMEONE_ELSE_THERE.test(whole.slice(Math.max(0, found.index - 20), found.index));
}
/** "Q pasó pues", "¿qué pasa?", "aló": the member wonders where things stand (a greeting mid-conversation says so). */
export const WHERE_ARE_WE =
  /^(y )?(q|que|ke|k) (paso|pasa|paho|hubo|ubo)( pues| ps| mija| mijo| senorita| nena)?$|^(alo+ ?)+$|^(?:(?:hola|ola|bueno|listo|ok) )*(ya )?(volvi|regrese|estoy aqui|estoy de vuelta|aqui estoy)( de nuevo| otra vez)?$|^(?:(?:hola|ola|bueno|listo|ok|ya volvi|ya regrese|ya estoy) )*(?:sigo|seguimos|continuo|continuamos|le sigo|seguimos pues)$/;
/** "¿Y cuándo me responden?", "¿en cuánto tiempo me llaman?": when a RISS case is answered. */
/** "¿Y si no me responden en esos días qué hago?": a case's answer that does not come in time. */
export const ASKS_CASE_LATE =
  /\b(?:si|y si|que tal que|que pasa si|y que pasa si) (?:no )?(?:me |nos |le )?(?:responden|contestan|llega|llegan|respondieron|contestaron|llega nada|llega la respuesta|dan respuesta)\b.*\b(?:que hago|que hacemos|a quien|donde|que pasa|como hago|toca)\b|\b(?:que hago|que hacemos|que pasa|a quien llamo) si (?:no )?(?:me |nos )?(?:responden|contestan|llega)\b|\b(?:caso|radicado|radicaron|radique)\b.*\b(?:nada (?:que |q )?(?:me |nos )?(?:responden|contestan|llaman|dicen|llega)|no me han (?:respondido|contestado|llamado|dicho nada|escrito))\b|\bno me han (?:respondido|contestado|llamado|dicho nada|escrito)\b.*\b(?:caso|radicado)\b/;
/** "¿No me pueden llamar mejor al celular?" where a case is offered: the answer comes by e-mail, nobody calls. */
export const ASKS_A_CALL = /\b(?:no )?(?:me|nos) (?:pueden|podrian|puede|podria) (?:llamar|contactar|timbrar)\b(?=.*\?)/;
export const ASKS_CASE_ANSWER =
  /\b(?:el )?(?:numero|nro|no) (?:del|de mi) (?:caso|radicado)\b|\b(?:cual|que) (?:es|era|fue) (?:el|mi) (?:radicado|numero de radicado)\b|\b(?:a|en) (?:que|cual) correo (?:me |le |nos )?(?:llega|va a llegar|llegaria|mandan|envian|van a mandar|responden)\b|\b(quedo|quede|quedamos|quedaria) con (la )?cita o no\b|^\W*(?:(?:ok|listo|bueno|y|ah|aja|gracias|vale)[, ]+)*(?:y )?(?:me|nos) (?:llaman|van a llamar|llamaran|contactan|van a contactar)(?: o (?:como|que|me escriben|me llega un correo)(?: es| seria| sera| funciona)?)?\s*[?!.]*\s*$|\bcuando (me |nos |le |la |lo )?(responden|contestan|llaman|llamaran|llaman|escriben|avisan|dan (la )?respuesta|llega (la )?respuesta|resuelven|respondan|contesten|llamen)\b|\b(en )?cuanto (tiempo )?(se )?(demoran?|tardan?) (la respuesta|en responder|en contestar|en llamar)\b|\b(y )?(eso|el caso|ese caso|la respuesta|eso del caso|lo del caso) (en )?cuanto (tiempo )?(se )?(demora|tarda|se demora|se tarda)\b|\bcuanto (tiempo )?(se )?(demora|tarda) (eso|el caso|ese caso|la respuesta)\b|\b(?:en )?cuant[oa]s? (?:tiempo |dias )?(?:me |nos |le )?(?:responden|contestan|dan (?:la )?respuesta|llega (?:la )?respuesta|resuelven)\b/;
/**
 * "La más cerquita a la de Mateo", "para el mismo día que la de la niña", "pegadita a la de
 * Sofía": a time told by another person's appointment; the person named after it is no patient.
 */
export const ANOTHERS_APPOINTMENT =
  /\b((lo|la|el) mas (cerca|cercana|cercanita|cerquita|pegad[ao]|pegadit[ao]|junt[ao]|juntit[ao])|cerquita|pegad[ao]|pegadit[ao]|junto|juntit[ao]|seguid[ao]|seguidit[ao]|(el )?mismo dia|la misma fecha|(la )?misma hora|(a la )?misma hora|(?:(?:seguidit[ao]|seguid[ao]|justo|inmediatamente|enseguida|pegadit[ao]) )?(?:despues|luego)) (a|de|que|con|como) (la|el) (cita |consulta )?(de|del)\b|\b(?:igual )?como (la|el) (cita |consulta )?(de|del)\b/;
/** "Ahora para la nieta, lo mismo", "una igual para Sofía": the same cita as the one just booked. */
export const SAME_AGAIN = /(?<!\b(?:da|dan|es|seria|sera|me da|nos da) )\b(lo mismo|igual|la misma|una igual|otra igual|otra asi|una asi)\b(?! (hora|dia|fecha|sede|que|de|a))/;
/** "Voy a poner una queja en la Supersalud", "quiero poner un reclamo": a complaint, and where to file it. */
export const COMPLAINT =
  /\b(queja|quejas|quejarme|reclamo(?! (?:los|las|el|la|mis|unos|unas) (?:medicamentos|remedios|resultados|examenes|formula|formulas|orden|ordenes|droga|drogas))|reclamos|reclamar(?! (?:los|las|el|la|mis|unos|unas) (?:medicamentos|remedios|resultados|examenes|formula|formulas|orden|ordenes|droga|drogas))|supersalud|superintendencia|tutela|demanda|demandar|denuncia|denunciar|derecho de peticion|peticion formal)\b/;
/** "Este bot no sirve para nada", "inútil", an insult: frustration, answered calmly with the line. */
export const FRUSTRATION =
  /\b(no sirve|no sirven|no funciona|no funcionan|inutil|inutiles|porqueria|basura|mierda|malparid\w*|hpta|hp|hijueputa|hijo de puta|gonorrea|estupid\w*|idiota|imbecil|maldit\w*|carajo|jueputa|que lentitud|que fastidio|que pereza|me tiene mamad\w*|me tienen mamad\w*|mamad[oa]|harto|harta|no me deja hacer nada|no entiende nada|no entiendes nada|que demora|llevo (media hora|una hora|rato|horas|mucho rato)|esta vaina|siempre lo mismo|otra vez (preguntando |con )?lo mismo|que desespero|que desesperacion)\b/;
/** "Ya le dije", "¿no me entiende?", "uff", "otra vez": annoyed at not being understood (no answer by itself). */
export const ANNOYED =
  /^(?:(?:pero|y|ay|ush+|uy|uf+|ash+|aja|oiga|oigame|senorita|mija|mijo|hay|ole|es que) )*(?:ya (?:le|te|se lo|se la|lo|la) (?:dije|habia dicho|escribi|conteste|respondi)|(?:le|te) (?:estoy diciendo|acabo de decir|dije)|no me (?:entiende|entiendes|entendio|entendiste|esta entendiendo|estas entendiendo)|no (?:entiende|entiendes|entendio)|otra vez|de nuevo|uf+|ush+|ash+|ag+h|ugh|jum+|dios mio|que pesadez|no puede ser|como asi)(?: (?:pues|ome|mija|mijo|senorita|oiga|ya|otra vez|de nuevo|nada|o que|lo que le dije|que le dije|eso))*$/;
/** A goodbye the classifier reads is trusted only with a goodbye word in the message. */
export const GOODBYE_HINT =
  /\b(chao|chau|adios|bye|hasta (luego|pronto|manana|la proxima|mas tarde|otro dia|la vista)|(?<!(hay|tiene|tienen|queda|quedan|sale|salen|dice|aparece|aparecen|dr|dra|doctor|doctora|solo) )nada mas(?! (temprano|tarde|pronto|cerca|antes|despues|para|de|que|en))|(es|era|seria|sera) todo|termin\w*|finaliz\w*|me despido|me retiro|feliz|buen dia|buena tarde|buenas noches|que (tenga|este) (?:(?:un|una|muy|buen|buena|feliz|lindo|linda|bonito|bonita|excelente|bendecido|bendecida|bonita)\b)|bendicion\w*|cuidese)\b/;
/** A going back the classifier reads is trusted only with a word of going back ("listo, esa" goes nowhere). */
export const BACK_HINT = /\b(atras|volver|vuelv\w*|regres\w*|devol\w*|devuelv\w*|anterior|equivoqu\w*|correg\w*|corrij\w*|mal)\b/;
/**
 * Kind words no phrase list can hold in every combination, each read as the thanks or the
 * greeting it is: wishes ("que tenga un día muy bendecido", "que esté muy bien"), blessings ("que
 * mi Dios me la bendiga y me la cuide"), praise ("muy amables todos", "tan formal") and, as a
 * greeting, how-are-you's ("¿cómo están?", "espero que muy bien", "reciba un cordial saludo").
 */
const KIND_WORDS: ReadonlyArray<readonly ['greet' | 'thanks', RegExp]> = [
  [
    'thanks',
    /\b(?:que )?(?:mi )?(?:dios|diosito|el senor|la virgen|la virgencita|mi virgencita) (?:me |le |lo |la |los |las |les |te |nos |se )*(?:bendiga|cuide|guarde|acompane|proteja|pague|favorezca|multiplique)(?: (?:y|e) (?:me |le |lo |la |los |las |les |te |nos |se )*(?:bendiga|cuide|guarde|acompane|proteja|pague|favorezca|multiplique))*(?: (?:por todo|siempre|mucho|mija|mijo))*\b/g,
  ],
  [
    'thanks',
    /\bque (?:tenga|tengan|tengas|pase|pasen|pases) (?:(?:un|una|muy|buen|buena|buenas|buenos|feliz|lindo|linda|bonito|bonita|excelente|bendecido|bendecida|hermoso|hermosa|maravilloso|maravillosa|resto del?) )*(?:dia|tarde|noche|semana|fin de semana|jornada|descanso)(?: (?:muy )?(?:bendecido|bendecida|feliz|lindo|linda|bonito|bonita|hermoso|hermosa|tranquilo|tranquila))?\b/g,
  ],
  ['thanks', /\bque (?:este|esten|estes|siga|sigan|sigas) (?:muy )?(?:bien|bendecida|bendecido|bendecidos)\b/g],
  // "Gracias, buen día", "mil gracias y buenas tardes": the thanks, with the wish that closes it (no greeting).
  ['thanks', /\bgracias\b(?: (?:y|e))? (?:buen dia|buena tarde|buenas tardes|buenas noches|buena noche|feliz dia|feliz tarde|buen fin de semana)$/g],
  // "¡Qué rápido fue esto!", "qué fácil fue todo": praise of the service, as thanks.
  ['thanks', /\bque (?:rapido|facil|bueno|chevere|bacano|eficiente|sencillo|practico) (?:fue|es|estuvo|quedo) (?:esto|eso|todo)\b/g],
  [
    'thanks',
    // ("Si es tan amable", "sería muy amable" ask politely: no thanks.)
    /(?<!\b(?:si (?:es|son|fuera|fueran|fuese|me hace el favor|usted es)|seria|serian) )\b(?:muy|tan|super|re) (?:amable|amables|querida|querido|queridas|queridos|formal|formales|linda|lindo|lindas|lindos|atenta|atento|atentas|atentos|gentil|gentiles|servicial|serviciales|especial|especiales|educada|educado|buena gente)(?: (?:todos|todas|ustedes|usted|sumerce|conmigo))?\b/g,
  ],
  // Closing words: "ya quedamos entonces", "quedo pendiente de la llamada".
  [
    'thanks',
    /\b(?:ya )?quedamos(?: (?:asi|en eso|entonces))?\b(?! (?:en|con|para|pa|sin|de|que|a)\b)|\bquedo (?:muy )?(?:pendiente|atenta|atento)(?: (?:de|a) (?:la|su|el|lo|sus|las) (?:llamada|respuesta|correo|mensaje|mensajes|razon|informacion))?\b/g,
  ],
  ['greet', /\bcomo (?:estan|esta usted|esta|estas|le va|les va|amanecio|amanecieron|amaneciste|le ha ido)\b/g],
  // "Qué pena con usted molestarla tan tempranito", "perdone la molestia": sorry to bother, said when greeting.
  [
    'greet',
    /\b(?:que pena|perdon|perdone|disculpe|disculpa)(?: con usted| con sumerce| contigo)?,? (?:molestarla|molestarlo|molestarte|molestar|la molestia|por molestar|por la molestia)(?: tan (?:temprano|tempranito|tarde|tardecito))?(?: un domingo| un festivo| a esta hora)?\b/g,
  ],
  ['greet', /\bespero que (?:(?:se )?(?:encuentre|encuentren|encuentres|este|esten|estes) )?(?:muy )?bien\b/g],
  ['greet', /\b(?:reciba|reciban|recibe) (?:un )?(?:muy )?(?:cordial |caluroso |afectuoso )?saludo\b/g],
];

/** The kind words of `KIND_WORDS` in a message's words, as spans of words. */
export function kindWordsIn(words: readonly string[]): Array<Found<'greet' | 'thanks'>> {
  const whole = words.join(' ');
  const found: Array<Found<'greet' | 'thanks'>> = [];
  if (!/\b(?:dios|diosito|senor|que|muy|tan|super|re|como|espero|reciba|reciban|recibe|quedamos|quedo)\b/.test(whole)) return found;
  const wordAt = (offset: number): number => (offset === 0 ? 0 : whole.slice(0, offset).split(' ').length - 1);
  for (const [value, pattern] of KIND_WORDS) {
    for (const match of whole.matchAll(pattern)) {
      const index = match.index ?? 0;
      // Whole words only: the match starts after a space and ends before one.
      if ((index > 0 && whole[index - 1] !== ' ') || (whole[index + match[0].length] ?? ' ') !== ' ') continue;
      found.push({ value, start: wordAt(index), end: wordAt(index) + match[0].split(' ').length });
    }
  }
  return found;
}

/** Goodbye words that also close a thanks or a greeting: "mil gracias, feliz día" is thanks. */
export const WEAK_GOODBYE = /\b(feliz (dia|tarde|noche)|buen dia|que (tenga|este|pase|pasen) \w+|bendicion\w*|dios (le|los|la|me) bendiga|cuidese)\b/;
/** "Me equivoqué de sede", "atrás, escogí mal": going back to the question before. */
export const BACK_CUE =
  /^atras\b|^(?:(?:ay|ah|uy|no|espere|perdon|mejor)\s+)*me devuelvo\b(?! (?:a la casa|pa la casa|para la casa|al trabajo|del|de la|mas tarde|despues|manana)\b)|\b(volver|vuelva|vuelve|volvamos|regresar|regrese|regresemos|devolverme|devuelvase|devuelva|devolvamos|devuelvame|me devuelvo) (atras|a la anterior|a la pregunta anterior|al paso anterior|a la opcion anterior|un paso)\b|\bme equivoque (de|en) (la |el )?(sede|especialidad|cedula|documento|fecha|dia|hora|horario|tipo|numero|opcion|franja|jornada)\b|\b(escogi|elegi|puse|marque) (mal|la que no)\b(?! (la |el )?(persona|paciente))/;
/** "Cámbiele el paciente a Mateo": another patient, asked for in words. */
export const PATIENT_CHANGE_CUE = /\bcambi\w* (el |la )?(paciente|persona|nombre del paciente)\b/;
/** "No quiero que sea con mi doctora", "con cualquier médico", "con otro doctor está bien": another doctor is welcome. */
export const ANY_DOCTOR =
  /\bno (?:quiero|quisiera|me gusta|deseo) (?:que sea |ir |que me vea |que me atienda )?con (?:mi|la|el|esa|ese|esta|este) (?:doctora|doctor|medica|medico|dra|dr|pediatra)\b|\bcon cualquier (?:doctor|doctora|medico|medica|profesional|pediatra)\b|\bcon otr[oa] (?:doctor|doctora|medico|medica|profesional|pediatra)(?: (?:de|del|en) (?:la |el )?[a-z0-9]+)?(?: (?:esta bien|me sirve|no hay problema|sin problema|si|de una))\b|\bcualquier (?:doctor|doctora|medico|medica|profesional) (?:esta bien|me sirve|sirve)\b/;
/**
 * Another doctor than the one of the slot being confirmed: "sí, pero con otro médico", "que no sea
 * con el doctor Restrepo", "no con ese doctor".
 */
export const OTHER_DOCTOR =
  /\bcon otr[oa] (?:doctor|doctora|medico|medica|profesional|pediatra|dr|dra)\b(?! no\b(?! me (?:gust|atend|trat|cay)))|\bque no sea (?:con )?(?:el|la|ese|esa|este|esta) (?:doctor|doctora|dr|dra|medico|medica|pediatra)\b|\bno (?:con|quiero con) (?:el|la|ese|esa|este|esta) (?:doctor|doctora|dr|dra|medico|medica|pediatra)\b|\bno con (?:ese|esa|el|ella)\W*$/;
/** Only the doctor searched is wanted: "con otro no, yo quiero con ella", "solo con mi doctora", "no quiero con otro". */
export const SAME_DOCTOR_ONLY =
  /\bcon otr[oa](?: (?:doctor|doctora|medico|medica|profesional|dr|dra))? no\b|\bno (?:quiero |deseo )?(?:que sea )?con otr[oa]\b|\bsolo con (?:ella|el|mi (?:doctora|doctor|medica|medico))\b|\bquiero (?:que sea )?con (?:ella|el)(?: mism[oa])?\b|\b(?:yo |mejor )?(?:espero|esperamos|me espero|prefiero esperar) (?:a )?(?:que )?(?:vuelva|regrese|llegue|este)\b/;
/** "Otro día", "la próxima semana": another day asked for where days are shown or offered. */
export const OTHER_DAY_CUE =
  /\b(otro dia|otros dias|otra fecha|otras fechas|otra semana|la proxima semana|la semana que viene|que no sea (ese|esos|esa|esas) dias?|(que|cuales) (otros )?dias (tiene|tienen|hay|habria|tendria|tendrian)|dias disponibles|mas adelante en la semana|(?:no )?(?:hay|tiene|tienen|habra|tendra) (?:algo |nada |citas? |cupos? )?(?:mas adelante|mas pa delante|mas para adelante)|(?:mas adelante|mas pa delante|mas para adelante) (?:no )?(?:hay|tiene|tienen|habra|tendra)\b)\b/;
/** A request next to a yes: "sí, y también quiero una para Mateo". */
export const ANOTHER_REQUEST =
  /\b(tambien|ademas|aparte|de paso) (quiero|necesito|quisiera|pedir|sacar|agendar|una|otra)\b|\botra (cita )?(aparte )?(para|de)\b|\btambien (?:me|le|nos) (?:puede|pueden|podria|podrian|da|dan|saca|sacan) (?:dar |sacar |agendar |separar )?(?:una|otra) (?:cita|consulta)\b|\bahora (?:sigue|va|vamos con) (?:la|el) de\b|\bahora (?:la|el) de [a-z]+(?: (?:igual|tambien|porfa|por favor|pues))*\W*$|^\W*(?:y )?ahora si (?:la|el) de [a-z]+\b|\by de una (?:la|una|otra) (?:de|para|pa)\b|\b(?:y |ahora )(?:seguimos|sigamos|continuamos|continuemos|pasamos|pasemos) con (?:la|el|los|las|mi|mis) (?:de )?[a-z]+|\b(?:y |ahora )(?:seguimos|sigamos|continuamos|continuemos|pasamos|pasemos) con (?!(?:la|el|eso|esto|lo|los|las|mi|mis|que|una|un)\b)[a-z]+/;
/** A time given as an upper bound: "antes de las 8", "más temprano de las 10". */
export const BEFORE_TIME = /\b(antes|mas temprano) (de |que )?(las?|la una)\b/;
/** A time given as a bound ("después de las 3"), not as the time of one slot. */
export const TIME_BOUND = /\b(despues|antes|desde|a partir|mas tarde|mas temprano) (de |que )?(las?|la una)\b|\bentre (las? )?\d{1,2}\b|\bde (las? )?\d{1,2} a (las? )?\d{1,2}\b/;
/**
 * A move said of "it" ("cámbiemela", "pásemela", "me la corre"), with nothing that names an
 * appointment ("la cita", "la de Mateo", "esa de pediatría"): where slots are being chosen,
 * "it" is the time being chosen.
 */
export const MOVE_IT = /\b(cambi|pas|muev|corr|mov|reprogram)\w*?(me|le|nos)?(la|lo)\b|\b(me|se|nos) (la|lo) (\w+ )?(cambi|pas|muev|corr|mov|reprogram)\w*/;
/** Words that name an appointment rather than the slot being chosen: "la cita", "la de Mateo", "la del miércoles". */
export const NAMES_AN_APPOINTMENT = /\b(cita|citas|consulta)\b|\b(la|esa|aquella) (que tengo |que tiene )?(de|del)\b/;
/** A word that changes the answer midway: what follows it is the answer ("la de las 9, ay mejor la del miércoles", "…vuelve el viernes, póngala el lunes"). */
export const CHANGE_OF_MIND =
  /\b(?:mejor|mas bien|no mejor|perdon|mejor dicho|mentiras|o bueno|pongala|pongamela|agendela|agendemela)\b(?!.*\b(?:mejor|mas bien|perdon|mentiras|o bueno|pongala|pongamela|agendela|agendemela)\b)/;
/**
 * A yes taken back in the same message (see `yes-no.ts`): "sí… ay no", "no espere", "o bueno no",
 * "mejor no", "no la cancele", "que no" opening the message, "no no". Not a "no" that goes with the
 * yes: "sí, no hay problema", "claro, bueno no sé" (unsure, not a no), "eh, no me vayan a llamar" (a
 * warning, not a no), "sí, ya no la necesito" (a
 * yes to cancelling), "es que no tengo tiempo", "confírmela que no puedo faltar", "mejor no esperar más".
 */
export const TAKE_BACK =
  /(?:^|\b(?:dije|digo|dicho|claro) )que no\b(?! (?:se|sabia|sabe|entiendo|hay|importa|problema|pasa|puedo|tengo|quiero|me|le|nos)\b)|\b(?:(?:ay|uy|huy|ah|ahh|eh|ush|ups|uf|o bueno|bueno|o sea|pensandolo bien|pensandolo mejor|mejor|mas bien|mentiras|aunque|no) no|no (?:espere|espera|esperate|esperame|espereme|pare(?! de\b)|para(?! de\b))|(?:espere|espera|esperate|perdon|disculpe|mentiras) no)\b(?! (?:se|sabia|sabe|entiendo|entendi|hay|habria|importa|problema|pasa|le hace|me acuerdo|recuerdo|estoy segur[oa]|tengo correo|tengo (?:mas|otra)|tenemos|esperar|esperemos|perder|perdamos|programad[ao]|me vayan|me vaya|nos vayan|vayan a|vaya a|me llamen)\b)|\bno (?:la |lo |las |los |me la |me lo )?(?:cancele|cancelen|cancela|anule|anulen|mueva|muevan|mueve|cambie|cambien|corra|corran|pase|pasen|agende|agenden|agenda|confirme|confirmen|reprograme|reprogramen|separe|reserve|aparte)\b|\bno (?:la |lo )?(?:quiero|voy a|vamos a) (?:cancelar|anular|mover|cambiar|correr|pasar|reprogramar|agendar|confirmar|sacar)\w*/g;
/** After a take-back, a yes said again: the message says both, and Lina asks again. */
export const YES_AGAIN = /\b(si|sii|sisas|claro que si|dale|hagale|confirmela|confirmala|cancelela|cancelala|muevala|agendela|agendala|mejor si|siga|proceda)\b(?!.*\bno\b)/;
/** Words that may follow a weak yes and keep it a yes: "bueno, entonces en la tarde". */
export const AGREEING_WORDS: ReadonlySet<string> = new Set([
  'entonces',
  'pues',
  'ps',
  'asi',
  'dale',
  'hagale',
  'en',
  'la',
  'el',
  'por',
  'de',
  'tarde',
  'manana',
  'hoy',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'busque',
  'busquela',
  'buscar',
  'hagamos',
  'eso',
  'esa',
  'ese',
  'misma',
  'mismo',
  'tocara',
  'toca',
]);
/** Sounds before an answer that change nothing: "ay no", "uy sí". */
export const INTERJECTIONS: ReadonlySet<string> = new Set([
  'm',
  'hm',
  'ay',
  'uy',
  'ah',
  'eh',
  'mmm',
  'mm',
  'hmm',
  'um',
  'umm',
  'em',
  'ehh',
  'oiga',
  'ey',
  'ush',
  'jum',
  'ahh',
  'aa',
  'aaa',
  'ajá',
  'erda',
  'uff',
  've',
  'mira',
  'ala',
]);
/** "Quiero volver al menú, no era esto": the menu, wherever it is asked for. */
export const MENU_CUE =
  /\b(volver|ir|regresar|devolverme|devuelvame|devuelvase|llevarme|lleveme|llevame|pasarme|paseme|volvamos|vuelva|vuelvo|vuelvame|regresemos|regrese|regreseme|devolvamos|devuelvame|vamos|pasemos) (de nuevo |otra vez )?al (menu|inicio)\b|\bmenu principal\b|\b(?:muestreme|muestrame|mostrarme|muestre|mandeme|mandame|deme|dame|ponga|ponme|pongame) (?:el|otra vez el|de nuevo el) (?:menu|inicio)\b|\b(volvamos|vuelva|vuelvo|regresemos|regrese|empecemos|empezar|comenzar|comencemos|arranquemos|arrancar) (al|a el|desde el|por el|otra vez desde el|de) (principio|inicio|comienzo|cero)\b|(?<!\b(?:toca|tengo que|hay que|debo|tocaria) )\b(empezar|empecemos|comenzar|comencemos|arrancar|arranquemos) (todo )?(de nuevo|de cero|otra vez)\b|\b(volvamos|volver|vuelvo) a (empezar|comenzar|arrancar)\b/;
/** Words that open a correction: "no, es para Sofía", "espere, es para mi hija", "me equivoqué". */
export const CORRECTION =
  /^((ay|uy|ah|oiga|oye|ay no|ups|uy no),? )?(no(?! programad)|nop|espere|esperate|espera|perdon|disculpe|disculpa|me equivoque|mejor|ay no|uy)\b|\bno es para\b|\bno para (mi|el|ella)\b|\bme equivoque\b/;
/** Fillers that may sit around an option number: "mmm la cuarta", "ay la 2". */
export const COURTESY_FILLERS: ReadonlySet<string> = new Set(['m', 'hm', 'mmm', 'mm', 'eh', 'ehh', 'ay', 'uy', 'bueno', 'listo', 'pues', 'ps', 'a', 'ver', 'haber']);
export const PICKING_WORDS: ReadonlySet<string> = new Set([
  // "El primero que salió", "la que aparece de primera".
  'salio',
  'aparece',
  'aparecio',
  // "La primera que me muestra", "bueno cualquiera, la primera", "ufff bueno, déjeme la última".
  'uf',
  'ush',
  'muestra',
  'mostro',
  'cualquiera',
  'quiero',
  'me',
  'quedo',
  'con',
  'escojo',
  'elijo',
  'tomo',
  'deme',
  'dame',
  // "Déjeme la última", "apárteme la 2".
  'dejeme',
  'dejame',
  'aparteme',
  'reserveme',
  'agendeme',
  'regaleme',
  'prefiero',
  'la',
  'el',
  'lo',
  'los',
  'opcion',
  'opc',
  'op',
  'numero',
  'num',
  'no',
  'nro',
  'esa',
  'esta',
  'ese',
  'este',
  // "La primera de esas", "de esos la segunda".
  'esas',
  'esos',
  'estas',
  'estos',
  'de',
  'mejor',
  'si',
  'es',
  'seria',
  'voy',
  'a',
  'cojo',
  'agarro',
  'entonces',
  'pues',
  'ps',
  'ok',
  'listo',
  'vale',
  'bueno',
  'dale',
  'por',
  'favor',
  'porfa',
  'plis',
  'gracias',
  'y',
  'una',
  'un',
  'que',
  'en',
  'cita',
  'del',
  'al',
  'item',
  'pa',
  'para',
  'senorita',
  'senora',
  'senor',
  // "Me sirve la primera", "me queda bien la 2", "x fa la opción 2", "3 porfavor", "muchas gracias".
  'sirve',
  'queda',
  'bien',
  'gusta',
  'porfavor',
  'fa',
  'muchas',
  'mil',
  // "La primera de la lista" (the speller no longer makes "lista" the filler "listo").
  'lista',
]);
/** After "para mí": what the member thinks of something ("para mí es muy complicado", "pa mí queda lejísimos"), not a patient. */
export const OPINION_AFTER_SELF =
  /^(?:es|esta|seria|queda|resulta|sale) (?:muy |mas |bastante |super |re |demasiado |como )?(?:complicado|complicada|complicadisimo|dificil|dificilisimo|imposible|lejos|lejisimos|lejisimo|mejor|peor|facil|duro|pesado|caro|incomodo)\b/;

/** Words that may follow "para mí" without making "mi" a possessive ("para mi hija"). */
export const AFTER_SELF: ReadonlySet<string> = new Set([
  // "¿Y para mí se puede sacar una?", "para mí lo más pronto posible", "para mí aquí en Suba", "para mí hoy".
  'se',
  // ("¿Y a mí cuándo me toca?", "¿y para mí qué hay?": a question about the member.)
  'cuando',
  'cuales',
  // ("Pa mí ve": an interjection closing it.)
  've',
  'lo',
  'aqui',
  'aca',
  'hoy',
  'urgente',
  'pronto',
  'por',
  'favor',
  'porfa',
  'plis',
  'gracias',
  'y',
  'misma',
  'mismo',
  'una',
  'un',
  'la',
  'el',
  'pero',
  'que',
  'en',
  'de',
  'con',
  'no',
  'si',
  'entonces',
  'pues',
  'ps',
  'nada',
  'sola',
  'solo',
  'solita',
  'solito',
  'tambien',
  'primero',
  'solamente',
  'ya',
  'es',
  'senorita',
  'senora',
  'senor',
  'mija',
  'sumerce',
  'ok',
  'listo',
  'dale',
  'bueno',
  'medicina',
  'pediatria',
  'control',
  'para',
  'hoy',
  'manana',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
  'a',
  'o',
  'e',
  'porque',
  'pa',
  'pal',
  'sumerce',
  'ahora',
]);
/** "Y yo tengo alguna cita?", "y yo necesito otra": the member asking for themself. */
export const AFTER_AND_I: ReadonlySet<string> = new Set([
  'necesitamos',
  'queremos',
  'tenemos',
  'tengo',
  'necesito',
  'quiero',
  'queria',
  'quisiera',
  'tambien',
  'igual',
  'cuando',
  'cual',
  'cuales',
  'a',
  'para',
]);
/** After "la mía no", words that make it a denial ("la mía no me la pidieron"), not the start of a contrast ("para mí, no para los niños"). */
export const DENYING_AFTER_NO: ReadonlySet<string> = new Set(['me', 'lo', 'le', 'se', 'les', 'nos', 'es', 'era', 'tengo', 'tiene', 'necesito', 'necesita', 'hace', 'hay']);
/** Verbs of looking after children: "recoger a los niños" names no patient. */
export const CARE_VERBS: ReadonlySet<string> = new Set([
  'recoger',
  'recojo',
  'recoge',
  'buscar',
  'busco',
  'dejar',
  'dejo',
  'cuidar',
  'cuide',
  'cuida',
  'cuido',
  'cuiden',
  'traer',
  'traigo',
  'acompanar',
  'acompano',
  // "De tanto cargar a la chiquita": carrying a child, no patient.
  'cargar',
  'cargo',
  'cargando',
  'alzar',
  'alzo',
  // "Me dejó encargada de los niños", "estoy cuidando a los niños".
  'encargada',
  'encargado',
  'cuidando',
]);
/** After a person, verbs of taking someone to the clinic: "mi mamá me lleva", "yo misma llevo a Sofi". The person is a companion. */
export const ACCOMPANYING: ReadonlySet<string> = new Set([
  'lleva',
  'llevo',
  'llevaria',
  'acompana',
  'acompano',
  'acompanara',
  'acompanaria',
  'acompanan',
  'llevara',
  'traera',
  'trae',
  'traigo',
  'recoge',
  'recojo',
  'va',
  'viene',
  'voy',
]);
/** Words that make a relation two people: "los dos niños", "mis 2 hijas", "ambos niños". */
export const TWO_OF: ReadonlySet<string> = new Set(['dos', '2', 'ambos', 'ambas']);
/** Words before a person's name: "para Sofía", "se llama Sofía", "la cita de Mateo". */
export const BEFORE_NAME: ReadonlySet<string> = new Set(['para', 'pa', 'pal', 'llama', 'llamado', 'llamada', 'nombre']);
/** Words a relation ("hijo", "niña") follows when it names a patient: "mi hijo", "para la niña". */
export const BEFORE_RELATION: ReadonlySet<string> = new Set(['mi', 'mis', 'para', 'pa', 'pal', 'a', 'de', 'su', 'sus', 'del', 'al', 'tiene', 'tienen']);
/** Words between a possessive and a relation: "mi otro hijo", "mis dos hijos". */
export const BETWEEN_RELATION: ReadonlySet<string> = new Set(['el', 'la', 'los', 'las', 'otro', 'otra', 'dos', 'tres', '2', '3', 'pequeno', 'pequena', 'mayor', 'menor']);
export const ARTICLES: ReadonlySet<string> = new Set(['el', 'la', 'los', 'las', 'mi', 'mis', 'un', 'una']);
/** Verbs after a relation that make it the one speaking, not the patient: "mi mamá dice que vaya". */
export const SAYING: ReadonlySet<string> = new Set(['dice', 'dijo', 'decia', 'cree', 'piensa', 'recomendo', 'trabaja', 'opina', 'pregunta']);
/** An explicit band, as opposed to the part of the day of an hour ("3 de la tarde"): also "en la tardecita", "después del almuerzo", "a primera hora", "para una mañana". */
export const EXPLICIT_BAND =
  /\b(en|por|pa|para) la (manana|tarde)\b|(?<!\b(?:trabajo|trabaja|estudio|estudia|estoy|esta|salgo|sale|tengo|tiene) )\b(en|por|pa|para) las (mananas|tardes)$|\b(las|los|la|el) de la (manana|tarde)\b|\bhoras de la (manana|tarde)\b|\btemprano\b|\bmananita\b|\b(en|a) (la )?(jornada|horario) de la (manana|tarde)\b|\bcualquier|\bme da igual\b|\bla que sea\b|\bla hora que (?:sea|haya|tengan?)\b|^(la |en la |por la )?(manana|tarde|am|pm)$|\b(manana|tarde) o (manana|tarde)\b|\btarde[cs]itas?\b|\b(despues|despuesito|luego) (del? (almuerzo|medio ?dia)|de almorzar)\b|\bantes del? (almuerzo|almorzar|medio ?dia)\b|\bprimera hor(a|ita)\b|\b(en|para|por|pa) una (manana|tarde)\b/;
/** A bare "tarde" closing a request ("cita medicina general primera vez fontibon tarde", "pediatría control en chía tarde"): the afternoon band. */
export const CLOSING_AFTERNOON = /\btarde( (por favor|porfa|porfis|porfavor|plis|please|gracias))?$/;
export const DIGITS = /^#?(\d{1,2})[.)]?$/;
/** "la 1 …", "opción 2 …", "el 3 …" at the start of a message, not "3 de la tarde" nor "2:40". */
export const OPENING_NUMBER =
  /^(?:mejor )?(?:(?:la|el|opcion|numero) )?(?:\d{1,2}|uno|una|dos|tres|cuatro|cinco|primera|primero|segunda|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto)(?= )(?! (de|y|:|am|pm|a\.|p\.|cita|consulta|vez|ves)\b)/;
/** Two digits, or a month's name: the only messages that may carry a date of birth ("15/3/94", "quince de marzo de…"). */
export const MAY_HOLD_A_DATE =
  /\d\d|\d\s*[/.-]\s*\d|\b(enero|ene|febrero|feb|marzo|mar|abril|abr|mayo|may|junio|jun|julio|jul|agosto|ago|septiembre|setiembre|sep|sept|set|octubre|oct|noviembre|nov|diciembre|dic)\b/;
/** A document type by name: "cédula 1010101010" said at any question. */
export const DOCUMENT_TYPE_NAMED = /\b(cc|cedula|tarjeta de identidad|registro civil|pasaporte|ti|rc|ce|ppt|pep)\b/;
/** Three digits in a row, or a run of number words: the only messages that may carry a document number. */
export const MAY_HOLD_A_NUMBER =
  /\d{3}|\b(cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|mil|millon\w*)\b.*\b(cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|mil)\b|\b(cc|cedula|tarjeta|registro|pasaporte|ti|rc|ce|pa|pt|ppt)\b/;
/** Earlier than what is shown: "¿algo más temprano?", "antes de esa hora". */
/** "¿Tiene algo más tardecito?": later than the slots shown (a time bound, "más tarde de las 3", is read apart). */
export const LATER = /\bmas (tarde|tardecito)\b(?! (de|que) (las?|la una)\b)/;
/** "Ninguna de esas", "ninguno me sirve": none of the options shown. */
export const NONE_OF_THESE = /\bningun[oa]?s?\b/;
/** "No puedo esperar hasta la otra semana": a wait refused, the reason for what is asked, not another day asked for. */
export const CANNOT_WAIT =
  /\bno (?:(?:puedo|podemos|quiero|queremos|alcanzo a|aguanto|aguantamos|aguanta|puede) (?:a )?esperar|aguanto|aguantamos|aguanta) (?:hasta|a|para) (?:el |la )?(?:otra semana|proxima semana|semana que viene|pasado manana|manana|lunes|martes|miercoles|jueves|viernes|[a-z]+ (?:que viene|proximo|entrante))(?: de la (?:otra|proxima) semana| que viene| proximo| entrante)?/;
/** A clause that turns down a day or an hour shown: "ninguna del viernes", "hoy a las 2 no alcanzo", "la de las 2 y 20 tampoco". */
const REFUSED_CLAUSE = /^(?:ningun[oa]|no hay)\b|\b(?:no|tampoco|ninguna)\b/;
/** The clause that answers after them: "pues el martes a las 3", "bueno el martes 3 pm", "el martes 3 pm sí", "póngala el lunes", "martes 3". */
// ("Ninguna de hoy, deme la del martes en la tarde": the one asked for with a verb.)
const ANSWER_AFTER_REFUSAL =
  /^(?:(?:pues|bueno|entonces|listo|ok|mejor) )+(?:el |la |los |las )?\S|^(?:(?:pues|bueno|entonces|listo|ok|mejor) )*(?:deme|denme|dame|me da|me das|pongame|ponga|pongala|pongamela|agendeme|agendela|reserveme|saquela|pasela|pasemela|muevala|tomo|me quedo con|quiero|prefiero)(?: para| pa| pal)? (?:el |la |los |las )\S|^(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado) (?:a las )?\d{1,2}(?::\d{2})?(?: (?:am|pm|de la (?:manana|tarde)))?$|\bsi$/;
/**
 * What answers after the days or hours turned down ("ninguna del viernes, pues el martes a las 3"): the message from that
 * clause on, when a clause before it turns something down.
 */
export function answerAfterRefusal(normalized: string): string | undefined {
  const clauses = normalized
    .split(/[,.;:!?]+/)
    .map((clause) => clause.trim())
    .filter(Boolean);
  // ("…¿para qué me pregunta el día entonces? bueno, la del martes 3 pm": an opener set apart joins what follows it.)
  for (let index = clauses.length - 2; index >= 0; index--)
    if (/^(?:pues|bueno|entonces|listo|ok|mejor)$/.test(clauses[index] ?? '')) clauses.splice(index, 2, `${clauses[index]} ${clauses[index + 1]}`);
  const answerAt = clauses.findLastIndex((clause) => ANSWER_AFTER_REFUSAL.test(clause));
  if (answerAt <= 0 || !clauses.slice(0, answerAt).some((clause) => REFUSED_CLAUSE.test(clause))) return undefined;
  return clauses.slice(answerAt).join(', ');
}
/** "¿Hoy solo esas dos?", "¿mañana solo a las 9?": whether the times shown are all there are, asked (closing the message). */
export const ONLY_THOSE_ASKED =
  /\b(?:solo|solamente|nomas|no mas|nada mas|unicamente) (?:esas?|esos?|hay|habia|tiene|tienen|queda|quedan|a las?|la de las?|esa de las?|las? \d)\b[^?]*\?\W*$/;
/**
 * "¿No hay nada más?", "¿tiene algo más?", "¿hay algo más el miércoles?": other times than those shown ("si no hay nada más,
 * entonces la del martes a las 3" is a condition, then what is picked).
 */
export const ANYTHING_ELSE = /(?<!\bsi (?:no )?)\b(?:hay|habra|habria|tiene|tienen|tendra|tendria|queda|quedan) (?:nada|algo|alguna|algun|otra cosa|otra|otro|otras|otros) mas\b/;
/** "¿No hay más horarios?", "¿tiene otras horas?": asking for times beyond those offered. */
export const MORE_TIMES_ASKED = /\b(mas|otros?|otras) (horarios?|horas|citas|opciones|turnos)\b/;
export const EARLIER = /\bmas (temprano|tempranito)\b|\bantes de (esa|esas) horas?\b/;
/** "Lo más tarde posible", "lo más tardecito", "a última hora": the latest times of the day. */
export const LATEST = /\blo mas (tarde|tardecito)\b|\b(a|de) ultima hora\b|\blo ultimo (del dia|de la tarde)\b|\b(las|los) (horas?|horarios?|citas?) mas tarde\b/;
/** "¿No hay en otra sede?", "en otro lado cerquita": another site, not named. */
export const OTHER_SITE =
  /\b(otra|otras) (sede|sedes|uss|clinica|clinicas|unidad|unidades)\b|\bcambi(?:ar|o|emos|e|ele|arle)(?: de| la| el)? (sede|uss|clinica|lugar)\b|\b(otro|otros) (lado|lados|centro|centros|punto|puntos)\b|\b(sede|uss) (diferente|distinta)\b/;
/** "Radique el caso", "radíqueme la solicitud", "abra el caso": a RISS case asked for in so many words. */
export const FILE_CASE = /\bradi(que|quen|queme|quelo|quemelo|car|calo|camelo)\b|\b(abra|abrame|abrir|haga|hagame|monte|monteme|pongan?|ponga) (me |le )?(el|un) caso\b/;
/** "¿Qué es radicar un caso?", "no radique nada": a case asked about or refused, not asked for. */
export const NOT_FILE_CASE = /\b(que|q|como|cual) (es|significa|seria)\b|\bno (me |le )?(radi|abr|hag|mont|pong)/;
/** "Aquí en esta sede", "en esta misma", "la de acá", "aquí mismo": the site the member writes from (a QR code's). */
export const HERE_SITE =
  /\b(aqui|aca|aquisito|acasito)\b|\b(est[ae]) (mism[ao] )?(sede|uss|centro|clinica|punto|unidad)\b|^(en )?(la )?est[ae]( mism[ao])?$|\ben est[ae] mism[ao]\b/;
/** "Aquí no", "no es aquí": the site written from ruled out. */
export const NOT_HERE = /\b(aqui|aca) no\b|\bno (es |sea |en )?(aqui|aca)\b|\bni (aqui|aca)\b/;
/** "Lo más pronto (posible)", "lo antes posible", "lo más rápido", "cuanto antes": the earliest time, at any hour. "Lo antes" alone is not ("lo antes de las 8"). */
export const SOONEST =
  /\blo antes (posible|que se pueda|que pueda)\b|\blo mas (pronto|prontico|rapido|ligero)\b|\bcuanto antes\b|\bapenas se pueda\b|\b(la|lo) que (haya|hayan|tenga|tengan|este|salga) mas (pronto|rapido|prontico)\b|\bla (primera|mas pronta)(?: cita)? que (haya|tenga|tengan|salga)\b/;
/** "La que sea más pronto", "la más cercana": the earliest slot shown. */
export const EARLIEST =
  /\b(la|lo|el) (que (sea|este|haya) )?mas (pronto|pronta|cerca|cercan[oa]|rapido|rapida|temprano|temprana|tempranito|tempranita)( posible)?$|\b(la|lo|el) (que (sea|este|haya) )?mas (pronto|pronta|cerca|cercan[oa]|rapido|rapida)\b(?! (a|de|que|al|del)\b)|\b(el )?dia mas (cercano|proximo|pronto)\b|\bla mas cercana\b|\bla primera que (haya|tenga|este)\b|\bla mas (temprana|tempranita|tempranito|temprano|pronta|prontica) (que|q) (haya|hay|tenga|tengan|este|salga)\b|\blo (antes|mas pronto) posible\b|\blo (antes|mas pronto) (que|q) (haya|tenga|tengan|se pueda|pueda|puedan)\b|^la que sea\b|\bla (que|q) (usted |ud )?(me )?(dijo|mostro|puso|ofrecio|dio|mando|nombro) (de )?primero\b|\bcual es la (primera|mas temprana|mas pronta) (que|q) (hay|tiene|tienen|haya)\b/;
/** "La del miércoles", "esa de mañana": an appointment named by its day. */
export const REFERRED_DAY =
  /\b(?:la|esa|mi cita|la cita) (?:del?|de el) ((?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)(?: \d{1,2})?|\d{1,2}(?: de [a-z]+)?|hoy|manana|pasado manana)\b/;
/**
 * Where the new day of a move begins: "…y necesito cambiarla pal jueves", "pasármela para el
 * viernes", or after the appointment is named ("correr la cita que tengo el miércoles pal viernes").
 */
export const MOVE_TO =
  /(?<=\b(?:la|esa) (?:cita |consulta )?de [a-z]+,? )(?:esa|esta|la) (?:pa|pal|para) (?:el |la )?(?=(?:lunes|martes|miercoles|jueves|viernes|sabado|otro|otra|\d))|\b(?:cambi|pas|mov|muev|corr|reprogram|aplaz|reagend)\w*(?: (?:la|mi|esa) cita)?(?: me la| la)? (?:pa|para|pal|al|a) (?:el |la |los )?|\bvolver\w* a (?:sacar|pedir|agendar|programar) (?:pa|para|pal) (?:el |la |los )?|(?<=\b(?:cambi|pas|mov|muev|corr|reprogram|aplaz|reagend)\w*\b[a-z0-9: ]{1,60}?)\b(?:pa|para|pal|al) (?:el |la )?(?=(?:lunes|martes|miercoles|jueves|viernes|sabado|manana|pasado|proximo|proxima|otro|otra|siguiente|\d))|(?<=\b(?:del?|de este) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b[a-z0-9: ]{1,40}?)\b(?:la|lo) (?:pone|pones|necesito|necesitaria|quiero|quisiera|ocupo) (?:es |mejor |mas bien |ahora )*(?:pa|para|pal|el|a) (?:el |la )?(?=(?:lunes|martes|miercoles|jueves|viernes|sabado|manana|pasado|proximo|proxima|otro|otra|siguiente|\d))/;
/**
 * What every match of `MOVE_TO` holds (a "… pa/para/pal" after "esa/esta/la", a verb of moving or "volver", or
 * "la/lo" and a wish), found without its lookbehinds: most messages hold none, and `MOVE_TO`'s lookbehinds,
 * which look back up to sixty characters at every place, cost more than the rest of the message's reading.
 */
const MAY_MOVE_TO =
  /(?:esa|esta|la) (?:pa|pal|para) |\b(?:cambi|pas|mov|muev|corr|reprogram|aplaz|reagend|volver)|\b(?:la|lo) (?:pone|pones|necesito|necesitaria|quiero|quisiera|ocupo) /;
/** `MOVE_TO.exec(text)`, without running it where it cannot match. */
export function moveToIn(text: string): RegExpExecArray | null {
  return MAY_MOVE_TO.test(text) ? MOVE_TO.exec(text) : null;
}
/** "Primero quiero…", "primero necesito…", "primero cancelar": an adverb, not the first option. */
export const FIRST_OF_ALL =
  /^(?:(?:bueno|pues|entonces|ok|listo|ah|ay|y|ahora|mejor)[,.]? )*primero (quiero|necesito|quisiera|me|tengo|hay|voy|debo|que|lo|la|le|el|los|las|para|pa|pal|cancelar|cancelemos|agendar|reprogramar|mover|cambiar|ver|consultar|sacar|pedir|revisar|mirar|digame|dime|diga|digamos|muestreme|muestrame|cuenteme|cuentame|confirmeme|confirmame|averigue|averiguame|revise|revisemos|miremos|veamos|saber)\b/;
/**
 * "Por último, ¿mi cita sigue igual?", "último: recuérdeme a qué hora era…", "ahora lo segundo, sacarle la cita a Sofía": the
 * member's own list of things to do, counted aloud; the count is no option of Lina's.
 */
export const OWN_LIST_COUNT =
  /^(?:(?:bueno|pues|entonces|ok|listo|ah|ay|y|ahora|ya)[,.]? )*(?:(?:y )?por ultimo\b|lo (?:primero|segundo|tercero|ultimo)\b(?! (?:que|q) (?:salga|haya|tenga))|(?:primero|segundo|tercero|ultimo)\s*:)/;
/** "Una pregunta: ¿…?", "una preguntica", "una duda": a question announced; "una" is no first option. */
export const ANNOUNCED_QUESTION =
  /^\W*(?:(?:hola|buenas|oiga|oye|disculpe|perdon|senorita|lina|y|ah|ay|bueno|otra cosa|ya)\W+)*(?:tengo |le tengo |me queda |otra |solo |nada mas )?una (?:pregunt\w*|dud\w*|cosa|cosita|inquietud\w*|consultica)\b/;
/** An opening that can only be an option's position, even where numbers are days and hours: "la quinta opción…". */
export const ORDINAL_OPENING = /(primera|primero|segunda|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto)$|^(mejor )?(opcion|numero) /;
export const ORDINAL_ABBREVIATION = /^(\d{1,2})(ra|ro|da|do|ta|to|va|vo|na|no|a|o|er)$/;
/** After a relation, a verb of how the child is: "la niña está con fiebre", "el niño tiene 13". */
export const HOW_THEY_ARE: ReadonlySet<string> = new Set(['esta', 'tiene', 'amanecio', 'sigue', 'anda', 'lleva', 'necesita', 'presenta', 'tuvo', 'se', 'nacio']);
/** Before a name, words of a place: "san Mateo", "barrio Sofía". */
export const PLACE_BEFORE_NAME: ReadonlySet<string> = new Set(['san', 'santa', 'santo', 'barrio', 'hospital', 'clinica', 'conjunto', 'colegio']);

/** Asking what a question or its options mean: "¿qué es no programada?", "¿cuál es la diferencia?", "no entiendo nada". */
export const ASKS_WHAT_IT_IS =
  /^\W*(?:(?:y|pero|uy|ay|no|que pena|q pena|que pesar)[\s,]+)*(?:(?:eso|el caso|radicar(?: el caso)?) (?:si )?(?:sirve|serviria) (?:de|para) (?:algo|que|q)|(?:entonces|ahora) (?:que|k|q) (?:hago|hacemos|toca)(?=.*\b(?:caso|radic)))\b|^\W*(?:(?:uy|ay)[\s,]+)*(?:no[\s,]+)?(?:que|q) (?:pena|pesar)[\s,]+(?:y[\s,]+)?(?:entonces|ahora) (?:que|k|q) (?:hago|hacemos|toca)\b|^(y |pero |oiga |disculpe |perdon |senorita )?(que|k) (es|son|significa|quiere decir) |\b(que|k) pasa si\b|^\W*((m+|ay|uy|eh|bueno|pues|oiga|disculpe|y|pero) )*si no \w+( \w+)?,? (que|k) pasa\b|^\W*((m+|ay|uy|eh|bueno|pues|oiga|disculpe|y|pero) )*(a que hora|con quien|cuando|que dia) (seria|serian|sera|seran)\b|\b(que|k) es eso de\b|^\W*(y )?ahora( (que|k)( hago| sigue)?)?\W*$|^\W*(y )?(que|k) sigue\W*$|^\W*(y )?(que|k) (hago|debo hacer) (ahora|aqui)\W*$|^(y |pero )?(que|k) es\??$|\bcual es la diferencia\b|\b(que|k) diferencia (hay|tiene)\b|\bno entiendo (nada|las opciones|que es|que significa|la diferencia|cual)\b|\bcomo asi (que|k) (es|son)\b|\b(que|k) (es|son|significa)\s*\?|^(y )?(eso|lo) de\b.*\b(que|k) (es|son|significa)\b|\b(?:es|seria|sera|son) (?:como|lo mismo que|igual que|parecid[oa] a) (?:un|una|el|la|lo|los|las)\b(?=.*\?)|\bcuenta (?:como|si)\b(?=.*\?)|\bwhat\W?s the difference\b|\bdifference between\b/;

/** "¿Dónde queda la sede de Kennedy?", "¿cuál es la dirección?", "y eso dónde es?": where a site is (not "¿dónde es mi cita?"). */
export const ASKS_WHERE =
  /\b(donde|dnd|onde|en donde|por donde) (queda|qda|keda|quedan|es|esta|estan|se encuentra|se encuentran|se ubica|ubico|lo ubico|la ubico|es que queda)\b(?! (mi|mis|la|las|su|sus) citas?\b)|\bdireccion\b(?! (de |del )?(correo|electronica|email|e-mail|mail))|\bcomo (llego|llegar|se llega|hago para llegar)\b|\bubicacion\b|\b(queda|es) (donde|dnd) mismo\b|\b(eso|esa|la cita) (es|queda) (aqui|aca) mismo\b|\b(es|queda) (aqui|aca) mismo en (esta|la) sede\b|(?<=\bcon quien (?:quedo|queda|es) )y (donde|dnd)\b|^(?!\W*cual\b)[^?.;!,]*\b(?:queda|quedan|es la que queda|es la de) (?:por|cerca de|cerca a|por el lado de|al lado de|en el barrio)\b[^?.;!]*\?\W*$/;
/**
 * "¿Es en Kennedy, cierto?", "eso queda en Suba ¿no?", "¿sería en la 42?": whether the cita shown is at the site the
 * member names, asked to be sure (a question mark or a "¿cierto?", "¿verdad?", "¿no?" at the end).
 */
export const CHECKS_SITE = /\b(?:es|queda|seria|sera|va a ser|quedaria|quedo)\s+(?:(?:alla|aca|aqui|alli|ahi)\s+)?(?:en|por)\b[^?]*(?:\?|[\s,]+(?:cierto|verdad|no|si o no)\W*$)/;
/** "¿Cuánto vale la cuota moderadora?", "¿cuánto cuesta la cita?", "¿hay que pagar copago?": what a cita costs. */
export const ASKS_COST =
  /\b(cuanto|cnto|qto) (me |nos |le )?(vale|valen|cuesta|cuestan|sale|salen|cobran|me cobran|(?:va|van) a (?:costar|valer|salir|cobrar)|hay que pagar|toca pagar|me toca pagar|debo pagar|tengo que pagar|pago|es (la cuota|el copago|el valor|la consulta|la cita))\b|\bcuota moderadora\b|\bcopago\b|\bprecio\b|\btarifa\b|\b(valor|costo) de (la|una) (cita|consulta)\b|\b(me|nos|le|les) (cobran|cobra|van a cobrar)\b|\b(hay que|toca|tengo que|debo) pagar\b|\bes gratis la (cita|consulta)\b|\b(la|una) (cita|consulta) (es|sale) gratis\b|\b(esto|eso|la cita|la consulta|el caso|radicar|radicarlo|el tramite|eso del caso|lo del caso|el control|la de control|la no programada|la de primera vez) (no )?(tiene|tendra|cuesta|vale) (algun|ningun)? ?(costo|valor|cobro)\b|\b(esto|eso|el caso|radicar) (es|sale) gratis\b|\b(eso|esto) (del|de) (caso|tramite|radicar) (no )?(tiene|tendra|cuesta|vale) (algun|ningun)? ?(costo|valor|cobro)\b/;
/** "Si no llego", "si falto", "por no ir": a cita missed, said as a supposition. */
const IF_MISSED = String.raw`\b(si|y si|que tal que) (no (llego|llegamos|llega|llegan|voy|vamos|va|van|asisto|asistimos|asiste|me presento|se presenta|alcanzo a (llegar|ir)|puedo (ir|llegar|asistir)|podemos (ir|llegar|asistir)|puede (ir|llegar|asistir))|falto|faltamos|falta|llego tarde|se me (pasa|olvida))\b|\bpor no (ir|llegar|asistir)\b|\binasistencia\b|\bfallar? a (la|una) cita\b|\bfaltar a (la|una) cita\b`;
/** What follows a cita missed: "¿qué pasa?", "¿me cobran?", "¿hay multa?". */
const WHAT_THEN = String.raw`\b(que|q|k) (pasa|pasaria|sucede|sucederia|me hacen|hago)\b|\b(cobran|cobra|van a cobrar|multan|multa|multas|sancion|sanciones|sancionan|penalizan|penalizacion|castigan|bloquean)\b|\b(me|nos|se) (la|lo) (cancelan|quitan|pierdo|pierden)\b|\b(la|lo) pierdo\b|\bpierdo (la|el) (cita|cupo)\b`;
/** "¿Y si no llego a la cita qué pasa? ¿Me cobran?", "¿hay multa por no ir?": what happens when a cita is missed, a question. */
/** "¿Cuánto tiempo antes toca cancelar?", "¿hasta cuándo puedo avisar?": how early a cita must be given up. */
const HOW_EARLY = String.raw`\b(cuanto tiempo|cuantas horas|cuantos dias|hasta cuando|con cuanto tiempo|con cuanta anticipacion|hasta que hora) (antes |de anticipacion |de antes )?(toca|hay que|se puede|puedo|debo|tengo que|se debe|se tiene que) (cancelar|avisar|anular|mover|reprogramar|cambiar)\w*`;
/** "¿Hay multa por cancelar?", "¿me cobran por reprogramar?", "¿y si la cancelo qué pasa?": what giving a cita up costs. */
const COST_OF_GIVING_UP = String.raw`\b(multa|multas|penalidad|penalidades|penalizacion|sancion|sanciones|cobro|cobran|cobra|cuesta|castigo)\b.*\bpor (cancelar|cancelarla|reprogramar|reprogramarla|mover|moverla|cambiar|cambiarla)\b|\b(si|y si) (la |lo )?(cancelo|reprogramo|muevo|cambio|anulo)\b.*\b(que pasa|que me pasa|cobran|multa|penal\w*|sancion\w*)\b|\b(que pasa|que me pasa|me cobran|hay multa)\b.*\bsi (la |lo )?(cancelo|reprogramo|muevo|cambio|anulo)\b`;
/** "¿Y la puedo cancelar después?", "¿se puede mover más adelante si algo?": whether a cita can be given up later, a question. */
const LATER_ALLOWED = String.raw`\b(?:la|lo|se) (?:puedo|podria|podemos|puede|pueden|podre) (?:cancelar|mover|reprogramar|cambiar|anular)\w* (?:despues|luego|mas adelante|mas tarde|otro dia|cualquier dia|si (?:no|algo|pasa))\b`;
export const ASKS_ABOUT_MISSING = new RegExp(`(${IF_MISSED}).*(${WHAT_THEN})|(${WHAT_THEN}).*(${IF_MISSED})|${HOW_EARLY}|${COST_OF_GIVING_UP}|${LATER_ALLOWED}`);
/** The supposition alone, every time it is said: what is left may still ask for something ("…, mejor cancélela"). */
export const MISSED_SUPPOSITION = new RegExp(
  `(${IF_MISSED})( (a )?(la|mi|esa) cita)?|\\b(me|nos|se) (la|lo) (cancelan|quitan)\\b|${HOW_EARLY}|${COST_OF_GIVING_UP}|${LATER_ALLOWED}`,
  'g',
);
/** "¿Qué tengo que llevar?", "¿qué papeles llevo?", "¿llevo la orden?": what to bring to the cita. */
export const ASKS_BRING =
  /\b(que|q|k) (tengo que|tengo q|hay que|debo|debo de|toca|me toca|necesito|se necesita|necesita|tiene que|tenemos que|debemos|le toca|le llevo|llevo) ?(llevar|traer|presentar)?\b(?<=llevar|traer|presentar|llevo)|\b(que|q|k|cuales|cual) (papeles?|documentos?|requisitos)\b(?! (?:de identidad )?(?:es|era|le pongo|pongo|escribo|le doy|doy)\b)|\b(llevo|llevar|traigo|traer|presento) (la orden|el registro|la cedula|la tarjeta|el documento|algun documento|algun papel|los examenes|la remision)\b|\b(tengo|hay|debo|toca|tenemos) (que|q) (llevar|traer|presentar) (algo|algun|alguna|papeles|documentos)\b|\b(llevo|traigo|llevamos) algo\b|\b(tengo|hay|debo|toca|tenemos|tiene) (que|q) (llevar|traer|presentar) (el|la|los|las|su|sus|mi|mis) (carnet|carne|registro|cedula|tarjeta|documento|documentos|examenes|orden|ordenes|remision|historia|formula|papeles)\b/;
/** "¿Con qué doctor es?", "¿quién me atiende?", "¿con cuál médica es la primera?": who the cita shown is with. */
export const ASKS_DOCTOR =
  /\bes con (el|la) (doctor|doctora|dr|dra|medico|medica)\b(?=.*\b(cierto|verdad)\b)|\b(con (que|q|cual|quien)|que|q|cual) (doctor|doctora|dr|dra|medico|medica|profesional|especialista|pediatra)\b|\bcon quien (es|seria|me toca|queda|quedo|quedaria)\b|\bquien (me|lo|la|le|nos) (atiende|va a atender|atenderia|ve)\b|\b(el|la) (doctor|doctora|medico|medica) (es )?(quien|cual) es\b|\bquien es (el|la) (otro|otra|otros|otras) (doctor|doctora|doctores|medico|medica|medicos|profesional|profesionales)\b|\b(el|la) (otro|otra) (doctor|doctora|medico|medica|profesional) (quien|cual) es\b/;
/** "¿Me manda la confirmación al correo?", "¿me llega un correo?": the cita sent by e-mail. */
export const ASKS_BY_EMAIL =
  /\b(me )?(manda|mande|mandan|envia|envie|envian|enviar|mandar|llega|llegara|llegan)\b.*\b(correo|email|mail|e-mail|gmail|hotmail)\b|\b(confirmacion|constancia|comprobante) (al|por|en el|a mi) (correo|email|mail)\b/;
/** "¿Y a la mamá le llega algún mensaje de la cita?", "¿me mandan un recordatorio?": whether anyone is sent word of the cita. */
export const ASKS_NOTICE =
  /\b(?:le|me|nos|les) (?:llega|llegara|va a llegar|mandan|mandaran|envian|van a mandar|van a enviar|avisan|van a avisar|escriben|van a escribir)(?: algun| un| una| el| la)? (?:mensaje|mensajito|aviso|recordatorio|confirmacion|notificacion|sms|whatsapp|algo)\b|\b(?:le|les) (?:avisan|van a avisar|llega algo)\b/;
/** "¿A qué hora tengo que llegar?", "¿con cuánto tiempo de anticipación llego?": when to be at the site for the cita. */
export const ASKS_ARRIVAL =
  /\b(sera|seria) (que|q) (alcanzo|alcanzamos|alcanzaria|llego|llegamos|llegaria) (a tiempo|a llegar|bien)?\b|\b(a|para) (que|q) horas? (llego|llegamos|llegaria|me presento|nos presentamos|la llevo|lo llevo|los llevo)\b|\b(a|para) (que|q) horas? (?:es que )?(tengo que|tengo q|debo|debo de|debería|deberia|hay que|toca|me toca|le toca|les toca|tiene que|tienen que|necesito|tenemos que|debemos) (llegar|estar( alla| alli| ahi| en la sede)?|presentarme|presentarse|ir)\b|\bcon cuant[oa]s? (minutos|tiempo|horas?)? ?(de )?(anticipacion|antelacion|antes)\b.*\b(llegar|llego|llegamos|estar|presentarme)\b|\bcuant[oa]s? (minutos|tiempo) antes (tengo que|debo|hay que|toca|me toca|llego|debo de|necesito) ?(llegar|estar|presentarme)?\b|\bcon cuant[oa]s? (minutos|tiempo|horas?) (tengo que|tengo q|debo|hay que|toca|me toca|necesito) (llegar|estar|presentarme) (antes|de antes|con anticipacion)\b|\bcuando (tengo|tiene|tenemos|tienen|debo|debe|hay) (que |q )?(llegar|estar alla|presentarme|presentarse)\b|\bcon (?:que|q|cuanto|cuanta) (?:tiempo|anticipacion|antelacion) (?:(?:tengo|tiene|tenemos|tienen|hay) (?:que|q) |debo |debe |debemos |toca |me toca |le toca )?(?:llegar|estar|presentarme|presentarse|ir)\b|\bcuanto antes (?:(?:tengo|tiene|tenemos|tienen|hay) (?:que|q) |debo |debe |toca |me toca )?(?:llegar|estar|presentarme|presentarse)\b|\b(?:toca|hay que|tengo que|tengo q|debo|me toca) (?:llegar|estar alla|estar ahi|presentarme) (?:antes|temprano|mas temprano|con tiempo)\b(?=[^.!]*\?)/;
/** "¿Qué horario tienen?", "¿a qué hora abren?", "¿atienden los sábados?": when the sites are open. */
export const ASKS_OPENING_HOURS =
  /\b(a|hasta|desde) (que|q) horas? (abren|cierran|atienden|abre|cierra|atiende)\b|\bhorarios? de atencion\b|\b(abren|atienden|abre|atiende)\b.*\b(sabados?|domingos?|festivos?)\b|\b(que|q|cual es el|cuales son los) horarios? (tienen|maneja|manejan|atienden|de la sede|tiene la sede)\b/;

/** "Vuelvo a escribir otro día", "le escribo otro día", "más tarde le vuelvo a escribir": the member comes back later. */
export const WRITE_AGAIN =
  /\b(escrib\w*|hablamos|miro|llamo|vuelvo|regreso) (a escribir |a llamar )?(otro dia|la otra semana|la proxima semana|mas tarde|mas adelante|despues|luego)\b|\b(otro dia|mas tarde|mas adelante|despues|luego|la otra semana) (le |te |les )?(escribo|miro|llamo|vuelvo|hablamos|vuelvo a escribir)\b/;

/** Either of the sites named will do: "cualquiera de las dos", "la que tenga cita más rápido", "me da igual". */
export const EITHER_WILL_DO =
  /\b(?:cualquier\w*|la que (?:sea|tenga|haya|quede|este)|(?:las dos|ambas) (?:me |nos )?(?:quedan|sirven|estan)\b|me (?:da|es) igual|da igual|lo que (?:sea|haya)|(?:la|donde) (?:haya|tengan?) (?:cita |citas |cupo )?(?:mas|primero|antes)|mas (?:rapido|pronto|rapidito|prontico))\b/;

/** A day asked at an offer: "¿y el viernes en la tarde?", "no, ¿qué tal el jueves?", "¿no hay nada el lunes 30?". */
export const OTHER_DAY_ASKED_AT_OFFER =
  /(?:^|[,.;!?]\s*|\b(?:no|pues|bueno|entonces|ay|uy)\s+)(?:y|y que tal|que tal|y no hay(?: nada| algo)?|no hay(?: nada| algo)?|hay(?: algo)?)\s+(?:(?:para|pa)\s+)?(?:el|este|el proximo|el otro)\s+(?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b[^?]*\?+\W*$|^\W*y (?:el|para el|pal) (?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2})\b/;
