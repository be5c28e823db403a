/**
 * What Lina answers to a question asked by the way (dialogs/speech.ts, `answerTo`): read from the
 * pending question, never a guess.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, option, reply } from '../../dialogs/replies.js';
import { answerTo } from '../../dialogs/speech.js';

const slots = (doctors: string[]) =>
  ask(
    'slot',
    'slots.ask',
    {},
    doctors.map((doctor, index) => option(`slot-${index}`, 'options.slot', { start: '2026-11-23T17:00:00Z', doctor, site: 'SUBA' })),
  );

describe('answerTo: "¿con qué doctor es?"', () => {
  it('names the one doctor of a confirmation', () => {
    assert.deepEqual(answerTo('doctor', ask('confirm', 'booking.confirm', { doctor: 'Dra. Marta Salazar', site: 'SUBA' })), reply('help.doctor', { doctor: 'Dra. Marta Salazar' }));
  });

  it('names the doctor every slot shown shares', () => {
    assert.deepEqual(answerTo('doctor', slots(['Dra. Marta Salazar', 'Dra. Marta Salazar'])), reply('help.doctor', { doctor: 'Dra. Marta Salazar' }));
  });

  it('points to the lines when the slots shown are with several doctors', () => {
    assert.deepEqual(answerTo('doctor', slots(['Dra. Marta Salazar', 'Dr. Andrés Rojas'])), reply('help.doctorOnEachLine'));
  });

  it('gives the support lines when nothing shown names a doctor', () => {
    assert.deepEqual(answerTo('doctor', ask('band', 'booking.askFranja')), reply('help.support'));
    assert.deepEqual(answerTo('doctor', undefined), reply('help.support'));
  });
});

describe('answerTo: "¿me manda la confirmación al correo?"', () => {
  it('says honestly that Lina sends no e-mails, wherever it is asked', () => {
    assert.deepEqual(answerTo('byEmail', ask('menu', 'menu.askSelf')), reply('help.byEmail'));
    assert.deepEqual(answerTo('byEmail', undefined), reply('help.byEmail'));
  });
});
