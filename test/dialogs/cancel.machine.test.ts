import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { Appointment, Patient } from '../../bot/domain.js';
import type { Request } from '../../dialogs/appointments.js';
import { cancelMachine } from '../../dialogs/cancel.machine.js';
import { FRIDAY, THURSDAY, agendaError, family, makeAppointment, makePatient, mateo, message, scripted, startDialog } from './harness.js';

const laura = makePatient();

/** General medicine on Thursday 26 at 09:00, Kennedy. */
const first = makeAppointment({ id: 'apt-1' });
/** Pediatrics on Friday 27 at 08:00, Suba. */
const second = makeAppointment({
  id: 'apt-2',
  cups: '890283',
  specialty: 'pediatria',
  site: 'SUBA',
  start: '2026-11-27T13:00:00.000Z',
  end: '2026-11-27T13:20:00.000Z',
  doctor: { id: 'doc-suba-2', name: 'Dra. Paula Ríos' },
});

async function startCancel(options: { listed?: Appointment[] | Error; cancelled?: Appointment | Error; patient?: Patient; request?: Request } = {}) {
  const list = scripted<Appointment[], { patientId: string }>(options.listed ?? [first]);
  const cancel = scripted<Appointment, { appointmentId: string }>(options.cancelled ?? { ...first, status: 'cancelled' });
  const machine = cancelMachine.provide({ actors: { listAppointments: list.logic, cancel: cancel.logic } });
  const chat = await startDialog(machine, {
    patient: options.patient ?? laura,
    patients: family(laura),
    ...(options.request ? { request: options.request } : {}),
  });
  return { chat, lists: list.calls, cancels: cancel.calls };
}

const optionValues = (chat: Awaited<ReturnType<typeof startCancel>>['chat']) => chat.lastPrompt()?.options?.map((o) => o.value);

describe('cancel: which appointment (contract point 13)', () => {
  it('no upcoming appointments: says so, in second person to the member, and outputs none', async () => {
    const { chat, lists } = await startCancel({ listed: [] });
    assert.deepEqual(lists, [{ patientId: 'pat-1' }]);
    assert.deepEqual(chat.keys(), ['appointments.none']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { patient: 'Laura', context: 'self' });
    assert.deepEqual(chat.output(), { outcome: 'none' });
  });

  it('for a beneficiary, the texts name them', async () => {
    const { chat } = await startCancel({ patient: mateo, listed: [] });
    assert.deepEqual(chat.lastReplies()[0]?.params, { patient: 'Mateo' });
  });

  it('one appointment: still asks which, with a list of one', async () => {
    const { chat } = await startCancel({ listed: [first] });
    assert.deepEqual(chat.keys(), ['cancel.askWhich']);
    assert.equal(chat.lastPrompt()?.expects, 'appointment');
    assert.deepEqual(chat.lastPrompt()?.params, { patient: 'Laura', context: 'self' });
    assert.deepEqual(chat.lastPrompt()?.options, [
      { value: 'apt-1', key: 'options.appointment', params: { service: '890201', start: first.start, doctor: 'Dr. Andrés Rojas', site: 'KENNEDY' } },
    ]);
    assert.equal(chat.done(), false);
  });

  it("lists every upcoming appointment, in the agenda's order", async () => {
    const { chat } = await startCancel({ listed: [first, second] });
    assert.deepEqual(optionValues(chat), ['apt-1', 'apt-2']);
  });

  it('"la de pediatría" picks it from the list and asks a yes/no confirmation that names it', async () => {
    const { chat } = await startCancel({ listed: [first, second] });
    await chat.say('la de pediatría');
    assert.deepEqual(chat.keys(), ['cancel.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890283',
      start: second.start,
      doctor: 'Dra. Paula Ríos',
      site: 'SUBA',
      patient: 'Laura',
      context: 'self',
    });
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
  });

  it('an answer that is no appointment of the list is not understood, and the list is shown again', async () => {
    const { chat } = await startCancel({ listed: [first, second] });
    // "La del lunes" when none is on Monday: said plainly, no miss counted.
    await chat.say('la del lunes');
    assert.deepEqual(chat.keys(), ['appointments.noneNamed', 'cancel.askWhich']);
    await chat.say('la de la esquina');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'cancel.askWhich']);
    // An option the list no longer shows (a stale button) is no answer either.
    await chat.send(message({ choice: 'apt-999' }));
    assert.deepEqual(chat.keys(), ['common.notUnderstoodAgain', 'cancel.askWhich']);
    await chat.say('mmm');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'common.offerHelp.options', 'cancel.askWhich']);
  });

  it('"ayuda", a greeting and thanks are answered, then the list again', async () => {
    const { chat } = await startCancel();
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'cancel.askWhich']);
    await chat.say('hola');
    assert.deepEqual(chat.keys(), ['common.greetAgain', 'cancel.askWhich']);
    await chat.say('gracias');
    assert.deepEqual(chat.keys(), ['common.youAreWelcome', 'cancel.askWhich']);
  });

  it('"atrás" at the list outputs back', async () => {
    const { chat } = await startCancel();
    await chat.say('atrás');
    assert.deepEqual(chat.output(), { outcome: 'back' });
  });
});

describe('cancel: the appointment the member named (point 16)', () => {
  it('"la cita del viernes", named before, goes straight to its confirmation', async () => {
    const { chat } = await startCancel({ listed: [first, second], request: { day: FRIDAY, weekday: 5 } });
    assert.deepEqual(chat.keys(), ['cancel.confirm']);
    assert.equal(chat.lastPrompt()?.params?.start, second.start);
  });

  it('"la de medicina general", named before, does the same', async () => {
    const { chat } = await startCancel({ listed: [first, second], request: { specialty: 'medicina_general' } });
    assert.deepEqual(chat.keys(), ['cancel.confirm']);
    assert.equal(chat.lastPrompt()?.params?.start, first.start);
  });

  it('a day no appointment is on is said to have none, then the whole list is shown', async () => {
    const { chat } = await startCancel({ listed: [first, second], request: { day: '2026-11-30', weekday: 1 } });
    assert.deepEqual(chat.keys(), ['appointments.noneNamed', 'cancel.askWhich']);
    assert.deepEqual(optionValues(chat), ['apt-1', 'apt-2']);
  });

  it('words that fit both show the whole list', async () => {
    const { chat } = await startCancel({ listed: [first, { ...second, id: 'apt-3', specialty: 'medicina_general', cups: '890201' }], request: { specialty: 'medicina_general' } });
    assert.deepEqual(chat.keys(), ['cancel.askWhich']);
  });

  it('the only appointment, named, is confirmed too', async () => {
    const { chat } = await startCancel({ listed: [first], request: { day: THURSDAY, weekday: 4 } });
    assert.deepEqual(chat.keys(), ['cancel.confirm']);
  });
});

describe('cancel: confirmation', () => {
  it('yes cancels that appointment, says it is done and outputs cancelled with the appointment cancelled', async () => {
    const { chat, cancels } = await startCancel({ listed: [first, second], cancelled: { ...second, status: 'cancelled' } });
    await chat.say('la segunda');
    await chat.say('sí, cancélela');
    assert.deepEqual(cancels, [{ appointmentId: 'apt-2' }]);
    assert.deepEqual(chat.keys(), ['cancel.done']);
    assert.equal(chat.lastReplies()[0]?.params?.start, second.start);
    assert.deepEqual(chat.output(), { outcome: 'cancelled', appointment: second });
  });

  it('no cancels nothing and goes back to the list: the member may have meant another one', async () => {
    const { chat, cancels } = await startCancel({ listed: [first, second], cancelled: { ...second, status: 'cancelled' } });
    await chat.say('la primera');
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['cancel.kept', 'cancel.askWhich']);
    assert.equal(cancels.length, 0);
    assert.equal(chat.done(), false);
    await chat.say('la segunda');
    await chat.say('sí');
    assert.deepEqual(cancels, [{ appointmentId: 'apt-2' }]);
  });

  it('"déjeme lo pienso" cancels nothing, says the appointment stays and ends the cancellation, with the appointment kept', async () => {
    const { chat, cancels } = await startCancel({ listed: [first, second] });
    await chat.say('la segunda');
    await chat.say('mmm no sé, déjeme lo pienso');
    assert.deepEqual(chat.keys(), ['cancel.leftAsIs']);
    assert.equal(chat.lastReplies()[0]?.params?.start, second.start);
    assert.equal(cancels.length, 0);
    // (The appointment kept is the one spoken of: "¿y a qué hora tengo que llegar?" after it is told its hour.)
    assert.deepEqual(chat.output(), { outcome: 'abandoned', kept: second });
  });

  it('"atrás" at the confirmation goes back to the list too', async () => {
    const { chat, cancels } = await startCancel();
    await chat.say('la primera');
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['cancel.kept', 'cancel.askWhich']);
    assert.equal(cancels.length, 0);
  });

  it('an answer that is neither yes nor no asks again', async () => {
    const { chat, cancels } = await startCancel();
    await chat.say('1');
    await chat.say('mmm');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'cancel.confirm']);
    assert.equal(cancels.length, 0);
  });
});

describe('cancel: another patient', () => {
  it('"no, es para Sofía" at the list ends with the message, for the conversation to ask', async () => {
    const { chat } = await startCancel();
    await chat.say('no, es la de Sofía');
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.deepEqual(output?.outcome === 'revise' ? output.request : undefined, {});
    assert.deepEqual(output?.outcome === 'revise' ? output.understood.entities.patients : undefined, [{ kind: 'name', name: 'sofia', written: 'Sofía' }]);
  });

  it('at the confirmation it keeps which appointment was chosen', async () => {
    const { chat, cancels } = await startCancel();
    await chat.say('la primera');
    await chat.say('espere, es para Mateo');
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.deepEqual(output?.outcome === 'revise' ? output.request : undefined, { appointmentId: 'apt-1' });
    assert.equal(cancels.length, 0);
  });
});

describe('cancel: agenda errors', () => {
  it('the list failing says the agenda is unavailable and outputs error', async () => {
    const { chat } = await startCancel({ listed: agendaError('UNAVAILABLE') });
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('the cancellation failing says the agenda is unavailable and outputs error', async () => {
    const { chat, cancels } = await startCancel({ cancelled: agendaError('TIMEOUT') });
    await chat.say('1');
    await chat.say('sí');
    assert.equal(cancels.length, 1);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});
