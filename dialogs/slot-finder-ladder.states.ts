/**
 * When a whole search finds nothing, the no-availability ladder of contract point 9: the other
 * band, any doctor of the site, then a RISS case (with the e-mail its answer goes to, the
 * member's, a relative's, or a way out without one). States of the slot finder.
 */
import { and, assign, enqueueActions, or, type EventObject } from 'xstate';
import { entitiesOf } from './understood.js';
import { patientOf } from './operation.js';
import { YES_NO, ask, reply, type ReplyParams } from './replies.js';
import { SITE_KEPT, bandOfTime, ruledOutIn, searchAtTime } from './slot-search.js';
import { bandLeft, describeSearch, otherBand, searchedBand, slotFinderSetup, type SlotFinderContext } from './slot-finder.setup.js';

/** A rung of the ladder: a yes/no offer (`key`) that says what was searched, with `params` of its own. */
function offer(key: string, params: (context: SlotFinderContext) => ReplyParams) {
  return { type: 'prompt', params: ({ context }: { context: SlotFinderContext }) => ask('offer', key, { ...describeSearch(context), ...params(context) }, YES_NO) } as const;
}

/**
 * What a no to the offer of the other band rules out: the band said not to be possible, or, with
 * only the band just searched named ("no, solo puedo en la mañana" to «¿Busco en la tarde?»), the
 * band offered.
 */
function ruledOutWithNo(said: ReturnType<typeof entitiesOf>, search: SlotFinderContext['search']): Pick<SlotFinderContext['search'], 'ruledOutBand'> {
  if (said.ruledOutBand === undefined && search.band !== 'cualquiera' && said.band === search.band) return { ruledOutBand: search.band === 'manana' ? 'tarde' : 'manana' };
  return ruledOutIn(said, search);
}

/**
 * "No, ¿y el viernes en la tarde?", "¿y el lunes 30?" at an offer: that day is searched, in the
 * band said (else, after a no, the band just searched; else any band), with the doctor searched.
 * The no declines the rung offered (`declined`), so an empty day goes on to the next one. A yes
 * with a day is each rung's own yes ("bueno sí, en la tarde pero el jueves"); a day said busy or
 * ruled out ("el viernes tengo reunión") is no day asked.
 */
function dayAsked(declined?: 'triedOtherBand' | 'triedOtherDoctor') {
  const search = declined === 'triedOtherBand' ? 'searchDayAskedNotOtherBand' : declined === 'triedOtherDoctor' ? 'searchDayAskedNotOtherDoctor' : 'searchDayAsked';
  return { guard: 'asksAnotherDay', target: 'searching', actions: ['startNewSearch', search] } as const;
}

/** At an offer, another patient, specialty or site named ("¿y no hay en otra sede?"): the search is revised, not refused. */
const REVISED = { guard: 'revisesEarlierAnswer', target: 'revised' } as const;
/** "Mejor no, déjelo así", "olvídelo" at the e-mail for a case: nothing filed, and Lina says so. */
const CASE_GIVEN_UP = {
  guard: ({ event }: { event: EventObject }) => entitiesOf(event).caseGivenUp === true,
  target: 'abandoned',
  actions: { type: 'say', params: reply('riss.declined') },
} as const;
/**
 * At an offer, a band not searched yet ("uy no, entonces sí búsqueme en la tarde" after the
 * afternoon was declined): searched, whatever yes or no came with it.
 */
const NAMED_BAND = {
  guard: 'namesBandNotSearched',
  target: 'searching',
  actions: ['startNewSearch', 'searchNamedBand'],
} as const;
/** "Radique el caso" at an offer of another band or doctor: the case, the rungs left skipped. */
const CASE_ASKED = { guard: ({ event }: { event: EventObject }) => entitiesOf(event).fileCase === true, target: 'collectingEmail' } as const;
/** An e-mail in the message: the case is filed with it. */
/** What follows the `@` of an address. */
const domainOf = (email: string | undefined): string => email?.slice(email.lastIndexOf('@') + 1) ?? '';

/** An address with a provider that looks mistyped ("@hotmial.com"): kept, and asked about before the case is filed. */
const MISTYPED_EMAIL = { guard: 'gaveMistypedEmail', target: 'checkingEmail', actions: 'keepEmail' } as const;
const READ_EMAIL = { guard: 'gaveEmail', target: 'filingCase', actions: 'keepEmail' } as const;
/** No e-mail to send the answer to: the way out without a case. */
const NO_EMAIL_WAY_OUT = { target: 'abandoned', actions: { type: 'say', params: reply('riss.noEmailWayOut') } } as const;

/** A second e-mail that could not be read, where no other address is left to ask for: the way out without a case. */
const MISSED_EMAIL_TWICE = {
  guard: 'emailMissedTwice',
  target: 'abandoned',
  actions: [
    { type: 'say', params: reply('riss.invalidEmail') },
    { type: 'say', params: reply('riss.noEmailWayOut') },
  ],
} as const;

/** An e-mail that could not be read: said, counted, and asked again. */
const MISSED_EMAIL = { actions: ['countEmailMiss', { type: 'say', params: reply('riss.invalidEmail') }, 'repeatPrompt'] } as const;

export const ladderStates = {
  /** A whole search found nothing: the next rung of the ladder that applies. */
  choosingNextStep: slotFinderSetup.createStateConfig({
    // The first empty search is the one the no-availability rate counts.
    entry: enqueueActions(({ context, enqueue }) => {
      if (!context.triedOtherBand && !context.triedOtherDoctor) {
        enqueue({ type: 'note', params: { type: 'milestone', milestone: 'no-availability' } });
      }
    }),
    always: [
      // "Mejor en Chía, radique el caso": the case the member asked for, no other rung.
      {
        guard: ({ context }) => context.caseAsked === true,
        target: 'collectingEmail',
        actions: { type: 'say', params: ({ context }) => reply('riss.filingAsked', describeSearch(context)) },
      },
      { guard: 'canOfferOtherBand', target: 'offeringOtherBand' },
      { guard: 'canOfferOtherDoctor', target: 'offeringOtherDoctor' },
      { target: 'offeringCase' },
    ],
  }),
  offeringOtherBand: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: offer('slots.offerOtherBand', (context) => ({ other: otherBand(context.search.band), context: context.search.doctorId ? 'doctor' : undefined })),
    on: {
      USER_MESSAGE: [
        REVISED,
        SITE_KEPT,
        CASE_ASKED,
        dayAsked('triedOtherBand'),
        // "No, con otro médico", "mejor con otro médico" to «¿Busco con Dr. Rojas en la tarde?»: any doctor, in the band searched.
        {
          guard: ({ event }) => entitiesOf(event).anyDoctor === true,
          target: 'searching',
          actions: [
            'startNewSearch',
            assign({
              search: ({ context }) => ({ band: context.search.band, anyDoctor: true as const, ...ruledOutIn({}, context.search) }),
              triedOtherDoctor: true,
              emptyBands: [],
            }),
          ],
        },
        {
          guard: 'saidYes',
          target: 'searching',
          // ("Bueno sí, en la tarde pero el jueves": that day, in the other band.)
          actions: [
            'startNewSearch',
            assign({
              search: ({ context, event }) => ({
                ...context.search,
                band: otherBand(context.search.band),
                ...(entitiesOf(event).day ? { day: entitiesOf(event).day, fromTime: undefined, toTime: undefined } : {}),
              }),
              triedOtherBand: true,
            }),
          ],
        },
        // "Después de las 4", "la de las 4 y 20" to «¿Busco en la tarde?»: the band offered, from that hour (member testing).
        {
          guard: ({ context, event }) => {
            const { time, band, beforeTime } = entitiesOf(event);
            const offered = otherBand(context.search.band);
            return time !== undefined && band === undefined && !beforeTime && offered !== 'cualquiera' && bandOfTime(time) === offered;
          },
          target: 'searching',
          actions: [
            'startNewSearch',
            assign({
              search: ({ context, event }) => searchAtTime({ ...context.search, band: otherBand(context.search.band) }, entitiesOf(event)),
              triedOtherBand: true,
            }),
          ],
        },
        // "Bueno, entonces en la tarde": the band offered, named.
        NAMED_BAND,
        // "No, en la tarde trabajo": the band said busy stays out of the next steps (a bare "no" leaves the other doctor in any band).
        {
          guard: 'saidNo',
          target: 'choosingNextStep',
          // ("No, con otro no, yo quiero con ella": no other doctor either.)
          actions: assign({
            triedOtherBand: true,
            declined: true,
            triedOtherDoctor: ({ context, event }) => context.triedOtherDoctor || entitiesOf(event).sameDoctorOnly === true,
            search: ({ context, event }) => ({ ...context.search, ...ruledOutWithNo(entitiesOf(event), context.search) }),
          }),
        },
        // "En la mañana" to «¿Busco en la tarde?» after the morning had nothing: that band only, so the other one is no.
        {
          guard: ({ context, event }) => context.search.band !== undefined && context.search.band !== 'cualquiera' && entitiesOf(event).band === context.search.band,
          target: 'choosingNextStep',
          actions: assign({
            triedOtherBand: true,
            declined: true,
            search: ({ context }) => ({ ...context.search, ruledOutBand: context.search.band === 'manana' ? ('tarde' as const) : ('manana' as const) }),
          }),
        },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  offeringOtherDoctor: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    // After a declined band the empty search is not news: "Entendido. ¿Busco con otro profesional…?"
    // With a band ruled out, another doctor is searched in the band left: "¿Busco con otro profesional de la sede, en la mañana?"
    entry: offer('slots.offerOtherDoctor', (context) => ({
      doctor: context.treatingDoctor?.name,
      band: searchedBand(context.emptyBands),
      next: bandLeft(context.search),
      context: `${context.declined ? 'declined' : ''}${context.search.ruledOutBand ? 'InBand' : ''}` || undefined,
    })),
    on: {
      USER_MESSAGE: [
        REVISED,
        SITE_KEPT,
        CASE_ASKED,
        // ("Bueno sí, con otro médico, ojalá el miércoles en la mañana": that day with another doctor, below; a day alone is the
        // treating doctor's.)
        {
          ...dayAsked('triedOtherDoctor'),
          guard: and(['asksAnotherDay', ({ event }: { event: EventObject }) => entitiesOf(event).anyDoctor !== true && entitiesOf(event).yesNo !== 'yes']),
        },
        // ("Bueno sí, con otro, pero temprano": another doctor in that band, below; never the treating doctor's band again.)
        { ...NAMED_BAND, guard: and(['namesBandNotSearched', ({ event }: { event: EventObject }) => entitiesOf(event).anyDoctor !== true]) },
        {
          // ("No quiero que sea con mi doctora", "con cualquier médico": another doctor is welcome, the yes it means.)
          guard: or(['saidYes', ({ event }) => entitiesOf(event).anyDoctor === true]),
          target: 'searching',
          // Any doctor of the site, in any band (the one left, when the member ruled one out), or in
          // the band said with the yes ("bueno sí, con otro, pero temprano").
          actions: [
            'startNewSearch',
            assign({
              search: ({ context, event }) => {
                const said = entitiesOf(event);
                // ("Bueno sí, con otro, pero que sea el jueves": that day, with any doctor; without a day said, the day asked at
                // first that the treating doctor had nothing, "…con la doctora Marta el lunes 30".)
                const day = said.day ?? context.dayWithoutTheDoctor;
                return { band: said.band ?? bandLeft(context.search), anyDoctor: true as const, ...ruledOutIn(said, context.search), ...(day ? { day } : {}) };
              },
              triedOtherDoctor: true,
              emptyBands: [],
            }),
          ],
        },
        { guard: 'saidNo', target: 'choosingNextStep', actions: assign({ triedOtherDoctor: true, declined: true }) },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  offeringCase: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    // "No hay cupos … en la mañana" when only the morning was searched (the afternoon ruled out); nothing when both were.
    entry: offer('riss.offer', (context) => ({
      band: searchedBand(context.emptyBands),
      // Where the answer will go, said before anything is filed (the address on file, masked; "por correo" without one).
      email: context.email ?? '',
      context: context.declined ? 'declined' : context.window === 'todayAndNextWorkingDay' ? 'urgent' : undefined,
    })),
    on: {
      USER_MESSAGE: [
        REVISED,
        SITE_KEPT,
        NAMED_BAND,
        // "No, quiero con otro médico de Fontibón" at the case offer, the other doctors of the site not searched yet: them,
        // in any band, never the case dropped with the conversation back at the menu.
        {
          guard: ({ context, event }) => entitiesOf(event).anyDoctor === true && context.search.anyDoctor !== true,
          target: 'searching',
          actions: [
            'startNewSearch',
            assign({
              search: ({ context }) => ({ band: 'cualquiera' as const, anyDoctor: true as const, ...ruledOutIn({}, context.search) }),
              triedOtherDoctor: true,
              emptyBands: [],
            }),
          ],
        },
        { guard: and(['acceptsWithEmail', 'gaveMistypedEmail']), target: 'checkingEmail', actions: 'keepEmail' },
        { guard: 'acceptsWithEmail', target: 'filingCase', actions: 'keepEmail' },
        { guard: 'acceptsWithIncompleteEmail', target: 'awaitingEmail', actions: { type: 'say', params: reply('riss.incompleteEmail') } },
        // "Bueno sí, radíquelo, pero tengo un correo nuevo": the new address asked for before filing, never the one on file.
        { guard: ({ event }) => entitiesOf(event).newEmail === true && entitiesOf(event).yesNo !== 'no', target: 'awaitingNewEmail' },
        // "Bueno, pues qué toca, sí, radíquelo": filing asked for in so many words.
        CASE_ASKED,
        dayAsked(),
        // "Sí, pero que la respuesta me llegue al correo de mi hermana": that address asked for, never the one on file.
        { guard: ({ event }) => entitiesOf(event).anotherEmail === true && entitiesOf(event).yesNo !== 'no', target: 'awaitingRelativeEmail' },
        { guard: 'saidYes', target: 'collectingEmail' },
        { guard: 'saidNo', target: 'abandoned', actions: { type: 'say', params: reply('riss.declined') } },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  collectingEmail: slotFinderSetup.createStateConfig({
    always: [{ guard: 'hasEmail', target: 'filingCase' }, { target: 'awaitingEmail' }],
  }),
  awaitingEmail: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: { type: 'prompt', params: ask('email', 'riss.askEmail') },
    on: {
      USER_MESSAGE: [
        MISTYPED_EMAIL,
        READ_EMAIL,
        CASE_GIVEN_UP,
        // "El de mi hija": whose, not the address yet; that one asked for.
        { guard: ({ event }: { event: EventObject }) => entitiesOf(event).anotherEmail === true, target: 'awaitingRelativeEmail' },
        // "No tengo ni yo ni nadie": no relative's e-mail to ask for either.
        { guard: ({ event }: { event: EventObject }) => entitiesOf(event).nobodyHasEmail === true, ...NO_EMAIL_WAY_OUT },
        // "No tengo correo", or a plain "no": the way out, never the question again.
        { guard: 'hasNoEmail', target: 'offeringRelativeEmail' },
        { guard: 'saidNo', target: 'offeringRelativeEmail' },
        { guard: 'emailMissedTwice', target: 'offeringRelativeEmail', actions: { type: 'say', params: reply('riss.invalidEmail') } },
        MISSED_EMAIL,
      ],
    },
  }),
  /** No e-mail of their own: the answer only travels by e-mail, so a relative's will do. */
  offeringRelativeEmail: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: [assign({ emailMisses: 0 }), { type: 'prompt', params: ask('confirm', 'riss.offerRelativeEmail', undefined, YES_NO) }],
    on: {
      USER_MESSAGE: [
        MISTYPED_EMAIL,
        READ_EMAIL,
        { guard: 'saidYes', target: 'awaitingRelativeEmail' },
        { guard: 'saidNo', ...NO_EMAIL_WAY_OUT },
        { guard: 'hasNoEmail', ...NO_EMAIL_WAY_OUT },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  awaitingNewEmail: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: { type: 'prompt', params: ask('email', 'riss.askNewEmail') },
    on: {
      USER_MESSAGE: [
        MISTYPED_EMAIL,
        READ_EMAIL,
        CASE_GIVEN_UP,
        // ("No, mejor déjelo con el que tienen": the address on file after all.)
        { guard: or(['hasNoEmail', 'saidNo']), target: 'collectingEmail' },
        MISSED_EMAIL_TWICE,
        MISSED_EMAIL,
      ],
    },
  }),
  awaitingRelativeEmail: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: { type: 'prompt', params: ask('email', 'riss.askRelativeEmail') },
    on: {
      USER_MESSAGE: [
        MISTYPED_EMAIL,
        READ_EMAIL,
        CASE_GIVEN_UP,
        { guard: 'hasNoEmail', ...NO_EMAIL_WAY_OUT },
        { guard: 'saidNo', ...NO_EMAIL_WAY_OUT },
        MISSED_EMAIL_TWICE,
        MISSED_EMAIL,
      ],
    },
  }),
  /**
   * "pedro.morales85@hotmial.com": «¿Te refieres a pedro.morales85@hotmail.com?» before the case is filed, since its only
   * answer goes there. Yes takes the address meant; no keeps it as written; another address is read as any.
   */
  checkingEmail: slotFinderSetup.createStateConfig({
    tags: ['awaitingInput'],
    // (Only the domains are said: the address itself is never written back whole.)
    entry: {
      type: 'prompt',
      params: ({ context }) => ask('confirm', 'riss.checkEmail', { meant: domainOf(context.emailMeant), written: domainOf(context.email) }, YES_NO),
    },
    on: {
      USER_MESSAGE: [
        {
          guard: ({ event }: { event: EventObject }) => entitiesOf(event).email !== undefined && entitiesOf(event).emailMeant === undefined,
          target: 'filingCase',
          actions: 'keepEmail',
        },
        MISTYPED_EMAIL,
        { guard: 'saidYes', target: 'filingCase', actions: assign(({ context }) => ({ email: context.emailMeant ?? context.email, emailMeant: undefined })) },
        { guard: 'saidNo', target: 'filingCase', actions: assign({ emailMeant: undefined }) },
        CASE_GIVEN_UP,
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  filingCase: slotFinderSetup.createStateConfig({
    invoke: {
      id: 'createCase',
      src: 'createCase',
      input: ({ context }) => ({
        patientId: context.patient.id,
        specialty: context.specialty,
        cups: context.cups,
        site: context.site,
        email: context.email ?? '',
        idempotencyKey: context.caseKey,
      }),
      onDone: {
        target: 'caseFiled',
        actions: [
          { type: 'note', params: ({ event }) => ({ type: 'subject', kind: 'radicado', value: event.output.radicado }) },
          {
            type: 'say',
            params: ({ context, event }) =>
              reply('riss.filed', {
                ...patientOf(context),
                service: context.cups,
                site: context.site,
                radicado: event.output.radicado,
                dueDate: event.output.dueDate,
                email: event.output.email,
              }),
          },
        ],
      },
      onError: [{ guard: 'caseAlreadyOpen', target: 'abandoned', actions: { type: 'say', params: reply('riss.alreadyOpen') } }, { target: 'failed' }],
    },
  }),
};
