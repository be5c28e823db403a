/** How machines speak: the pending question, repeats, misses and help, sent to the conversation's root actor. */
import { enqueueActions, type AnyActorRef, type EventObject } from 'xstate';
import { SITE_CODES, isSiteCode, type SiteCode } from '../bot/domain.js';
import { ASKED as ASKED_KINDS, type Asked } from '../bot/understanding/types.js';
import type { ConversationRecord, RecordEvent } from './records.js';
import { reply, type Reply } from './replies.js';
import { entitiesOf } from './understood.js';

/** The actor system of any conversation, as far as it is used here: `get` by system id. */
interface AnyActorSystem {
  get: (systemId: string) => AnyActorRef | undefined;
}

/** What every machine that asks questions keeps: the pending question and the misses in a row. */
export interface SpeakingContext {
  lastPrompt?: Reply;
  invalidAnswers: number;
  /** The help for this question was offered already: it is not said twice. */
  helpOffered?: boolean;
  /** Lina apologised for not understanding this question already: the next time she offers the help instead. */
  apologized?: boolean;
}

/** The site a child operation is about, when it has one: the site searched, or the one its request chose. */
function siteOf(context: SpeakingContext): SiteCode | undefined {
  const { site, request } = context as SpeakingContext & { site?: unknown; request?: { site?: unknown } };
  const found = typeof site === 'string' ? site : typeof request?.site === 'string' ? request.site : undefined;
  return found !== undefined && isSiteCode(found) ? found : undefined;
}

/** A child's replies travel to its parent as this event; the conversation machine emits them. */
export type SayEvent = { type: 'SAY'; reply: Reply };

/**
 * Sent by a parent to the operation it runs: say the pending question again (after a greeting,
 * thanks or the help text the parent said). Each machine repeats its own question or passes
 * the event to the child that holds it. `asks`: the member asked something first ("¿qué es
 * eso?", "¿y eso dónde queda?"), answered from the pending question before it is asked again.
 */
export type RepeatEvent = { type: 'REPEAT'; asks?: Asked; site?: SiteCode; also?: Asked; about?: string };

/**
 * What a question or its options mean, for a member who asks ("¿qué es no programada?",
 * "¿cuál es la diferencia?"); the support line where there is nothing to explain.
 */
function explanationFor(prompt: Reply | undefined): Reply {
  switch (prompt?.expects) {
    case 'specialty':
    case 'visitType':
    case 'band':
    case 'menu':
    case 'documentType':
    case 'site':
    case 'slot':
    case 'confirm':
    case 'patient':
    case 'appointment':
    case 'existing':
      return reply(`help.explain.${prompt.expects}`);
    // ("¿Para qué necesita mi fecha de nacimiento?": why Lina asks who the member is.)
    case 'document':
    case 'birthDate':
      return reply('help.explain.identity');
    // ("¿Para qué el correo? ¿No me lo pueden mandar por acá?": where the case's answer goes.)
    case 'email':
      return reply('help.explain.email');
    case 'offer':
      // ("¿A qué hora sería?", "¿con quién sería?" at the offer of another band or doctor: what a yes does.)
      return prompt.key.startsWith('riss.offer') ? reply('help.explain.riss') : reply('help.explain.offer');
    default:
      return reply('help.support');
  }
}

/** The sites a question speaks of: its own (a slot list, a confirmation) or its options' (the appointments listed). */
function sitesIn(prompt: Reply | undefined): SiteCode[] {
  const named = [prompt?.params?.site, ...(prompt?.options ?? []).map((shown) => shown.params?.site)];
  return [...new Set(named.filter((site): site is SiteCode => typeof site === 'string' && isSiteCode(site)))];
}

/** The address of one site, or of several (every site, when the question names none). */
function addressesOf(sites: readonly SiteCode[]): Reply {
  const [only] = sites;
  if (only && sites.length === 1) return reply('help.address', { site: only });
  const listed = sites.length > 0 ? sites : SITE_CODES;
  return reply(
    'help.addresses',
    undefined,
    undefined,
    listed.map((site) => ({ key: 'help.addressItem', params: { site } })),
  );
}

/** What an operation did, said again when asked "¿ya quedó?": booked or moved (the cita's start and doctor), cancelled, a case. */
export interface DoneSaid {
  outcome: 'booked' | 'rescheduled' | 'cancelled' | 'case';
  start?: string;
  doctor?: string;
}

/**
 * What the conversation knows that a question by the way may be about: the site the message names (`site`), the site of
 * what was just done (`fallback`), the last case filed, the start and doctor of the one cita just spoken of, and what the
 * last operation did.
 */
export interface KnownSoFar {
  site?: SiteCode | undefined;
  fallback?: SiteCode | undefined;
  rissCase?: { radicado: string; dueDate: string; email?: string | undefined } | undefined;
  start?: string | undefined;
  doctor?: string | undefined;
  done?: DoneSaid | undefined;
}

/**
 * What Lina answers to a question asked by the way, before the pending question again: what
 * that question means; where `site` is, or else the site the question speaks of (a slot list,
 * a confirmation, the appointments listed), or `fallback` (the site of what was just done);
 * that she cannot tell what a cita costs or when the sites open, and the line that can. Plain
 * help ("ayuda", "asesor") gives the support lines. When to arrive: 20 minutes before the one cita
 * the question shows, or else `start` (the one cita just booked, moved or listed), or the rule alone.
 */
export function answerTo(asks: Asked | undefined, prompt: Reply | undefined, known: KnownSoFar = {}): Reply {
  const { site, fallback, rissCase, start, doctor, done } = known;
  switch (asks) {
    case 'meaning':
      return explanationFor(prompt);
    case 'address': {
      const sites = site ? [site] : sitesIn(prompt);
      return addressesOf(sites.length === 0 && fallback ? [fallback] : sites);
    }
    // "¿Es en Kennedy, cierto?": yes, with where it is; or no, the site the cita shown is at. (Several sites or none shown:
    // where the site named is.)
    case 'siteCheck': {
      const shown = sitesIn(prompt);
      const [only] = shown;
      if (!site || !only || shown.length !== 1) return addressesOf(site ? [site] : shown);
      return only === site ? reply('help.siteIs', { site }) : reply('help.siteIsNot', { site, citaSite: only });
    }
    case 'cost':
      return reply('help.cost');
    case 'hours':
      return reply('help.hours');
    case 'noShow':
      return reply('help.noShow');
    case 'arrival':
      return arrivalFor(onlyStartIn(prompt) ?? start);
    case 'bring':
      return reply('help.bring');
    case 'doctor':
      return doctorsOf(prompt, doctor);
    case 'byEmail':
      return reply('help.byEmail');
    case 'notice':
      return reply('help.notice');
    case 'bookedElsewhere':
      return reply('help.bookedElsewhere');
    // ("¿Y ese número RISS qué es?" once a case was filed here: that one, named.)
    case 'caseMeaning':
      return rissCase ? reply('help.caseMeaning', { radicado: rissCase.radicado, context: 'filed' }) : reply('help.caseMeaning');
    // (With the e-mail it goes to, masked, when the case was filed here.)
    case 'caseAnswer':
      return rissCase?.email
        ? reply('help.caseAnswer', { radicado: rissCase.radicado, dueDate: rissCase.dueDate, email: rissCase.email, context: 'email' })
        : caseReply('help.caseAnswer', rissCase);
    // "¿Y si no me responden en esos días qué hago?": the line, with the radicado and the date when there is one.
    case 'caseLate':
      return caseReply('help.caseLate', rissCase);
    case 'caseCancel':
      return reply('help.caseCancel');
    case 'rebook':
      return reply('help.rebook');
    case 'doubt':
      return reply('help.doubt');
    case 'goOn':
      return reply('help.goOn');
    case 'duration':
      return reply('help.duration');
    case 'parking':
      return reply('help.parking');
    case 'doctorOpinion':
      return reply('help.doctorOpinion');
    case 'notYet':
      return reply('help.notYet');
    case 'forgotEmail':
      return reply('help.forgotEmail');
    // "¿Y con el doctor Rojas no hay nada?" at an offer: nothing, as searched; the offer is the way on.
    case 'anyLeft':
      return reply('help.anyLeft');
    // "¿Ya quedó?" at the menu: what the last operation did, said again; nothing done yet, said so.
    case 'done':
      return doneReply(done, rissCase);
    // "Que me renueven la fórmula", "¿dónde ponen la vacuna?": what this chat does not do, and where to go for it.
    case 'prescription':
    case 'results':
    case 'vaccine':
    case 'certificate':
    case 'authorization':
    case 'lab':
      return reply('help.elsewhere', { context: asks });
    // "Cualquiera", "Kennedy o Suba, la que tenga antes" at the site question: one site at a time.
    case 'anySite':
      return reply('help.anySite');
    case 'complaint':
      return reply('help.complaint');
    // "Es que tiene fiebre y no quiere comer" at the specialty question: sorry to hear it, and, there, which specialty is for children.
    case 'unwell':
      return reply('help.unwell', prompt?.expects === 'specialty' || prompt?.expects === 'visitType' ? { context: prompt.expects } : {});
    case 'frustration':
      return reply('help.frustration');
    // "Espere un momento": Lina waits, and asks again when the member is back.
    case 'wait':
      return reply('help.wait');
    // "¿Hay alguna persona que me atienda?": the line, with its number and hours.
    case 'person':
    default:
      return reply('help.support');
  }
}

/** A text about the last case filed: with its radicado and due date, or its `none` form when there is none. */
function caseReply(key: 'help.caseAnswer' | 'help.caseLate', rissCase: KnownSoFar['rissCase']): Reply {
  return rissCase ? reply(key, { radicado: rissCase.radicado, dueDate: rissCase.dueDate }) : reply(key, { context: 'none' });
}

/** "¿Ya quedó?" after an operation: yes, and what; before any, that nothing is done yet. */
function doneReply(done: DoneSaid | undefined, rissCase?: { radicado: string; dueDate: string }): Reply {
  if ((done?.outcome === 'booked' || done?.outcome === 'rescheduled') && done.start && done.doctor)
    return reply('help.done', { context: done.outcome, start: done.start, doctor: done.doctor });
  if (done?.outcome === 'cancelled') return reply('help.done', { context: 'cancelled' });
  if (done?.outcome === 'case' && rissCase) return reply('help.done', { context: 'case', radicado: rissCase.radicado, dueDate: rissCase.dueDate });
  return reply('help.done');
}

/** Minutes before the cita's time the member is asked to arrive (the booking confirmation says it too). */
export const ARRIVE_MINUTES_BEFORE = 20;

/** The start of the one cita a question shows (a confirmation, a single slot or appointment), if there is exactly one. */
function onlyStartIn(prompt: Reply | undefined): string | undefined {
  const named = [prompt?.params?.start, ...(prompt?.options ?? []).map((shown) => shown.params?.start)];
  const starts = [...new Set(named.filter((start): start is string => typeof start === 'string' && start !== ''))];
  return starts.length === 1 ? starts[0] : undefined;
}

/** When to arrive: the time, 20 minutes before the cita's, when one cita is clear; the rule otherwise. */
function arrivalFor(start: string | undefined): Reply {
  const at = start === undefined ? NaN : Date.parse(start);
  if (Number.isNaN(at)) return reply('help.arrival');
  return reply('help.arrival', { context: 'at', start: new Date(at - ARRIVE_MINUTES_BEFORE * 60_000).toISOString() });
}

/**
 * Who the citas a question shows are with: the one doctor they share, or where each line says it;
 * when the question shows none, `fallback` (the doctor of the one cita just listed, booked or moved).
 */
function doctorsOf(prompt: Reply | undefined, fallback?: string): Reply {
  const named = [prompt?.params?.doctor, ...(prompt?.options ?? []).map((shown) => shown.params?.doctor)];
  const doctors = [...new Set(named.filter((doctor): doctor is string => typeof doctor === 'string' && doctor !== ''))];
  const [only] = doctors;
  // ("¿Con qué doctor es la primera?": that one, said with its day and hour.)
  const pointed = prompt?.pointed === undefined ? undefined : prompt.options?.find((shown) => shown.value === prompt.pointed);
  const start = pointed?.params?.start;
  if (only && doctors.length === 1 && typeof start === 'string') return reply('help.doctor', { doctor: only, start, context: 'pointed' });
  if (only && doctors.length === 1) return reply('help.doctor', { doctor: only });
  if (doctors.length === 0 && fallback) return reply('help.doctor', { doctor: fallback });
  return reply(doctors.length > 1 ? 'help.doctorOnEachLine' : 'help.support');
}

/** What a REPEAT asks to answer first, if anything (and a second question asked with it). */
function askedIn(event: EventObject): { asks: Asked; site?: SiteCode; also?: Asked; about?: string } | undefined {
  if (event.type !== 'REPEAT' || !('asks' in event) || typeof event.asks !== 'string') return undefined;
  const asks = ASKED_KINDS.find((kind) => kind === event.asks);
  if (!asks) return undefined;
  const site = 'site' in event && typeof event.site === 'string' && isSiteCode(event.site) ? event.site : undefined;
  const also = 'also' in event ? ASKED_KINDS.find((kind) => kind === event.also) : undefined;
  const about = 'about' in event && typeof event.about === 'string' ? event.about : undefined;
  return { asks, ...(site ? { site } : {}), ...(also ? { also } : {}), ...(about !== undefined ? { about } : {}) };
}

/**
 * The question narrowed to the one option a question by the way is about ("¿con qué doctor es la
 * primera?"), marked as pointed at; the question as it is when none is, or when it does not show it.
 */
export function aboutOne(prompt: Reply | undefined, about: string | undefined): Reply | undefined {
  const shown = about === undefined ? undefined : prompt?.options?.find((option) => option.value === about);
  return prompt && shown ? { ...prompt, options: [shown], pointed: shown.value } : prompt;
}

/** Invalid answers in a row after which Lina offers help, once per question. */
export const INVALID_ANSWERS_BEFORE_HELP = 3;

/** The help offered after repeated misses, worded for the kind of question pending. */
function offerHelpFor(prompt: Reply | undefined): Reply {
  if (prompt?.options?.length) return reply('common.offerHelp.options');
  switch (prompt?.expects) {
    case 'document':
      return reply('common.offerHelp.document');
    case 'birthDate':
      return reply('common.offerHelp.birthDate');
    case 'email':
      return reply('common.offerHelp.email');
    default:
      return reply('common.offerHelp.text');
  }
}

/**
 * What Lina says to an answer she cannot read: that she did not understand (the second time in a
 * row worded anew, shorter, with the way out), the help for this question the third time in a row
 * (once), and the question again. A member annoyed at not being understood ("ya le dije", "¿no me
 * entiende?", "uff") is no miss: an apology with the way out (the options, or «ayuda»), and the question.
 */
export function missReplies(context: SpeakingContext, event?: EventObject): { replies: Reply[]; invalidAnswers: number; helpOffered: boolean; apologized: boolean } {
  const annoyed = event !== undefined && entitiesOf(event).annoyed === true;
  // "Así está bien" at a slot list or a confirmation: neither a pick nor a yes, and no miss either.
  const fineAsIs = event !== undefined && entitiesOf(event).fineAsIs === true && !annoyed;
  // "Odontología": the engine said already that Lina does not book it; no miss, only the question again.
  const unserved = event !== undefined && entitiesOf(event).unservedSpecialty !== undefined;
  const invalidAnswers = annoyed || fineAsIs || unserved ? context.invalidAnswers : context.invalidAnswers + 1;
  // Annoyed again after the apology: the help for this question, in other words, instead of the same apology.
  const annoyedAgain = annoyed && context.apologized === true && !context.helpOffered;
  const offer = annoyedAgain || (!annoyed && !fineAsIs && !unserved && invalidAnswers >= INVALID_ANSWERS_BEFORE_HELP && !context.helpOffered);
  // "5" where three options are shown: which numbers there are, instead of "No te entendí".
  const shown = context.lastPrompt?.options?.length ?? 0;
  const outOfRange = event && shown > 0 && entitiesOf(event).outOfRange !== undefined;
  const withOptions = shown > 0 ? 'options' : undefined;
  const first = fineAsIs
    ? reply('common.fineAsIs', { context: context.lastPrompt?.expects === 'confirm' ? 'confirm' : undefined })
    : outOfRange
      ? reply('common.numberOutOfRange', { count: shown })
      : annoyed
        ? reply('common.annoyed', { context: withOptions })
        : invalidAnswers === 2
          ? reply('common.notUnderstoodAgain', { context: withOptions })
          : reply('common.notUnderstood');
  const replies = [...(annoyedAgain || unserved ? [] : [first]), ...(offer ? [offerHelpFor(context.lastPrompt)] : []), ...(context.lastPrompt ? [context.lastPrompt] : [])];
  return { replies, invalidAnswers, helpOffered: Boolean(context.helpOffered) || offer, apologized: Boolean(context.apologized) || annoyed };
}

/**
 * The system id of the conversation's root actor. Every machine, however deep, sends its
 * replies and records straight to it (the root emits them to the engine): no parent relays a
 * child's words by hand.
 */
export const CONVERSATION_SYSTEM_ID = 'conversation';

/** The conversation's root actor, found through the actor system. */
function conversationIn(system: AnyActorSystem): AnyActorRef {
  const root: AnyActorRef | undefined = system.get(CONVERSATION_SYSTEM_ID);
  if (!root) throw new Error(`no actor registered as "${CONVERSATION_SYSTEM_ID}": start the conversation with that systemId`);
  return root;
}

/**
 * The speaking actions every child machine shares: `say`, `prompt` (remembered for repeats),
 * `repeatPrompt`, `rejectAnswer` and `note` (a record). What they say goes to the
 * conversation's root actor (`CONVERSATION_SYSTEM_ID`), which emits it.
 */
export function childSpeech<TContext extends SpeakingContext, TEvent extends EventObject>() {
  const sayTo = (system: AnyActorSystem, said: Reply) => conversationIn(system).send({ type: 'SAY', reply: said } satisfies SayEvent);
  return {
    say: enqueueActions<TContext, TEvent, Reply, TEvent, never, never, never, never, never>(({ system }, said) => sayTo(system, said)),
    /** A record for the engine (a milestone, a subject), sent like a reply. */
    note: enqueueActions<TContext, TEvent, ConversationRecord, TEvent, never, never, never, never, never>(({ system }, record) =>
      conversationIn(system).send({ type: 'RECORD', record } satisfies RecordEvent),
    ),
    prompt: enqueueActions<TContext, TEvent, Reply, TEvent, never, never, never, never, never>(({ enqueue, system }, prompt) => {
      enqueue.assign(({ context }) => ({ ...context, lastPrompt: prompt, invalidAnswers: 0, helpOffered: false, apologized: false }));
      sayTo(system, prompt);
    }),
    /** The pending question again; after "¿qué es eso?", "¿y eso dónde queda?" (a REPEAT that `asks`), the answer first. */
    repeatPrompt: enqueueActions<TContext, TEvent, undefined, TEvent, never, never, never, never, never>(({ context, event, enqueue, system }) => {
      const asked = askedIn(event);
      // ("¿Y eso dónde queda?" right after the site was chosen: the site the operation is about.)
      const fallback = siteOf(context);
      // ("¿Con qué doctor es la primera?": about that option; the question asked again points at it, so "esa" takes it.)
      const about = aboutOne(context.lastPrompt, asked?.about);
      if (asked) sayTo(system, answerTo(asked.asks, about, { site: asked.site, fallback }));
      if (asked?.also) sayTo(system, answerTo(asked.also, about, { site: asked.site, fallback }));
      const again = about?.pointed !== undefined && context.lastPrompt ? { ...context.lastPrompt, pointed: about.pointed } : context.lastPrompt;
      if (again !== context.lastPrompt) enqueue.assign(({ context }) => ({ ...context, lastPrompt: again }));
      if (again) sayTo(system, again);
    }),
    rejectAnswer: enqueueActions<TContext, TEvent, undefined, TEvent, never, never, never, never, never>(({ context, event, enqueue, system }) => {
      const { replies, invalidAnswers, helpOffered, apologized } = missReplies(context, event);
      enqueue.assign(({ context }) => ({ ...context, invalidAnswers, helpOffered, apologized }));
      for (const said of replies) sayTo(system, said);
    }),
  };
}
