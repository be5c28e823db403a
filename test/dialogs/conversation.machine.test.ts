import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { createActor, fromPromise } from 'xstate';
import { DOCUMENT_TYPES, type Member } from '../../bot/domain.js';
import { bookingMachine } from '../../dialogs/booking.machine.js';
import { cancelMachine } from '../../dialogs/cancel.machine.js';
import { conversationMachine, type ConversationInput, type ConversationRecord, type FindMemberInput } from '../../dialogs/conversation.machine.js';
import { toDialogEvent, type DialogEvent } from '../../dialogs/events.js';
import type { Reply } from '../../dialogs/replies.js';
import { rescheduleMachine } from '../../dialogs/reschedule.machine.js';
import { CONVERSATION_SYSTEM_ID } from '../../dialogs/speech.js';
import { slotFinderMachine } from '../../dialogs/slot-finder.machine.js';
import { takeSlotMachine } from '../../dialogs/take-slot.machine.js';
import { normalizeText } from '../../dialogs/text.js';
import type { Understanding } from '../../bot/understanding/types.js';
import { createFakeAgenda, makePatient, seedMembers, type FakeAgenda } from '../fakes/agenda.fake.js';
import { FRIDAY, NOW, THURSDAY, WEDNESDAY, agendaActors, makeAppointment, pendingIn, read, readFirstMessage, untilSettled } from './harness.js';

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

/** The conversation with every operation bound to the in-memory agenda, as the engine binds them to the real one. */
function machineOn(agenda: FakeAgenda) {
  const actors = agendaActors(agenda, NOW);
  const slotFinder = slotFinderMachine.provide({
    actors: { searchSlots: actors.searchSlots.logic, availableDays: actors.availableDays.logic, createCase: actors.createCase.logic },
  });
  const bookingSlot = takeSlotMachine.provide({ actors: { commit: actors.book.logic, slotFinder } });
  const movingSlot = takeSlotMachine.provide({ actors: { commit: actors.move.logic, slotFinder } });
  return conversationMachine.provide({
    actors: {
      findMember: fromPromise<Member, FindMemberInput>(({ input }) => agenda.findMember(input)),
      listAppointments: actors.listAppointments.logic,
      booking: bookingMachine.provide({ actors: { checkRestrictions: actors.checkRestrictions.logic, takeSlot: bookingSlot } }),
      cancel: cancelMachine.provide({ actors: { listAppointments: actors.listAppointments.logic, cancel: actors.cancel.logic } }),
      reschedule: rescheduleMachine.provide({ actors: { listAppointments: actors.listAppointments.logic, takeSlot: movingSlot } }),
    },
  });
}

/**
 * A conversation machine on its own, its agenda the in-memory fake, collecting what it says
 * (`reply`) and records (`record`). `answer(text)` does what the engine does with a message:
 * reads it with the real understanding step against the pending question (the first message
 * against none: `start`) and the names of the member's family once known, sends the event, and
 * returns the keys said in answer.
 */
function startConversation(options: { input?: Partial<ConversationInput>; members?: Member[] } = {}) {
  const agenda = createFakeAgenda(options.members ? { members: options.members } : {});
  const actor = createActor(machineOn(agenda), { input: makeInput(options.input), systemId: CONVERSATION_SYSTEM_ID });
  const said: Reply[] = [];
  const records: ConversationRecord[] = [];
  actor.on('reply', (event) => said.push(event.reply));
  actor.on('record', (event) => records.push(event.record));
  actor.start();
  let messages = 0;
  let lastUnderstood: Understanding | undefined;

  const people = () => {
    const member = actor.getSnapshot().context.member;
    return member ? [member.firstName, ...member.beneficiaries.map((patient) => patient.firstName)].map((name) => normalizeText(name)) : [];
  };

  async function send(event: DialogEvent): Promise<string[]> {
    const before = said.length;
    actor.send(event);
    await untilSettled(actor);
    return said.slice(before).map((reply) => reply.key);
  }

  async function answer(text: string): Promise<string[]> {
    messages += 1;
    lastUnderstood = said.length === 0 ? readFirstMessage(text) : read(text, pendingIn(said), people());
    return send(toDialogEvent(lastUnderstood, `m${messages}`));
  }

  return {
    actor,
    agenda,
    said,
    records,
    answer,
    send,
    understood: () => lastUnderstood,
    state: () => actor.getSnapshot().value,
    status: () => actor.getSnapshot().status,
    lastSaid: (key: string) => [...said].reverse().find((reply) => reply.key === key),
    /** Hello and yes: waiting for the document. */
    async consent() {
      await answer('hola');
      await answer('sí');
    },
  };
}

/** Laura, identified from her own phone, choosing the patient. */
async function lauraAtPatientQuestion(input: Partial<ConversationInput> = {}) {
  const chat = startConversation({ input: { phone: LAURA_PHONE, consentCurrent: true, ...input } });
  await chat.answer('hola');
  await chat.answer('CC 1010101010');
  return chat;
}

describe('first contact (contract points 1 and 3)', () => {
  it('introduces Lina and asks for the authorisation with a yes/no choice', async () => {
    const chat = startConversation();
    assert.deepEqual(await chat.answer('hola'), ['greeting.welcome', 'consent.ask']);
    const ask = chat.lastSaid('consent.ask');
    assert.deepEqual(ask?.params, { version: '2026-01' });
    assert.equal(ask?.expects, 'consent');
    assert.deepEqual(
      ask?.options?.map((option) => option.value),
      ['yes', 'no'],
    );
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
    assert.deepEqual(await chat.answer('sí, acepto'), ['consent.thanks', 'identify.askDocument']);
    assert.deepEqual(chat.records, [{ type: 'consent', accepted: true, policyVersion: '2026-01' }]);
    assert.equal(chat.state(), 'awaitingDocument');
  });

  it('records a no and ends without asking for any data', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.answer('no autorizo'), ['consent.declined']);
    assert.deepEqual(chat.records, [{ type: 'consent', accepted: false, policyVersion: '2026-01' }]);
    assert.ok(!chat.said.some((reply) => reply.key.startsWith('identify.')));
  });

  it('takes a yes right after a no ("ay no, perdón, sí acepto") as the authorisation; anything else starts over', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    await chat.answer('no');
    assert.deepEqual(await chat.answer('ay no perdon si acepto, es que me equivoque'), ['consent.thanks', 'identify.askDocument']);
    assert.deepEqual(
      chat.records.map((record) => record.type === 'consent' && record.accepted),
      [false, true],
    );
    const other = startConversation();
    await other.answer('hola');
    await other.answer('no');
    assert.deepEqual((await other.answer('quiero una cita')).at(-1), 'consent.ask');
  });

  it('does not ask again when the sender already accepted this policy version', async () => {
    const chat = startConversation({ input: { consentCurrent: true } });
    assert.deepEqual(await chat.answer('hola'), ['greeting.welcome', 'identify.askDocument']);
    assert.deepEqual(chat.records, []);
  });

  it('notes what the first message asks for, and still asks for the authorisation first', async () => {
    const chat = startConversation();
    assert.deepEqual(await chat.answer('hola necesito cancelar la cita del miércoles'), ['greeting.welcome', 'greeting.requestNoted', 'consent.ask']);
    assert.deepEqual(chat.lastSaid('greeting.requestNoted')?.params, { context: 'cancel' });
  });

  it('a document given with the yes is used at once', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.answer('sí, CC 2020202020'), ['consent.thanks', 'identify.welcome', 'menu.askSelf']);
  });
});

describe('identification (contract points 3 and 4)', () => {
  it('skips the date of birth when the WhatsApp sender is the phone on file', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.welcome', 'menu.askSelf']);
    assert.deepEqual(chat.agenda.callsOf('findMember'), [{ documentType: 'CC', documentNumber: '2020202020' }]);
    assert.deepEqual(chat.lastSaid('identify.welcome')?.params, { name: 'Carlos' });
  });

  it('asks the date of birth when the phone differs, and accepts the right one', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.askBirthDate']);
    assert.deepEqual(await chat.answer('02/11/1980'), ['identify.welcome', 'menu.askSelf']);
  });

  it('takes the document and the date of birth in one message', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    assert.deepEqual(await chat.answer('mi cédula es 2020202020 y nací el 02/11/1980'), ['identify.welcome', 'menu.askSelf']);
  });

  it('asks the date of birth off WhatsApp even with the same phone: only WhatsApp vouches for it', async () => {
    const chat = startConversation({ input: { channel: 'webchat', phone: CARLOS_PHONE } });
    await chat.consent();
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.askBirthDate']);
  });

  it('keeps a date of birth corrected at the document-type question after a failure, and identifies with it once the type is said', async () => {
    const chat = startConversation({ input: { channel: 'webchat', phone: undefined } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('01/01/1990'), ['identify.failed', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('2020202020'), ['identify.askDocumentType']);
    assert.deepEqual(await chat.answer('02/11/1980'), ['identify.birthDateNoted', 'identify.askDocumentType']);
    assert.deepEqual(await chat.answer('CC'), ['identify.welcome', 'menu.askSelf']);
  });

  it('asks for the type after a bare number, then looks the member up with both', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('2020202020'), ['identify.askDocumentType']);
    assert.deepEqual(
      chat.lastSaid('identify.askDocumentType')?.options?.map((option) => option.value),
      [...DOCUMENT_TYPES],
    );
    assert.deepEqual(await chat.answer('cédula de ciudadanía'), ['identify.welcome', 'menu.askSelf']);
    assert.deepEqual(chat.agenda.callsOf('findMember'), [{ documentType: 'CC', documentNumber: '2020202020' }]);
  });

  it('asks for the number after a type alone, without counting a miss', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('cédula'), ['identify.askNumber']);
    assert.equal(chat.state(), 'awaitingDocument');
  });

  it('the number that follows a type alone is looked up with that type', async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('cédula');
    assert.deepEqual(await chat.answer('2020202020'), ['identify.welcome', 'menu.askSelf']);
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
  it('explains a PAC plan without a menu, and explains it again to what the member writes next', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 3030303030');
    assert.deepEqual(await chat.answer('20/01/1990'), ['eligibility.notPbs']);
    assert.equal(chat.state(), 'notServed');
    assert.ok(!chat.said.some((reply) => reply.key.startsWith('menu.')));
    assert.deepEqual(chat.records.at(-1), { type: 'outcome', outcome: 'refused' });
    assert.deepEqual(await chat.answer('pero yo pago el plan, por que no me atienden'), ['eligibility.stillNotPbs']);
    assert.deepEqual(await chat.answer('quiero agendar una cita'), ['eligibility.stillNotPbs']);
    assert.ok(!chat.said.some((reply) => reply.key.startsWith('menu.') || reply.key.startsWith('booking.')));
    assert.deepEqual(await chat.answer('gracias'), ['common.goodbye']);
    assert.equal(chat.status(), 'done');
  });

  it('explains an inactive affiliation without a menu; a new hello later starts over', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 4040404040');
    assert.deepEqual(await chat.answer('05/05/1975'), ['eligibility.inactive']);
    assert.deepEqual(await chat.answer('y como hago para activarme'), ['eligibility.stillInactive']);
    const restart = await chat.answer('hola');
    assert.ok(restart.includes('greeting.welcome') && restart.includes('identify.askDocument'), restart.join());
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
    assert.deepEqual(await chat.answer('para Mateo'), ['menu.askFor']);
    assert.deepEqual(chat.lastSaid('menu.askFor')?.params, { patient: 'Mateo' });
  });

  it('"para mí" shows the member\'s own menu', async () => {
    const chat = await lauraAtPatientQuestion();
    assert.deepEqual(await chat.answer('para mí'), ['menu.askSelf']);
  });

  it('"mis dos hijos" asks which of them, one at a time', async () => {
    const chat = await lauraAtPatientQuestion();
    assert.deepEqual(await chat.answer('para mis dos hijos'), ['patient.askWhich']);
    assert.deepEqual(
      chat.lastSaid('patient.askWhich')?.options?.map((option) => option.value),
      ['ben-mateo', 'ben-sofia'],
    );
    assert.deepEqual(await chat.answer('para Sofía'), ['menu.askFor']);
    assert.deepEqual(chat.lastSaid('menu.askFor')?.params, { patient: 'Sofía' });
  });

  it('a name nobody on the plan has is said back, and the question stands', async () => {
    const chat = await lauraAtPatientQuestion();
    assert.deepEqual(await chat.answer('para Juan'), ['patient.unknown', 'patient.ask']);
    assert.deepEqual(chat.lastSaid('patient.unknown')?.params, { name: 'Juan', others: 'Mateo y Sofía', context: 'named' });
  });

  it('a beneficiary whose affiliation is not active is explained, and the question asked again', async () => {
    const { laura } = seedMembers();
    const inactive = makePatient({ id: 'ben-pedro', firstName: 'Pedro', birthDate: '2015-01-01', status: 'inactive' });
    const member = { ...laura, beneficiaries: [...laura.beneficiaries, inactive] };
    const chat = startConversation({ members: [member], input: { phone: LAURA_PHONE, consentCurrent: true } });
    await chat.answer('hola');
    await chat.answer('CC 1010101010');
    assert.deepEqual(await chat.answer('para Pedro'), ['eligibility.beneficiaryInactive', 'patient.ask']);
    assert.deepEqual(chat.lastSaid('eligibility.beneficiaryInactive')?.params, { name: 'Pedro' });
  });

  it('goes straight to the menu for a member without beneficiaries', async () => {
    const { carlos } = seedMembers();
    const chat = startConversation({ members: [carlos] });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.equal(chat.state(), 'menu');
  });
});

describe('what the first message asked for is kept (contract point 16)', () => {
  it('"hola necesito cancelar la cita del miércoles": after identification, the Wednesday appointment is confirmed directly', async () => {
    const chat = startConversation();
    chat.agenda.appointments.push(
      makeAppointment({ id: 'apt-wed', patientId: 'mem-carlos', start: `${WEDNESDAY}T15:00:00.000Z`, end: `${WEDNESDAY}T15:20:00.000Z` }),
      makeAppointment({ id: 'apt-fri', patientId: 'mem-carlos', specialty: 'medicina_general', start: `${FRIDAY}T15:00:00.000Z`, end: `${FRIDAY}T15:20:00.000Z` }),
    );
    await chat.answer('hola necesito cancelar la cita del miércoles');
    await chat.answer('sí');
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.welcome', 'cancel.confirm']);
    assert.deepEqual(chat.lastSaid('cancel.confirm')?.params, {
      service: '890201',
      start: `${WEDNESDAY}T15:00:00.000Z`,
      doctor: 'Dr. Andrés Rojas',
      site: 'KENNEDY',
      patient: 'Carlos',
      context: 'self',
    });
    assert.deepEqual(await chat.answer('sí'), ['cancel.done', 'menu.askSelf']);
    assert.deepEqual(chat.agenda.callsOf('cancel'), [{ appointmentId: 'apt-wed' }]);
    assert.deepEqual(chat.records.at(-1), { type: 'outcome', outcome: 'cancelled' });
  });

  it('a request made while the document is asked is noted, and acted on once identified', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('quiero reprogramar una cita'), ['identify.requestNoted', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('CC 2020202020'), ['identify.welcome', 'appointments.none', 'menu.askSelf']);
  });

  it('"quiero agendar medicina general para mi hijo Mateo": no patient question, and the booking asks only what is missing', async () => {
    const chat = startConversation({ input: { phone: LAURA_PHONE, consentCurrent: true } });
    await chat.answer('quiero agendar medicina general para mi hijo Mateo');
    assert.deepEqual(await chat.answer('CC 1010101010'), ['identify.welcome', 'patient.chosen', 'booking.askVisitType']);
    assert.equal(chat.actor.getSnapshot().context.patient?.firstName, 'Mateo');
  });

  it("one message with everything goes from identification straight to that day's slots in that band", async () => {
    const chat = startConversation({ input: { phone: LAURA_PHONE, consentCurrent: true } });
    await chat.answer('hola, quiero una cita de medicina general primera vez en Suba el jueves en la tarde');
    await chat.answer('CC 1010101010');
    assert.deepEqual(await chat.answer('para mí'), ['slots.ask']);
    const slots = chat.lastSaid('slots.ask');
    assert.equal(slots?.params?.day, THURSDAY);
    assert.equal(slots?.params?.band, 'tarde');
    assert.ok((slots?.options ?? []).every((option) => String(option.params?.start).startsWith(THURSDAY)));
  });
});

describe('no availability, end to end', () => {
  it("a member without e-mail and no relative's e-mail hears the way out once, and is back at the menu: never a loop", async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    await chat.answer('agendar');
    await chat.answer('medicina general');
    await chat.answer('primera vez');
    // The in-memory agenda has no slots at Chía.
    await chat.answer('Chía');
    assert.deepEqual(await chat.answer('cualquier horario'), ['riss.offer']);
    assert.deepEqual(await chat.answer('sí'), ['riss.askEmail']);
    assert.deepEqual(await chat.answer('no tengo correo'), ['riss.offerRelativeEmail']);
    assert.deepEqual(await chat.answer('no'), ['riss.noEmailWayOut', 'menu.askSelf']);
    assert.deepEqual(chat.agenda.callsOf('createCase'), []);
    assert.deepEqual(
      chat.records.filter((record) => record.type !== 'consent' && record.type !== 'subject'),
      [
        { type: 'milestone', milestone: 'booking-started' },
        { type: 'milestone', milestone: 'no-availability' },
        { type: 'outcome', outcome: 'abandoned' },
      ],
    );
  });
});

describe('another patient mid-flow', () => {
  async function lauraBooking() {
    const chat = await lauraAtPatientQuestion();
    await chat.answer('para mí');
    await chat.answer('agendar');
    await chat.answer('medicina general');
    return chat;
  }

  it('"no, es para Sofía" asks before switching; yes switches and keeps what was said', async () => {
    const chat = await lauraBooking();
    assert.deepEqual(await chat.answer('no, es para Sofía'), ['patient.confirmSwitch']);
    assert.deepEqual(chat.lastSaid('patient.confirmSwitch')?.params, { name: 'Sofía' });
    const keys = await chat.answer('sí');
    assert.equal(keys.at(-1), 'booking.askVisitType');
    assert.equal(chat.actor.getSnapshot().context.patient?.firstName, 'Sofía');
  });

  it('no goes on with the same patient and what was said', async () => {
    const chat = await lauraBooking();
    await chat.answer('espere, es para Mateo');
    assert.deepEqual(await chat.answer('no'), ['booking.askVisitType']);
    assert.equal(chat.actor.getSnapshot().context.patient?.firstName, 'Laura');
  });

  it('"ahora para Sofía" at the menu switches without asking', async () => {
    const chat = await lauraAtPatientQuestion();
    await chat.answer('para mí');
    assert.deepEqual(await chat.answer('ahora para Sofía'), ['patient.switched', 'menu.askFor']);
    assert.deepEqual(chat.lastSaid('menu.askFor')?.params, { patient: 'Sofía' });
  });

  it('"cambiar paciente" at the menu asks for whom again', async () => {
    const chat = await lauraAtPatientQuestion();
    await chat.answer('para mí');
    assert.deepEqual(await chat.answer('cambiar paciente'), ['patient.ask']);
  });
});

describe('global words (contract point 2)', () => {
  it('"menú" before identification starts over and forgets the document', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('menú'), ['greeting.welcome', 'identify.askDocument']);
    assert.equal(chat.state(), 'awaitingDocument');
    // The date of birth alone identifies nobody: it is kept, and a document is needed first.
    assert.deepEqual(await chat.answer('02/11/1980'), ['identify.dateBeforeDocument']);
    assert.equal(chat.state(), 'awaitingDocument');
  });

  it('"menú" after identification goes back to the main menu, leaving the operation', async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('agendar'), ['booking.askSpecialty']);
    assert.deepEqual(await chat.answer('menú'), ['menu.askSelf']);
    assert.equal(chat.state(), 'menu');
  });

  it('"menú" at the patient question keeps the member verified and asks again', async () => {
    const chat = await lauraAtPatientQuestion();
    assert.deepEqual(await chat.answer('menú'), ['patient.ask']);
    assert.equal(chat.state(), 'awaitingPatient');
    assert.equal(chat.agenda.callsOf('findMember').length, 1);
  });

  it('"ayuda" gives the support line and repeats the pending question', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('ayuda'), ['help.support', 'identify.askBirthDate']);
    assert.deepEqual(await chat.answer('quiero hablar con un asesor'), ['help.support', 'identify.askBirthDate']);
    assert.equal(chat.state(), 'awaitingBirthDate');
  });

  it('"ayuda" in the middle of an operation repeats the operation\'s question', async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    await chat.answer('agendar');
    assert.deepEqual(await chat.answer('ayuda'), ['help.support', 'booking.askSpecialty']);
  });

  it('answers where a site is, what a cita costs and when sites open, then repeats the pending question', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('donde queda la sede de kennedy?'), ['help.address', 'identify.askBirthDate']);
    assert.deepEqual(chat.lastSaid('help.address')?.params, { site: 'KENNEDY' });
    assert.deepEqual(await chat.answer('cuanto vale la cuota moderadora?'), ['help.cost', 'identify.askBirthDate']);
    assert.deepEqual(await chat.answer('a que hora abren?'), ['help.hours', 'identify.askBirthDate']);
    assert.deepEqual(await chat.answer('y eso donde queda?'), ['help.addresses', 'identify.askBirthDate'], 'no site spoken of yet: every site');
    assert.equal(chat.state(), 'awaitingBirthDate');
  });

  it('answers "¿y eso dónde queda?" from the question an operation has pending, and after it from the site it ended at', async () => {
    const chat = startConversation({ input: { phone: LAURA_PHONE, consentCurrent: true } });
    await chat.answer('hola');
    await chat.answer('CC 1010101010');
    await chat.answer('para mí');
    await chat.answer('cita de medicina general primera vez en Suba en la tarde');
    assert.deepEqual(await chat.answer('y eso donde queda?'), ['help.address', 'slots.ask']);
    assert.deepEqual(chat.lastSaid('help.address')?.params, { site: 'SUBA' });
    assert.deepEqual(await chat.answer('cuanto cuesta la cita?'), ['help.cost', 'slots.ask']);
    await chat.answer('la primera');
    await chat.answer('sí');
    assert.equal(chat.state(), 'menu');
    assert.deepEqual(await chat.answer('y eso donde queda?'), ['help.address', 'menu.askSelf']);
    assert.deepEqual(chat.lastSaid('help.address')?.params, { site: 'SUBA' });
  });

  it('"¿y la otra con quién es?" at the menu after a cancellation, no cita spoken of: the citas looked up, each with its doctor', async () => {
    const chat = await lauraAtPatientQuestion();
    await chat.answer('para mí');
    await chat.answer('cita de medicina general primera vez en Suba en la tarde');
    await chat.answer('la primera');
    await chat.answer('sí');
    await chat.answer('cancelar');
    await chat.answer('1');
    await chat.answer('sí');
    assert.equal(chat.state(), 'menu');
    assert.deepEqual(await chat.answer('y la otra con quien es?'), ['appointments.none', 'menu.askSelf']);
  });

  it('answers a site asked about at the authorisation question, and asks for the authorisation again', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.answer('donde queda la de chia?'), ['help.address', 'consent.ask']);
    assert.deepEqual(await chat.answer('y eso para que es?'), ['consent.why', 'consent.ask']);
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

  it('"atrás" at the menu goes back to the patient question', async () => {
    const chat = await lauraAtPatientQuestion();
    await chat.answer('para Mateo');
    assert.deepEqual(await chat.answer('atrás'), ['patient.ask']);
  });

  it('"atrás" at the first question of an operation goes back to the menu', async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    await chat.answer('agendar');
    assert.deepEqual(await chat.answer('atrás'), ['menu.askSelf']);
  });
});

describe('greetings and thanks', () => {
  it('a greeting mid-conversation is answered kindly, and the pending question repeated', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('hola'), ['common.greetAgain', 'identify.askBirthDate']);
    assert.deepEqual(await chat.answer('gracias'), ['common.youAreWelcome', 'identify.askBirthDate']);
  });

  it("during an operation the operation's question is the one repeated", async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    await chat.answer('agendar');
    assert.deepEqual(await chat.answer('buenas tardes'), ['common.greetAgain', 'booking.askSpecialty']);
    assert.deepEqual(await chat.answer('muchas gracias'), ['common.youAreWelcome', 'booking.askSpecialty']);
  });

  it('thanks at the main menu is answered by name, without a miss', async () => {
    const chat = startConversation();
    await chat.consent();
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('gracias'), ['common.thanksAtMenu']);
    assert.deepEqual(chat.lastSaid('common.thanksAtMenu')?.params, { name: 'Carlos' });
  });
});

describe('answers that are not answers: help offered once per question, worded for it', () => {
  it('at the document: re-asks after each (the second in other words), and offers help for documents from the third in a row', async () => {
    const chat = startConversation();
    await chat.consent();
    assert.deepEqual(await chat.answer('no sé'), ['common.notUnderstood', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('???'), ['common.notUnderstoodAgain', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('mmm'), ['common.notUnderstood', 'common.offerHelp.document', 'identify.askDocument']);
    assert.deepEqual(await chat.answer('ehh'), ['common.notUnderstood', 'identify.askDocument']);
    assert.equal(chat.state(), 'awaitingDocument');
  });

  it('at the date of birth, the help is about dates', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.consent();
    await chat.answer('CC 2020202020');
    await chat.answer('mmm');
    await chat.answer('???');
    assert.deepEqual(await chat.answer('ehh'), ['common.notUnderstood', 'common.offerHelp.birthDate', 'identify.askBirthDate']);
  });

  it('at a question with options, the help is about options', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    await chat.answer('quizás');
    await chat.answer('mmm');
    assert.deepEqual(await chat.answer('ehh'), ['common.notUnderstood', 'common.offerHelp.options', 'consent.ask']);
  });

  it('counts afresh once a question is answered', async () => {
    const chat = startConversation({ input: { phone: '+573009999999' } });
    await chat.answer('hola');
    await chat.answer('quizás');
    await chat.answer('tal vez');
    await chat.answer('sí');
    await chat.answer('CC 2020202020');
    assert.deepEqual(await chat.answer('mmm'), ['common.notUnderstood', 'identify.askBirthDate']);
  });

  it('an explicit answer that picks nothing is a miss like any other (the escape hatch)', async () => {
    const chat = startConversation();
    await chat.answer('hola');
    assert.deepEqual(await chat.send({ type: 'USER_MESSAGE', understood: { intent: 'none', intentScore: 0, entities: {} }, messageId: 'explicit' }), [
      'common.notUnderstood',
      'consent.ask',
    ]);
    assert.deepEqual(chat.records, []);
  });
});

describe("the member's own texts are in second person", () => {
  it('a member booking for themself reads "tu cita" (context self); for a child, the child\'s name', async () => {
    const self = await lauraAtPatientQuestion();
    await self.answer('para mí');
    await self.answer('consultar mis citas');
    assert.deepEqual(self.lastSaid('appointments.none')?.params, { patient: 'Laura', context: 'self' });

    const child = await lauraAtPatientQuestion();
    await child.answer('para Sofía');
    await child.answer('consultar citas');
    assert.deepEqual(child.lastSaid('appointments.none')?.params, { patient: 'Sofía' });
  });
});

describe('names said back', () => {
  it('says a name nobody on the plan has as the member wrote it, accents and capital included', async () => {
    const chat = startConversation({ input: { phone: LAURA_PHONE } });
    await chat.consent();
    await chat.answer('CC 1010101010');
    await chat.answer('es para josé');
    assert.equal(chat.lastSaid('patient.unknown')?.params?.name, 'José');
  });
});
