import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Appointment } from '../../bot/domain.js';
import { cancelMachine } from '../../dialogs/cancel.machine.js';
import { agendaError, makeAppointment, makePatient, scripted, startDialog } from './harness.js';

const first = makeAppointment({ id: 'apt-1' });
const second = makeAppointment({
  id: 'apt-2',
  cups: '890283',
  specialty: 'pediatria',
  site: 'SUBA',
  start: '2026-11-27T13:00:00.000Z',
  end: '2026-11-27T13:20:00.000Z',
  doctor: { id: 'doc-suba-2', name: 'Dra. Paula Ríos' },
});

async function startCancel(options: { listed?: Appointment[] | Error; cancelled?: Appointment | Error } = {}) {
  const list = scripted<Appointment[], { patientId: string }>(options.listed ?? [first]);
  const cancel = scripted<Appointment, { appointmentId: string }>(options.cancelled ?? { ...first, status: 'cancelled' });
  const machine = cancelMachine.provide({ actors: { listAppointments: list.logic, cancel: cancel.logic } });
  const chat = await startDialog(machine, { patient: makePatient() });
  return { chat, lists: list.calls, cancels: cancel.calls };
}

describe('cancel (contract point 13)', () => {
  it('no upcoming appointments: says so and outputs none', async () => {
    const { chat, lists } = await startCancel({ listed: [] });
    assert.deepEqual(lists, [{ patientId: 'pat-1' }]);
    assert.deepEqual(chat.keys(), ['appointments.none']);
    assert.equal(chat.lastReplies()[0]?.params?.patient, 'Laura');
    assert.deepEqual(chat.output(), { outcome: 'none' });
  });

  it('one appointment: still asks which, with a list of one', async () => {
    const { chat } = await startCancel({ listed: [first] });
    assert.deepEqual(chat.keys(), ['cancel.askWhich']);
    assert.deepEqual(chat.lastPrompt()?.options, [
      {
        value: 'apt-1',
        key: 'options.appointment',
        params: { service: '890201', start: first.start, doctor: 'Dr. Andrés Rojas', site: 'KENNEDY' },
      },
    ]);
    assert.equal(chat.done(), false);
  });

  it('lists every upcoming appointment, in the agenda\'s order', async () => {
    const { chat } = await startCancel({ listed: [first, second] });
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['apt-1', 'apt-2']);
  });

  it('asks a yes/no confirmation about the appointment picked', async () => {
    const { chat } = await startCancel({ listed: [first, second] });
    await chat.say('2', 'apt-2');
    assert.deepEqual(chat.keys(), ['cancel.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890283',
      start: second.start,
      doctor: 'Dra. Paula Ríos',
      site: 'SUBA',
    });
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
  });

  it('yes cancels that appointment, says it is done and outputs cancelled', async () => {
    const { chat, cancels } = await startCancel({ listed: [first, second], cancelled: { ...second, status: 'cancelled' } });
    await chat.say('2', 'apt-2');
    await chat.say('sí', 'yes');
    assert.deepEqual(cancels, [{ appointmentId: 'apt-2' }]);
    assert.deepEqual(chat.keys(), ['cancel.done']);
    assert.equal(chat.lastReplies()[0]?.params?.start, second.start);
    assert.deepEqual(chat.output(), { outcome: 'cancelled' });
  });

  it('no keeps the appointment and cancels nothing', async () => {
    const { chat, cancels } = await startCancel();
    await chat.say('1', 'apt-1');
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['cancel.kept']);
    assert.equal(cancels.length, 0);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('an answer that is no appointment of the list is not understood and the list is shown again', async () => {
    const { chat } = await startCancel();
    await chat.say('la del viernes');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'cancel.askWhich']);
    await chat.say('x', 'apt-999');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'cancel.askWhich']);
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'cancel.askWhich']);
  });

  it('the list failing says the agenda is unavailable and outputs error', async () => {
    const { chat } = await startCancel({ listed: agendaError('UNAVAILABLE') });
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('the cancellation failing says the agenda is unavailable and outputs error', async () => {
    const { chat, cancels } = await startCancel({ cancelled: agendaError('TIMEOUT') });
    await chat.say('1', 'apt-1');
    await chat.say('sí', 'yes');
    assert.equal(cancels.length, 1);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});
