/**
 * A yes or a no in a message (see `understand.ts`): the answer to a yes/no question ("sí,
 * confírmela", "no me sirve"), or a no set apart in front of something else ("no, es para
 * Mateo").
 */
import { AGREEING_WORDS, CONDITIONAL_IF, CONSENTS, IF_POSSIBLE, INTERJECTIONS, OTHER_DAY_CUE, TAKE_BACK, UNSURE, WEAK_YES, YES_AGAIN, YES_HELD_BACK } from './cues.js';
import { operationCue } from './intent.js';
import type { Found, Lexicon } from './lexicon.js';
import { YES_NO_QUESTIONS, uncovered, type Reading } from './reading.js';
import type { Question } from './types.js';
import { wordsOf } from './words.js';

/** Verbs that, after "mejor", do exactly what a yes/no offer proposed: "no, mejor radique el caso". */
/** Words that point at something shown without naming it: "esa", "ese mismo". */
/** A yes or a no asked about rather than given: "¿qué pasa si no autorizo?", "¿escribo sí?", "¿tengo que decir que sí?". */
export const ANSWER_ASKED_ABOUT =
  /\b(?:que pasa|que sucede|que pasaria|que me pasa|y) si no (?:acepto|autorizo|doy|firmo|quiero|le doy)\b|\b(?:escribo|pongo|marco|digo|respondo|contesto|le doy|le pongo|doy|tengo que (?:decir|poner|escribir|marcar)|hay que (?:decir|poner|escribir|marcar)) (?:que )?(?:si|no)\s*$|\b(?:escribo|pongo|marco|respondo|contesto) (?:que )?(?:si|no) o (?:que )?(?:si|no)\b/;
const THAT_ONE: ReadonlySet<string> = new Set(['esa', 'ese', 'eso', 'misma', 'mismo']);
const DOES_WHAT_WAS_OFFERED: ReadonlySet<string> = new Set(['radique', 'radiquelo', 'radicalo', 'radicar', 'hagalo', 'hagale', 'hazlo', 'dale', 'proceda']);

/**
 * A yes or a no that answers: the first word that is not a greeting or courtesy, or the
 * whole message. "No sé", "no tengo correo" and "no programada" are not a no; "ok pero no
 * entiendo" is not a yes. A yes taken back in the same message ("sí… ay no, no la cancele",
 * "dale, o bueno no, mejor no") is never a yes: the last word wins, so at a yes/no question
 * it is the no; said again after the take-back ("sí, ay no, sí, confírmela") it is unclear
 * and Lina asks again. Elsewhere (a list) the yes is only dropped: what follows is read.
 */
export function readYesNo(
  reading: Reading,
  words: readonly string[],
  question: Question,
  covered: ReadonlyArray<Found<unknown>>,
  normalized: string,
  courtesy: ReadonlyArray<Found<true>>,
): 'yes' | 'no' | undefined {
  // "Uy no, qué pena… y entonces ¿qué hago?", "qué pesar, bueno, radique el caso": dismay, no answer; what follows is read.
  // (Read as written: the speller may take "pesar" for "pasar".)
  // "Ay no puede ser… bueno sí, toca": an exclamation, no answer; what follows is read.
  const exclaimed = YES_NO_QUESTIONS.has(question) ? /^(?:(?:uy|ay|ah|huy|ush|mmm) )*no puede ser\b/.exec(words.join(' ')) : null;
  if (exclaimed) {
    const rest = words.slice(exclaimed[0].split(' ').length);
    return rest.length === 0 ? undefined : readYesNo(reading, rest, question, [], rest.join(' '), []);
  }
  const asWritten = normalized.replace(/[^a-z0-9]+/g, ' ').trim();
  const dismay = YES_NO_QUESTIONS.has(question) ? (DISMAY.exec(words.join(' ')) ?? DISMAY.exec(asWritten)) : null;
  // ("No, qué pena, gracias" is the polite refusal: a "no" in the dismay counts, unless a question follows it.)
  if (dismay && !(/\bno\b/.test(dismay[0]) && !normalized.includes('?'))) {
    // (A yes read already stands; "uy no, qué pena" is no refusal; "qué pena, bueno" alone, a sigh, answers nothing.)
    const plain = readYesNoPlain(reading, words, question, covered, normalized, courtesy);
    if (plain === 'yes') return plain;
    const rest = words.slice(dismay[0].split(' ').length);
    if (rest.length === 0 || (rest.length === 1 && /^(bueno|ok|listo|ya|pues|entonces)$/.test(rest[0] ?? ''))) return plain;
    return readYesNo(reading, rest, question, [], rest.join(' '), []);
  }
  return readYesNoPlain(reading, words, question, covered, normalized, courtesy);
}

/** What `readYesNo` reads once dismay in front is set aside (the same arguments). */
function readYesNoPlain(...said: Parameters<typeof readYesNo>): 'yes' | 'no' | undefined {
  const [reading, words, question, covered, normalized, courtesy] = said;
  // "Uy no, ¿y si no llego qué pasa?": a sigh before a question, no refusal; the question is answered.
  if (YES_NO_QUESTIONS.has(question) && /^(?:uy|ay|huy) no y (?:si|que|como|cuanto|donde)\b/.test(words.join(' ')) && normalized.includes('?')) return undefined;
  // "¿Y qué pasa si no autorizo?", "¿qué debo hacer? ¿Escribo sí?": what a yes or a no would do, or how to answer, asked; no
  // answer yet (consent must be given plainly).
  if (YES_NO_QUESTIONS.has(question) && normalized.includes('?') && ANSWER_ASKED_ABOUT.test(words.join(' '))) return undefined;
  // ("¿Se puede llevar a la hermanita? No tengo con quién dejarla": a circumstance told, no refusal; the rest is read.)
  const circumstance = YES_NO_QUESTIONS.has(question) ? NO_ONE_TO_LEAVE_WITH.exec(words.join(' ')) : null;
  if (circumstance) {
    const rest = wordsOf(`${words.join(' ').slice(0, circumstance.index)} ${words.join(' ').slice(circumstance.index + circumstance[0].length)}`);
    return rest.length === 0 ? undefined : readYesNoPlain(reading, rest, question, [], rest.join(' '), []);
  }
  // "Me da igual el médico", "con el que haya", "la que sea" to an offer: whatever is offered, a yes.
  if (question === 'offer' && WHATEVER_IS_OFFERED.test(words.join(' '))) return 'yes';
  // "Prefiero esperar al doctor Rojas", "no, mejor espero a mi doctora" to an offer: waiting instead, a no.
  if (question === 'offer' && RATHER_WAIT.test(words.join(' '))) return 'no';
  // "No… bueno sí, busque", "no… espere, sí, sí, confírmela", "ay no sé… sí, radíquelo": a no (or a doubt) taken back by a
  // yes and nothing else: the later word, as a yes taken back is a no.
  if (YES_NO_QUESTIONS.has(question) && NO_THEN_YES.test(words.join(' '))) return 'yes';
  // "No contestan, hágale usted entonces": Lina asked to do it herself, the yes (the "no" is of the phone line).
  // (At the authorisation too: "no contestan, hágale usted entonces" lets Lina go on.)
  if ((question === 'confirm' || question === 'offer' || question === 'consent') && /\b(?:hagale|hagalo|hagamelo|hagamela|hagala) (?:usted|ud|tu)\b/.test(words.join(' ')))
    return 'yes';
  // "Sí, pa Mateo, ¿cierto? No pa la niña": the yes, and who it is not for; the "no" sets a person aside.
  if (YES_NO_QUESTIONS.has(question) && YES_FOR_ONE_NOT_ANOTHER.test(words.join(' '))) return 'yes';
  // "Ah sí, claro, en la tarde, como si yo no trabajara 🙄": irony, the no.
  if ((question === 'offer' || question === 'confirm') && IRONIC_YES.test(words.join(' '))) return 'no';
  // "Bueno no importa, sí confirme", "no le hace, dale": indifference, no refusal; what follows answers (or nothing does).
  const indifference = YES_NO_QUESTIONS.has(question) ? INDIFFERENT.exec(words.join(' ')) : null;
  const afterIndifference = indifference ? wordsOf(words.join(' ').slice(indifference.index + indifference[0].length)) : [];
  if (indifference && afterIndifference.length > 0) {
    const rest = [...wordsOf(words.join(' ').slice(0, indifference.index)), ...afterIndifference];
    return readYesNoPlain(reading, rest, question, [], rest.join(' '), []);
  }
  // ("No importa" alone answers nothing yet.)
  if (indifference && indifference.index === 0) return undefined;
  const answer = firstAnswer(reading, words, question, covered, normalized, courtesy);
  if (answer !== 'yes') return answer;
  // "Sí, pero mejor pásemela para el viernes", "sí pero más tarde", "si pero mejor otro día": the yes gives way to what the
  // member would rather have; what follows is read, never a yes to what was asked. "Sí, esa no, la otra": the one shown, no.
  if (YES_NO_QUESTIONS.has(question) && question !== 'consent' && YES_BUT_RATHER.test(words.join(' '))) return undefined;
  if (YES_NO_QUESTIONS.has(question) && question !== 'consent' && /^(?:si|sii|ok|dale|listo)(?: (?:senora|senor|senorita))? (?:esa|ese|esta|este) no\b/.test(words.join(' ')))
    return 'no';
  // "Sí claro cómo no… ah pero eso queda muy lejos, así no puedo": a yes that a "pero" turns into a refusal is the no.
  if (YES_NO_QUESTIONS.has(question) && question !== 'consent' && YES_BUT_REFUSED.test(words.join(' '))) return 'no';
  // "Sí… bueno, no sé, ¿y si no alcanzo a llegar?": a yes that turns into a doubt answers nothing yet.
  if (YES_NO_QUESTIONS.has(question) && TURNED_DOUBT.test(words.join(' '))) return undefined;
  // "Sí pero que sea pediatra eh, no un general": the yes, with what it must be and what it must not (member testing, dev58).
  if (YES_NO_QUESTIONS.has(question) && YES_BUT_NOT_THAT.test(words.join(' '))) return 'yes';
  const takenBack = lastTakeBack(words.join(' '));
  if (takenBack === undefined) return answer;
  if (!YES_NO_QUESTIONS.has(question)) return undefined;
  return YES_AGAIN.test(takenBack) ? undefined : 'no';
}

/** A yes on a condition, then what it must not be: "sí pero que sea pediatra, no un general", "sí, pero con la doctora, no con él". */
const YES_BUT_NOT_THAT =
  /^(?:(?:ay|eh|mmm|bueno|ok|pues) )*(?:si|sii|ok|dale|listo|claro)\b.* pero (?:que sea|que sean|con|en|eso si)\b.* no (?:un|una|el|la|los|las|con|en|por|pa|para)\b(?:(?! pero\b| no\b)[a-z0-9 ])*$/;

/** "Sí, pa Mateo, ¿cierto? No pa la niña", "sí, para mí, no para el niño": the yes, and the one it is not for. */
const YES_FOR_ONE_NOT_ANOTHER =
  /^(?:(?:si|sii|claro|dale|ok|listo)(?: (?:senora|senor|senorita))? )+(?:es )?(?:pa|para|pal) (?:el |la |mi )?[a-z]+(?: (?:cierto|verdad))? no (?:es )?(?:pa|para|pal) (?:el |la |los |las |mi |mis )?[a-z]+$/;

/** "No tengo con quién dejarla", "no hay quién me lo cuide": who looks after a child, told; no refusal. */
const NO_ONE_TO_LEAVE_WITH =
  /\bno (?:tengo|tenemos|hay) (?:con )?quien (?:me |nos )?(?:la |lo |los |las )?(?:deje|dejar|dejarla|dejarlo|dejarlos|cuide|cuidar|cuidarla|cuidarlo|cuidarlos|recoja)\w*\b/;
/** Indifference, which refuses nothing: "no importa", "no le hace". */
const INDIFFERENT = /\bno (?:importa|le hace)\b/;
/** "Ah sí, claro… como si yo no trabajara": a yes said in irony. */
const IRONIC_YES = /^(?:(?:ah|aja|uy|ay|pues) )*(?:si )?claro\b.*\bcomo si\b/;

/** "Uy no, qué pena", "qué pesar", "ay qué mal", "ni modo": dismay at what was said, no yes or no. */
const DISMAY = /^(?:(?:uy|ay|ah|huy|ush) )*(?:no+ )?(?:que|q) (?:pena|pesar|mal|tristeza|embarrada|boleta)\b|^(?:(?:uy|ay) )*ni modo\b/;

/** "Me da igual el médico", "con el que haya", "con cualquiera", "la que sea": whatever is offered. */
const WHATEVER_IS_OFFERED =
  /^(?:(?:pues|bueno|ah|ay|si|ok) )*(?:(?:me )?da igual|me es indiferente|no importa|(?:me )?da lo mismo|me es igual)(?: (?:el|la|cual|que|con que) (?:medico|medica|doctor|doctora|profesional))?$|^(?:(?:pues|bueno|ah|si|ok) )*(?:con )?(?:el|la) (?:que|q) (?:haya|este|sea|tenga|tengan|salga)(?: (?:no importa|me da igual|da igual|cualquiera))?$|^(?:(?:pues|bueno|ah|si|ok) )*con cualquier(?:a| medico| doctor| doctora| profesional)(?: que haya)?$/;

/** "Prefiero esperar a mi doctora", "no, mejor espero al doctor Rojas": waiting for the one they have, not what is offered. */
const RATHER_WAIT = /^(?:no,? )?(?:(?:pues|bueno|ay) )*(?:(?:yo )?prefiero|mejor) (?:esperar|espero|aguardar)\b/;

/** A yes, then what the member would rather have: "sí pero mejor…", "sí pero más tarde", "sí, pero otro día". */
const YES_BUT_RATHER =
  /^(?:(?:ay|eh|mmm|bueno|ok) )*(?:si|sii|ok|dale|listo|bueno)(?: (?:senora|senor|senorita|claro))? pero (?:(?:mejor|mas bien|prefiero|preferiria|quisiera)(?! (?:en la|por la|el|a las|a la|para el|pal|temprano)\b)|mas tarde|mas temprano|mas tardecito|mas tempranito|otro dia|otra fecha|otra hora|otro horario)\b/;

/** A yes, then "pero" and a refusal closing the message: "sí claro, ah pero eso queda muy lejos, así no puedo". */
const YES_BUT_REFUSED =
  /^(?:(?:ay|eh|mmm|bueno|ok) )*(?:si|sii|ok|dale|listo|claro)\b.* pero\b.*\b(?:asi no|no) (?:puedo|podemos|me sirve|nos sirve|alcanzo|alcanzamos|me queda|nos queda)(?: (?:mija|mijo|senorita|senora|senor|ir))?$/;

/** A doubt after what was said ("sí… bueno, no sé"), not one about whether something can be ("aunque no sé si alcance"). */
export const TURNED_DOUBT = /\b(?:bueno|ay|uy|mmm|mm|o sea|pensandolo bien|ahora que lo pienso) no se\b(?! si\b)/;

/** A whole message that opens with a no or a doubt and settles on a yes, with only words that confirm after it. */
const YES_THEN = String.raw`(?:si|sii|siii|claro|dale)(?: (?:si|sii|claro|dale))*(?: (?:senora|senor|senorita|mija))?`;
/** Words of leaving that may close a yes: "listo, chao". */
const LEAVING: ReadonlySet<string> = new Set(['chao', 'chau', 'adios', 'bye', 'chaito']);
const CONFIRMING = String.raw`(?:busque|busquela|buscar|radiquelo|radique|radicarlo|confirmela|confirme|confirmo|agendela|hagale|hagalo|por favor|porfa|gracias|de una|esa|listo)`;
const NO_THEN_YES = new RegExp(
  String.raw`^(?:(?:ay|uy|ah|eh|m+|hm+|este) )*` +
    // "No… espere, sí": a no taken back by a correction word, then the yes.
    // ("No pues sí, busque en la mañana", "no bueno sí dele": after the yes, any words but another no.)
    // ("No… o sí, sí, confírmela", "mmm no… o bueno sí, pero que no sea muy lejos": a condition on where is still the yes.)
    String.raw`(?:no(?: no)*(?: (?:espere|espera|bueno|mejor|perdon|digo|ay|pensandolo bien|pues|entonces|ok|o))+ ${YES_THEN}(?: ${CONFIRMING})*(?: (?!(?:no|nop|nada|ninguna|ninguno|tampoco|pero|mejor|aunque|sino|otro|otra)\b)[a-z0-9]+)*(?: pero (?:que )?no (?:sea|quede|me toque) (?:muy |tan )?(?:lejos|lejisimos|tarde|temprano))?` +
    // "Ay no sé… sí, radíquelo": a doubt, then a yes that says what to do ("no sé si…" alone is no yes).
    String.raw`|no se(?: (?:bueno|pues|ay|entonces))* ${YES_THEN}(?: ${CONFIRMING})+)$` +
    // "No, no, sí sí, confírmela, es que el niño me estaba hablando": a no said again, then a yes that confirms, and a reason.
    String.raw`|^no(?: no)+ ${YES_THEN} (?:confirmela|confirme|busque|busquela|radiquelo|radique|agendela|hagale|hagalo)\b(?!.*\b(?:no|pero|mejor|otro|otra|sino|tampoco)\b)` +
    // "No pues claro, mija, cómo no": "cómo no" is a yes.
    String.raw`|^(?:(?:no|pues|ay|ah|hay|si|claro|mija|mijo|senorita|senora|senor) )*(?:claro|si|pues) (?:(?:que si|mija|mijo|senorita|senora|senor) )*como no(?: (?:mija|mijo|senorita|senora|senor|faltaba mas|autorizo|acepto))*$` +
    // "No, en la mañana no puedo… bueno sí, busque a ver", "no… bueno sí, confirme, igual no hay más": a no, then a
    // settled yes that says what to do; whatever follows it is no "pero", "mejor" nor another day.
    // ("No… bueno sí, muévala, igual el miércoles me queda mejor": what the yes does, and why; a "mejor" that says it suits.)
    // ("No… sí, mejor sí, radíquelo": the yes said again after "mejor".)
    String.raw`|^(?:(?:ay|uy|ah|eh|m+|hm+|este) )*no\b.* (?:bueno|pues|ok|entonces|pensandolo bien|ay|mejor) ${YES_THEN} (?:busque|busquela|radiquelo|radique|confirmela|confirme|agendela|agendemela|hagale|hagalo|dele|muevala|muevamela|cancelela|cancelemela|cambiela|cambiemela|autorizo|acepto)\b(?!.*\b(?:pero|(?<!\b(?:queda|quedaria|es|esta|sirve) )mejor|otro|otra|sino|tampoco)\b)` +
    // ("Uy no… bueno toca, busque en la tarde y yo veo cómo la recojo": a no, then giving in, and what to do.)
    // ("No pues qué más toca, sí, radique el caso a ver": "no pues qué más" gives in too.)
    String.raw`|^(?:(?:ay|uy|ah|eh|m+|hm+|este) )*no\b.* (?:bueno|pues|ok|entonces|ay) (?:toca|ni modo|que mas(?: (?:toca|nos toca|hacemos|se hace|le hacemos))?|que se le hace|que se hace)(?: pues)?(?: si)? (?:busque|busquela|radiquelo|radique|confirmela|confirme|agendela|hagale|hagalo|dele)\b(?!.*\b(?:pero|sino|tampoco)\b)` +
    // ("No, no autorizo… bueno sí, si toca pa la cita, sí autorizo": the authorisation refused, then given, the last word.)
    String.raw`|^(?:(?:ay|uy|ah|eh|m+|hm+|este) )*no\b.* (?:bueno|pues|ok|entonces|pensandolo bien|mejor) si\b(?!.*\b(?:pero|sino|tampoco|no)\b).* si (?:autorizo|acepto|doy (?:la|mi) autorizacion)$`,
);

/** "Si no me cobran nada, sí", "si es con la doctora, claro": a condition, then a plain yes that ends the message. */
const CONDITIONED_YES =
  /^(?:(?:bueno|pues|ah|ok) )*si (?!no (?:se|sabe|entiendo)\b)(?:[a-z0-9]+ ){1,10}(?:si|claro|dale|listo|de una)(?: (?:radiquelo|radique|busque|busquela|confirmela|confirme|agendela|hagale|hagalo))?(?: (?:senora|senor|senorita|por favor|porfa|gracias))*$/;

/** "No tengo opción", "no queda de otra", "no hay más remedio": giving in. */
const RESIGNED = /^no (?:tengo|tenemos|hay|me queda|nos queda|queda) (?:otra |mas |ninguna otra )?(?:opcion|alternativa|remedio|de otra|mas opciones)\b/;

/** Words that open the reason a member gives in with: "sí, igual nadie contesta", "dale, total ya estoy aquí". */
const GIVING_IN_REASON: ReadonlySet<string> = new Set(['igual', 'total', 'porque', 'xq', 'pues', 'como', 'que', 'q']);

/** A yes or no after "entonces" or "así que" closing a message, courtesy aside: "…hasta hablar con mi hija, entonces no, gracias". */
const CLOSING_ANSWER =
  /[,.;]\s*(?:(?:bueno|pues|ok|listo|mija|senorita) )*(?:entonces|asi que|por ahora|por el momento|por lo pronto)(?: pues)? (si|no)(?:[\s,.;!]+(?:muchas gracias|mil gracias|gracias|senorita|senora|mija|mijo|por favor|que dios (?:la|le|me la) bendiga|que pena))*[\s.!]*$/;

/**
 * "Perfecto, confírmeme esa cita por favor", "listo, confirme el cambio", "así quedamos, confírmela", "listo, viernes en la tarde, confirme", "si eso sirve
 * para que me la atiendan, sí, radíquelo": a verb that says yes (see `yesVerbs`) closing the
 * message, after a condition or what is being confirmed, with "me" on it and the cita named or not.
 */
const CLOSING_YES_VERB =
  /(?:^|[,.;:!]\s*|\bsi,?\s+|\b(?:perfecto|listo|bueno|ok|dale|entonces|vale|quedamos|acuerdo|bien|asi|sirve|senorita|senora|mija|mijo)\s+)(?<verb>[a-z]+?)(?<pronoun>me|nos)?(?:\s+(?:(?:la|esa|esta|mi)\s+(?:cita|consulta|cancelacion|reprogramacion)|(?:el|ese|este)\s+(?:cambio|horario)|esa|esta))?(?:[\s,.;!]+(?:por favor|porfa|porfis|gracias|muchas gracias|mija|mijo|senorita|senora|pues|ya))*[\s.!]*$/;

/** The answer of someone the member asked, passed on: "ya hablé con ella, que sí", "le pregunté a mi esposo y dice que no". */
const PASSED_ON =
  /\b(?:hable|pregunte|consulte|le pregunte|les pregunte) (?:con|a) (?:ella|el|laura|mi [a-z]+|[a-z]+)(?: y)?(?: (?:dice|dijo|me dijo))? (?:que|q) (si|no)\b(?! (?:se|sabe|sabia|puede|pudo)\b)/;
/** At an offer, what was offered said back before the answer: "en la tarde (no hay problema)", "con otro médico (…)". */
const OFFER_ECHOED =
  /^(?:(?:en|por) la (?:manana|tarde)|con (?:otro|otra|cualquier) (?:medico|medica|doctor|doctora|profesional)|(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado))(?= )/;
/** At an offer to search, asking to search and see: "mire a ver qué sale", "busque a ver si hay algo". */
const SEE_WHAT_COMES_UP =
  /^(?:(?:ay|ah|bueno|pues|ok|listo|entonces|dale|mija|senorita) )*(?:mire|mireme|miremos|busque|busqueme|busquemos|revise|reviseme) a ver (?:que|q|k|si) (?:sale|salen|hay|encuentra|aparece|aparecen|consigue|me sale|nos sale)\b/;
/** "Bueno, pero solo para la cita": a weak yes to the authorisation, limited to what it is for. */
const ONLY_FOR_THE_CITA =
  /^(?:(?:m+|mmm+|eh|ah|pues|bueno|listo|ok|okey|dale|esta bien|bueno pues|ya)[\s,.]+)*(?:bueno|listo|ok|okey|dale|esta bien|de acuerdo|vale)\b[\s,.]*(?:pero|eso si)\b.*\b(?:solo|solamente|nada mas|unicamente) (?:para|pa|por) (?:la cita|las citas|eso|esto|lo de la cita|lo de las citas|lo de la cancelacion|cancelar|agendar)\b/;

/** Connectives that may open an answer: "en ese caso", "entonces", "siendo así". */
const CONNECTIVE = /^(?:en ese caso|en tal caso|de ser asi|siendo asi|asi las cosas|entonces|pues entonces|bueno entonces) /;

/** "No tengo inconveniente", "no hay (ningún) problema", "no veo ningún inconveniente", "no me molesta": agreeing. */
const NO_PROBLEM = /^no (?:tengo|hay|veo|habria|tenemos) (?:ningun\w* )?(?:problema|inconveniente|lio|objecion)\b|^no me (?:molesta|importa)\b/;

/** "Eso sí no me sirve", "ahí sí no", "hoy sí no puedo": "sí" stressing the no that follows it. */
const EMPHATIC_NO =
  /^(?:(?:ay|uy|ah|pues|mija|mijo|senorita|no) )*(?:eso|esa|ese|ahi|asi|hoy|ese dia|esa hora|ahora|ahi si que) si no\b(?! (?:se|sabia|entiendo|hay (?:mas|otra|otro)))/;

/** "Si ya estoy aquí", "si yo ya estoy en la sede": an objection, the "si" of "but I am already here" (unless told to go ahead). */
const OBJECTING_SI =
  /^(?:(?:pero|ay|ah|pues) )*si (?:yo )?ya (?:estoy|estamos|me encuentro|vine|vinimos|llegue|llegamos) (?:aqui|aca|en la sede|en la clinica)\b(?!.*\b(?:confirm|agend|busq|radiq|dale|hagale|de una)\w*)/;

/** "Con otro médico sí", "en otra sede está bien", "con cualquier doctor dale": what was offered, then the yes. */
const OTHER_ONE_THEN_YES =
  /^(?:(?:bueno|pues|ah|ok) )*(?:con |en )?(?:otro|otra|cualquier|cualquiera) (?:medico|medica|doctor|doctora|sede|profesional)(?: (?:si|claro|dale|de una|esta bien|no importa|no hay problema))(?!.*\b(?:no|pero)\b(?! (?:importa|hay problema)))/;

/** "Eso sí no sé", "ahí sí toca moverla", "así sí que no": a stressing "sí" before what is not a yes or no answer. */
const STRESSING_SI =
  /^(?:(?:ay|uy|ah|pues|mija|mijo|senorita) )*(?:eso|ahi|ahi si que) si (?:no (?:lo |la |me )?(?:se|sabia|sabemos|entiendo|acuerdo|recuerdo|tengo|tenemos)\b|(?:toca|tocaria|tocara|me toca|nos toca)\b)/;

/** At a confirmation or offer, the day or hour offered refused: "hoy no puedo", "a esa hora no alcanzo", "ese día no me sirve", "espere, esa hora no, se me olvidó que tengo reunión". */
const WHEN_REFUSED =
  /^(?:(?:ay|uy|ah|pues|es que|mija|mijo|senorita|no|espere|espera|perdon|disculpe|mmm)[ ,]+)*(?:hoy|manana|pasado manana|ese dia|esa hora|a esa hora|ese horario|el (?:lunes|martes|miercoles|jueves|viernes|sabado)|(?:en|por) la (?:manana|tarde)|a las? (?:\d{1,2}(?::\d{2})?|una|dos|tres|cuatro|nueve|diez|once|doce)) (?:(?:si )?no (?:puedo|alcanzo|me queda|me sirve|podemos|alcanzamos|nos sirve|nos queda|puede)\b|no (?:se me|me acorde|tengo|me toca|porque|xq|que tengo)\b|no$|no (?:el|ella|la|los|las|mi|yo|nosotros|es que|ahi|a esa hora) (?!(?:hay|habra|habria|importa|problema)\b))/;

/** A message that opens with a no ("ay no, perdón, sí acepto"): the yes after it is the later word, and stands. */
const OPENING_NO = /^(?:(?:ay|uy|huy|ah|ahh|eh|oiga|ups|uf|mmm|mm|m) )*no(?: no)*\b/;

/** What follows the last take-back after the yes, if the yes is taken back ("sí… ay no, espere que ese día no puedo"). */
function lastTakeBack(whole: string): string | undefined {
  const opening = OPENING_NO.exec(whole)?.[0].length ?? 0;
  let rest: string | undefined;
  TAKE_BACK.lastIndex = 0;
  for (let match = TAKE_BACK.exec(whole); match; match = TAKE_BACK.exec(whole)) {
    if (match.index >= opening) rest = whole.slice(match.index + match[0].length);
  }
  return rest;
}

function firstAnswer(
  reading: Reading,
  words: readonly string[],
  question: Question,
  covered: ReadonlyArray<Found<unknown>>,
  normalized: string,
  courtesy: ReadonlyArray<Found<true>>,
): 'yes' | 'no' | undefined {
  const { lexicon } = reading;
  if (words.length === 0) return undefined;
  const whole = words.join(' ');
  const yesNoQuestion = YES_NO_QUESTIONS.has(question);
  // "No, mejor radique el caso" to "¿Radico el caso?": the change of mind does what was offered.
  if (yesNoQuestion) {
    const mind = /\b(mejor|mas bien|pensandolo bien|pensandolo mejor)\b/.exec(whole);
    const after = mind ? words.slice(wordsOf(whole.slice(0, mind.index + mind[0].length)).length) : [];
    // Only a verb that does what was offered and names nothing else: "no, mejor cancélela" at "¿La muevo?"
    // and "no, mejor busque otra fecha" at "¿Busco en la tarde?" are other requests, not a yes.
    if (mind && after.length > 0 && DOES_WHAT_WAS_OFFERED.has(after[0] ?? '') && !after.includes('no') && !operationCue(after.join(' ')) && !OTHER_DAY_CUE.test(after.join(' ')))
      return 'yes';
  }
  // "Eso sí no lo sé", "ahí sí toca moverla": a "sí" that stresses what follows, which answers nothing by yes or no.
  if (STRESSING_SI.test(whole)) return undefined;
  // ("Sí pero espere le pregunto a mi esposo", "pues sí pero no sé si…": a yes held back, no yes yet.)
  if (yesNoQuestion && YES_HELD_BACK.test(whole)) return undefined;
  // "¿Cómo así? Si ya estoy aquí": an objection opened by "si", not a yes.
  if (OBJECTING_SI.test(whole)) return undefined;
  // "Con otro médico sí, eso no importa" to "¿Busco con otro profesional?": the one offered, then the yes.
  if (yesNoQuestion && OTHER_ONE_THEN_YES.test(whole)) return 'yes';
  // "Eso sí no me sirve", "ahí sí no, mija": an emphatic "sí" in front of the no is the no.
  if (yesNoQuestion && EMPHATIC_NO.test(whole)) return 'no';
  // "Hoy no puedo, mejor el jueves", "a esa hora no alcanzo": the day or hour offered does not suit.
  if (yesNoQuestion && question !== 'consent' && WHEN_REFUSED.test(whole)) return 'no';
  // "No, es para Mateo": a no set apart by punctuation answers on its own.
  if (/^[^a-z0-9]*(no|nop|nel)\s*[,.;!]/.test(normalized)) return 'no';
  if (lexicon.no.has(whole)) return 'no';
  // "Prefiero no autorizar nada hasta hablar con mi hija, entonces no, muchas gracias": the answer closing the message.
  // "Uy espere, el martes a las 3 tiene natación 🏊 mejor no": a "mejor no" closing the message.
  // ("No hay problema pero mejor no" says both: Lina asks.)
  // ("Mejor no, espere": the no, and a pause after it.)
  if (
    yesNoQuestion &&
    /(?:^|[\s,.;!…])(?<!\bpero )mejor (?:que )?no(?:\W+(?:espere|espera|esperate|esperame|espereme|gracias|mija|mijo|senorita|por ahora|todavia))*\W*$/.test(normalized)
  )
    return 'no';
  const closing = yesNoQuestion ? CLOSING_ANSWER.exec(normalized) : null;
  if (closing) return closing[1] === 'no' ? 'no' : 'yes';
  // "Si no me cobran nada, sí", "si es en Kennedy, dale": a yes on a condition the member states, closing the message.
  // ("Si es con el mismo doctor sí, si no, no" weighs both and settles nothing.)
  if (yesNoQuestion && /^si .* si si no no$/.test(whole)) return undefined;
  if (yesNoQuestion && question !== 'consent' && CONDITIONED_YES.test(whole)) return 'yes';
  // "Si no lo hago, ¿qué pasa?", "si no acepto puedo agendar?": an "if", not a yes (at the consent question, never consent).
  const closingVerb = yesNoQuestion && question !== 'consent' ? CLOSING_YES_VERB.exec(normalized) : null;
  // (The verb read with its "me" too: "confirme" is "confir" and "me" as the pattern first splits it.)
  const closingYes = closingVerb?.groups?.verb;
  if (closingYes !== undefined && (lexicon.yesVerbs.has(closingYes) || lexicon.yesVerbs.has(`${closingYes}${closingVerb?.groups?.pronoun ?? ''}`)) && !/\bno\b/.test(whole))
    return 'yes';
  if (CONDITIONAL_IF.test(normalized) || (question !== 'offer' && IF_POSSIBLE.test(normalized))) return undefined;
  if (lexicon.yes.has(whole) || (yesNoQuestion && lexicon.yesVerbs.has(whole))) return 'yes';
  // "Como usted diga, mija": a yes phrase with courtesy around it.
  const bare = uncovered(words, courtesy).join(' ');
  if (yesNoQuestion && bare !== whole && bare !== '' && (lexicon.yes.has(bare) || lexicon.yesVerbs.has(bare))) return 'yes';
  // "Mejor dejemos así", "mejor déjelo así": giving the offer (or the operation) up.
  if (yesNoQuestion && /\bmejor (dejemos|dejemosla|dejemoslo|dejelo|dejela|deje|dejamos|lo dejamos|la dejamos) (asi|eso|quieto|quieta|para despues)\b/.test(whole)) return 'no';
  if (/^no (se|entiendo|entendi|le entiendo)\b/.test(whole)) return undefined;
  // "¿No me pueden llamar mejor al celular?": a request asked in the negative, no answer.
  if (normalized.includes('?') && /^no (?:me|nos|le|les) (?:pueden|podrian|puede|podria|podra|dan|darian|daria)\b/.test(whole)) return undefined;
  if (question === 'consent' && CONSENTS.test(whole)) return 'yes';
  // "Bueno pues mire a ver qué sale en la mañana y yo pido permiso" to "¿Busco en la mañana?": search, and see.
  if (question === 'offer' && SEE_WHAT_COMES_UP.test(whole) && !/\bno\b/.test(whole)) return 'yes';
  // "Mmm bueno, pero solo para la cita, eh": agreeing, on the condition the authorisation already states.
  if (question === 'consent' && ONLY_FOR_THE_CITA.test(whole)) return 'yes';
  if (yesNoQuestion && /^(esa|ese) no\b/.test(whole)) return 'no';
  // "Esa misma, la del miércoles" to "¿La cancelo?".
  if (
    yesNoQuestion &&
    /^(si )?(esa|esa misma|esa es|la misma|esa misma es|ese mismo|ese)( |$)/.test(whole) &&
    !/\bno\b/.test(whole) &&
    !normalized.includes('?') &&
    words.length <= 6
  )
    return 'yes';
  // "¿Otra vez? ¡Ya le dije que sí!"
  // "Creo que sí", "(le pregunté a ella y) dice que sí, que busque": a yes said with a doubt, or reported from whom it concerns.
  const reported =
    /(?:^|\b(?:ya )?(?:le|te|les) (?:dije|estoy diciendo|acabo de decir|confirmo)|\bconfirmo|^(?:creo|pienso|supongo)|\b(?:ella|el|laura)(?: me| nos| le)? (?:dice|dijo)|\b(?:dice|dijo)(?: ella| el)?)(?: (?:que|q) (?:le |se )?(?:diera|dijera|diga|de|dijeramos|dieramos))? (?:que |q )?(si|no)\b/.exec(
      whole,
    );
  // ("…ya le dije. Si me levanto a las 2…": a sentence ends between what was said and the "si", which opens a condition.)
  const acrossSentences = reported !== null && reported[1] === 'si' && /\b(?:dije|diciendo|decir|dice|dijo|confirmo)[.!?;…]+\s*(?:que |q )?si\b/.test(normalized);
  if (yesNoQuestion && reported && !acrossSentences && (reported.index === 0 || /\b(dije|diciendo|decir|dice|dijo|confirmo)\b/.test(reported[0])))
    return reported[1] === 'si' ? 'yes' : 'no';
  // ("Ya hablé con ella, que sí, que la cancele": the answer of the one asked, passed on.)
  const passedOn = yesNoQuestion ? PASSED_ON.exec(whole) : null;
  if (passedOn) return passedOn[1] === 'si' ? 'yes' : 'no';
  const skip = [...courtesy, ...lexicon.greetings.find(words)];
  // "En ese caso, sí, radíquelo", "entonces sí": a connective in front of the answer.
  let start = yesNoQuestion ? (CONNECTIVE.exec(whole)?.[0].split(' ').filter(Boolean).length ?? 0) : 0;
  // "Este… sí": at a yes/no question, "este" in front is a dictated pause.
  while (
    start < words.length &&
    (INTERJECTIONS.has(words[start] ?? '') ||
      (yesNoQuestion && (words[start] === 'este' || words[start] === 'aver' || words[start] === 'igual')) ||
      (skip.some((span) => start >= span.start && start < span.end) && !isYesNoWord(lexicon, words[start] ?? '')))
  )
    start++;
  // ("…¿qué pasa? Jaja no mentiras, sí voy": "no, mentiras" takes back a joke, and says no no.)
  if (words[start] === 'no' && /^(?:mentiras?|mentiritas?|broma|es broma|mentirita)$/.test(words[start + 1] ?? '')) start += 2;
  // "No tengo inconveniente", "no hay ningún problema, confírmela", "no me molesta": agreeing, not a no (a later no still is).
  // "Igual no tengo opción, sí", "no queda de otra": giving in, a yes (asked as a question it is a question).
  if (yesNoQuestion && !normalized.includes('?')) {
    const resigned = RESIGNED.exec(words.slice(start).join(' '));
    if (resigned) return words.slice(start + resigned[0].split(' ').length).includes('no') ? undefined : 'yes';
  }
  // ("En la tarde no hay problema", "con otro médico no hay lío" to an offer: what was offered, said back, then the yes.)
  const echoed = question === 'offer' ? (OFFER_ECHOED.exec(words.slice(start).join(' '))?.[0].split(' ').length ?? 0) : 0;
  const noProblem = yesNoQuestion ? NO_PROBLEM.exec(words.slice(start + echoed).join(' ')) : null;
  if (noProblem) return words.slice(start + echoed + noProblem[0].split(' ').length).includes('no') ? undefined : 'yes';
  const first = /^no{2,}$/.test(words[start] ?? '') ? 'no' : words[start];
  if (first === undefined) return undefined;
  if (covered.some((span) => start >= span.start && start < span.end)) return undefined;
  // "Ninguna me sirve" refuses an offer; at a list it asks for something else.
  if ((first === 'ninguna' || first === 'ninguno') && !yesNoQuestion) return undefined;
  if (first === 'no' || first === 'nop' || first === 'nel' || first === 'ninguna' || first === 'ninguno' || first === 'negativo' || first === 'nooo') {
    const next = words[start + 1];
    const after = words[start + 2];
    if (first === 'no' && next !== undefined) {
      // At a yes/no question almost any "no …" refuses ("no me sirve", "no puedo ese día");
      // only not knowing or not understanding does not.
      if (yesNoQuestion ? UNSURE.has(next) || (next === 'me' && UNSURE.has(after ?? '')) : lexicon.notRefusal.has(next)) return undefined;
    }
    return 'no';
  }
  const two = `${first} ${words[start + 1] ?? ''}`;
  // "Me sirve la del martes" picks a slot; "me sirve" alone, or at a yes/no question, is a yes.
  if (!yesNoQuestion && (two === 'me sirve' || first === 'sirve') && words.length > start + (two === 'me sirve' ? 2 : 1)) return undefined;
  if ((lexicon.yes.has(two) || (yesNoQuestion && lexicon.yesVerbs.has(two))) && !WEAK_YES.has(first)) return 'yes';
  if (lexicon.yes.has(first) || (yesNoQuestion && lexicon.yesVerbs.has(first))) {
    if (!WEAK_YES.has(first)) return 'yes';
    // "Bueno, dale, en la tarde": a weak yes followed by a plain one.
    const next = words[start + 1];
    if (next !== undefined && lexicon.yes.has(next) && !WEAK_YES.has(next)) return 'yes';
    // "Listo", "bueno", "eso" say yes only with nothing but other yes or courtesy words: "eso cuánto cuesta" does not;
    // and "listo, gracias" where nothing was asked is thanks.
    if (!yesNoQuestion && words.slice(start + 1).some((word) => word === 'gracias')) return undefined;
    // ("Bueno, igual sí, confírmela": "igual", "pues" after the weak yes only lead to what follows.)
    // ("Listo ve", "bueno pues ey": an interjection closing it.)
    const afterWeak = uncovered(words.slice(start + 1), lexicon.courtesy.find(words.slice(start + 1)));
    while (afterWeak.length > 0 && INTERJECTIONS.has(afterWeak.at(-1) ?? '')) afterWeak.pop();
    const rest = yesNoQuestion && (afterWeak[0] === 'igual' || afterWeak[0] === 'pues') && afterWeak.length > 1 ? afterWeak.slice(1) : afterWeak;
    if (rest.every((word) => lexicon.yes.has(word) || (yesNoQuestion && lexicon.yesVerbs.has(word)))) return 'yes';
    // ("Listo gracias, chao" at «¿La confirmo?»: the yes, then the goodbye; "bueno, entonces chao" gives up.)
    if (yesNoQuestion && first === 'listo' && rest.length > 0 && !rest.includes('entonces') && rest.every((word) => lexicon.yes.has(word) || LEAVING.has(word))) return 'yes';
    // "Bueno, está bien, sí", "bueno pues sí toca sí": yes phrases of several words after the weak yes.
    if (yesNoQuestion && onlyYesPhrases(lexicon, rest)) return 'yes';
    // "Listo, esa", "ok esa misma" at a list: agreeing to an option not named yet (the dialog asks which).
    if (rest.length > 0 && rest.every((word) => lexicon.yes.has(word) || THAT_ONE.has(word)) && rest.some((word) => THAT_ONE.has(word))) return 'yes';
    // "Bueno, radique el caso": a weak yes, then doing what was offered.
    if (yesNoQuestion && DOES_WHAT_WAS_OFFERED.has(rest[0] ?? '') && !rest.includes('no') && !operationCue(rest.join(' '))) return 'yes';
    // "Bueno ya, sí, igual nadie contesta en la línea": yes words, then the reason the member gives in.
    const reason = rest.findIndex((word) => GIVING_IN_REASON.has(word));
    if (yesNoQuestion && reason > 0 && onlyYesPhrases(lexicon, rest.slice(0, reason)) && !rest.slice(reason).includes('no') && !operationCue(rest.slice(reason).join(' ')))
      return 'yes';
    // "Bueno, entonces en la tarde" to "¿Busco en la tarde?": a yes that repeats what was offered.
    if (yesNoQuestion && rest.length > 0 && rest.every((word) => lexicon.yes.has(word) || AGREEING_WORDS.has(word))) return 'yes';
  }
  return undefined;
}

/** Whether `words` are yes phrases one after the other ("esta bien si", "pues si toca si"), longest phrase first. */
function onlyYesPhrases(lexicon: Lexicon, words: readonly string[]): boolean {
  let at = 0;
  while (at < words.length) {
    let length = Math.min(4, words.length - at);
    while (length > 0 && !lexicon.yes.has(words.slice(at, at + length).join(' ')) && !lexicon.yesVerbs.has(words.slice(at, at + length).join(' '))) length--;
    if (length === 0) return false;
    at += length;
  }
  return words.length > 0;
}

function isYesNoWord(lexicon: Lexicon, word: string): boolean {
  return lexicon.yes.has(word) || lexicon.no.has(word);
}
