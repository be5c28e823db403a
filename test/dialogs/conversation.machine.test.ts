import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import { DOCUMENT_TYPES, type DocumentId, type Member } from '../../bot/domain.js';
import {
  conversationMachine,
  type ConversationInput,
  type ConversationRecord,
} from '../../dialogs/conversation.machine.js';
import { toDialogEvent } from '../../dialogs/events.js';
import type { Reply } from '../../dialogs/replies.js';
import { createFakeAgenda, seedMembers } from '../fakes/agenda.fake.js';

const LAURA_PHONE = '+573001112233';
const CARLOS_PHONE = '+573004445566';

function makeInput(overrides: Partial<ConversationInput> = {}): ConversationInput {
  return {
    conversationId: 'conv-test',
    channel: 'whatsapp',
    phone: CARLOS_PHONE,
    today: '2026-11-23',
    consentCurrent: false,
    policyVersion: '2026-01',
    previousExpired: false,
    ...overrides,
  };
}

type ConversationSnapshot = SnapshotFrom<typeof conversationMachine>;

/** Waiting for the member, or finished: what a turn ends in. */
const settled = (snapshot: ConversationSnapshot) => snapshot.status !== 'active' || snapshot.hasTag('awaitingInput');

/**
 * A conversation machine on its own, with `findMember` answered by the fake agenda, collecting
 * what it says (`reply`) and records (`record`). `answer` sends one member message, the choice
 * given as the engine would have matched it, and returns the keys said in answer.
 */
function startConversation(options: { input?: Partial<ConversationInput>; members?: Member[] } = {}) {
  const agenda = createFakeAgenda(options.members ? { members: options.members } : {});
  const machine = conversationMachine.provide({
    actors: { findMember: fromPromise<Member, DocumentId>(({ input }) => agenda.findMember(input)) },
  });
  const actor = createActor(machine, { input: makeInput(options.input) });
  const said: Reply[] = [];
  const records: ConversationRecord[] = [];
  actor.on('reply', (event) => said.push(event.reply));
  actor.on('record', (event) => records.push(event.record));
  actor.start();
  let messages = 0;

  async function answer(text: string, choice?: string): Promise<string[]> {
    const before = said.length;
    messages += 1;
    actor.send(toDialogEvent({ text, messageId: `m${messages}`, ...(choice !== undefined ? { choice } : {}) }));
    await waitFor(actor, settled, { timeout: 2000 });
    return said.slice(before).map((reply) => reply.key);
  }

  return {
    actor,
    agenda,
    said,
    records,
    answer,
    state: () => actor.getSnapshot().value,
    status: () => actor.getSnapshot().status,
    lastSaid: (key: string) => [...said].reverse().find((reply) => reply.key === key),
    /** Hello and yes: waiting for the document. */
    async consent() {
      await answer('hola');
      await answer('sí', 'yes');
    },
  };
}

describe('first contact (contract points 1 and 3)', () => {
  it('introduces Lina and asks for the authorisation with a yes/no choice', async () => {
    const chat = startConversation();
    assert.deepEqual(await chat.answer('hola'), ['greeting.welcome', 'consent.ask']);
    const ask = chat.lastSaid('consent.ask');
    assert.deepEqual(ask?.params, { version: '2026-01' });
    assert.deepEqual(ask?.options?.map((option) => option.value), ['yes', 'no']);
    assert.equal(chat.state(), 'awaitingConsent');
  });

  it('names the QR code site and says when the previous session expired', async () => {
    const chat = startConversation({ input: { site: 'SUBA', previousExpired: true } });
    assert.deepEqual(await chat.answer('hola'), ['greeting.expired', 'greeting.welcomeAtSite', 'consent.ask']);
    assert.deepEqual(chat.lastSaid('greeting.welcomeAtSite')?.params, { site: 'SUBA' });
  });

  it('records a yes with the policy version, then asks for the document', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.answer('sí', 'yes'), ['consent.thanks', 'identify.askDocument']);
    assert.deepEqual(chat.records, [{ type: 'consent', accepted: true, policyVersion: '2026-01' }]);
    assert.equal(chat.state(), 'awaitingDocument');
  });

  it('records a no and ends without asking for any data', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.answer('no', 'no'), ['consent.declined']);
    assert.deepEqual(chat.records, [{ type: 'consent', accepted: false, policyVersion: '2026-01' }]);
    assert.equal(chat.status(), 'done');
    assert.ok(!chat.said.some((reply) => reply.key.startsWith('identify.')));
  });

  it('does not ask again when the sender already accepted this policy version', async () => {
    const chat = startConversation({ input: { consentCurrent: true } });
    assert.deepEqual(await chat.answer('hola'), ['greeting.welcome', 'identify.askDocument']);
    assert.deepEqual(chat.records, []);
  });
});

describe('identification (contract points 3 and 4)', () => {
  it('skips the date of birth when the WhatsApp sender is the phone on file', async () => {
    const chat = startConversation();
    await chat.consent();
    const keys = await chat.answer('CC 2020202020');
    assert.deepEqual(keys, ['identify.welcome', 'menu.askSelf']);
    assert.deepEqual(chat.agenda.callsOf('findMember'), [{ documentType: 'CC', documentNumber: '2020202020' }]);
    assert.deepEqual(chat.lastSaid('identify.welcome')?.params, { name: 'Carlos' });
  });

  it('asks the date of birth when the phone differs, and accepts the right one', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.askBirthDate']);
    assert.deepEqual(await chat.answer('02/11/1980'), ['identify.welcome', 'menu.askSelf']);
  });

  it('asks the date of birth off WhatsApp even with the same phone: only WhatsApp vouches for it', async () => {
    const chat = startConversation({ input: { channel: 'webchat', phone: CARLOS_PHONE } });
    await chat.consent();
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.askBirthDate']);
  });

  it('asks for the type after a bare number, then looks the member up with both', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('2020202020'), ['identify.askDocumentType']);
    assert.deepEqual(
      chat.lastSaid('identify.askDocumentType')?.options?.map((option) => option.value),
      [...DOCUMENT_TYPES],
    );
    assert.deepEqual(await chat.answer('1', 'CC'), ['identify.welcome', 'menu.askSelf']);
    assert.deepEqual(chat.agenda.callsOf('findMember'), [{ documentType: 'CC', documentNumber: '2020202020' }]);
  });

  it('treats an unknown document exactly like a known one with a wrong date of birth', async () => {
    const unknown = startConversation({ input: { phone: '+573009999999' } });
    await unknown.consent();
    const unknownAsks = await unknown.answer('CC 7777777777');
    const unknownFails = await unknown.answer('15/03/1994');

    const known = startConversation({ input: { phone: '+573009999999' } });
    await known.consent();
    const knownAsks = await known.answer('CC 2020202020');
    const knownFails = await known.answer('15/03/1994');

    assert.deepEqual(unknownAsks, ['identify.askBirthDate']);
    assert.deepEqual(unknownFails, ['identify.failed', 'identify.askDocument']);
    assert.deepEqual(knownAsks, unknownAsks);
    assert.deepEqual(knownFails, unknownFails);
    // Not only the keys: every parameter too, so nothing tells the two apart.
    assert.deepEqual(known.said, unknown.said);
  });

  it('ends with the support line after three failed second factors', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    for (let attempt = 1; attempt <= 2; attempt++) {
      await chat.answer('CC 2020202020');
      assert.deepEqual(await chat.answer('01/01/2000'), ['identify.failed', 'identify.askDocument'], `attempt ${attempt}`);
    }
    await chat.answer('CC 7777777777');
    assert.deepEqual(await chat.answer('01/01/2000'), ['identify.tooManyFailures']);
    assert.equal(chat.status(), 'done');
    assert.deepEqual(chat.records.at(-1), { type: 'outcome', outcome: 'refused' });
  });

  it('says the agenda is unavailable when the lookup fails, and asks for the document again', async () => {
    const chat = startConversation();
    await chat.consent();
    chat.agenda.failWith('findMember', 'UNAVAILABLE');
    assert.deepEqual(await chat.answer('CC 2020202020'), ['errors.agendaUnavailable', 'identify.askDocument']);
    chat.agenda.heal();
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.welcome', 'menu.askSelf']);
  });
});

describe('eligibility and patient (contract points 5 and 6)', () => {
  it('explains a PAC plan and ends without a menu', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 3030303030');
    assert.deepEqual(await chat.answer('20/01/1990'), ['eligibility.notPbs']);
    assert.equal(chat.status(), 'done');
    assert.ok(!chat.said.some((reply) => reply.key.startsWith('menu.')));
    assert.deepEqual(chat.records.at(-1), { type: 'outcome', outcome: 'refused' });
  });

  it('explains an inactive affiliation and ends without a menu', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 4040404040');
    assert.deepEqual(await chat.answer('05/05/1975'), ['eligibility.inactive']);
    assert.equal(chat.status(), 'done');
    assert.ok(!chat.said.some((reply) => reply.key.startsWith('menu.')));
  });

  it('asks for whom when the member has beneficiaries, then shows the menu for that patient', async () => {
    const chat = startConversation({ input: { phone: LAURA_PHONE } });
    await chat.consent();
    assert.deepEqual(await chat.answer('CC 1010101010'), ['identify.welcome', 'patient.ask']);
    assert.equal(chat.state(), 'awaitingPatient');
    assert.deepEqual(chat.lastSaid('patient.ask')?.options, [
      { value: 'self', key: 'options.patient.self' },
      { value: 'ben-mateo', key: 'options.patient.beneficiary', params: { name: 'Mateo' } },
      { value: 'ben-sofia', key: 'options.patient.beneficiary', params: { name: 'Sofía' } },
    ]);
    assert.deepEqual(await chat.answer('Mateo', 'ben-mateo'), ['menu.askFor']);
    assert.deepEqual(chat.lastSaid('menu.askFor')?.params, { patient: 'Mateo' });
  });

  it('goes straight to the menu for a member without beneficiaries', async () => {
    const { carlos } = seedMembers();
    const chat = startConversation({ members: [carlos] });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.equal(chat.state(), 'menu');
  });
});

describe('global words (contract point 2)', () => {
  it('"menú" before identification starts over and forgets the document', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('menú'), ['greeting.welcome', 'identify.askDocument']);
    assert.equal(chat.state(), 'awaitingDocument');
    // The date of birth alone no longer identifies anyone: a document is needed first.
    assert.deepEqual(await chat.answer('02/11/1980'), ['common.notUnderstood', 'identify.askDocument']);
  });

  it('"menú" after identification goes back to the main menu, leaving the operation', async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    chat.actor.send(toDialogEvent({ text: 'agendar', choice: 'book', messageId: 'op' }));
    await waitFor(chat.actor, (snapshot) => snapshot.value === 'booking' && chat.said.some((r) => r.key === 'booking.askSpecialty'), { timeout: 2000 });
    assert.deepEqual(await chat.answer('menu'), ['menu.askSelf']);
    assert.equal(chat.state(), 'menu');
  });

  it('"ayuda" gives the support line and repeats the pending question', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('ayuda'), ['help.support', 'identify.askBirthDate']);
    assert.deepEqual(await chat.answer('asesor'), ['help.support', 'identify.askBirthDate']);
    assert.equal(chat.state(), 'awaitingBirthDate');
  });

  it('"salir" ends politely and records it', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('salir'), ['common.goodbye']);
    assert.equal(chat.status(), 'done');
    assert.deepEqual(chat.records.at(-1), { type: 'outcome', outcome: 'ended' });
  });

  it('"ayuda" as the very first message gives the support line, then the greeting', async () => {
    const chat = startConversation();
    assert.deepEqual(await chat.answer('ayuda'), ['help.support', 'greeting.welcome', 'consent.ask']);
  });

  it('"menú" at the patient question keeps the member verified and asks again', async () => {
    const chat = startConversation({ input: { phone: LAURA_PHONE } });
    await chat.consent();
    await chat.answer('CC 1010101010');
    assert.deepEqual(await chat.answer('menú'), ['patient.ask']);
    assert.equal(chat.state(), 'awaitingPatient');
    assert.equal(chat.agenda.callsOf('findMember').length, 1);
  });
});

describe('answers that are not answers', () => {
  it('re-asks after each, and offers help from the third in a row', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('no sé'), ['common.notUnderstood', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('???'), ['common.notUnderstood', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('cédula'), ['common.notUnderstood', 'common.offerHelp', 'identify.askDocument']);
    assert.equal(chat.state(), 'awaitingDocument');
  });

  it('counts afresh once a question is answered', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.answer('hola');
    await chat.answer('quizás');
    await chat.answer('tal vez');
    await chat.answer('sí', 'yes');
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('ayer'), ['common.notUnderstood', 'identify.askBirthDate']);
  });

  it('does not take a consent answer without a choice', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.answer('sí'), ['common.notUnderstood', 'consent.ask']);
    assert.deepEqual(chat.records, []);
  });
});
