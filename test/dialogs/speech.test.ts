/**
 * What Lina answers to a question asked by the way (dialogs/speech.ts, `answerTo`): read from the
 * pending question, never a guess.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ask, option, reply } from '../../dialogs/replies.js';
import { aboutOne, answerTo, missReplies } from '../../dialogs/speech.js';

const slots = (doctors: string[]) =>
  ask(
    'slot',
    'slots.ask',
    { site: 'SUBA' },
    doctors.map((doctor, index) => option(`slot-${index}`, 'options.slot', { start: '2026-11-23T17:00:00Z', doctor })),
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

  it('names the doctor of the one cita just listed, booked or moved when the question (the menu) shows none', () => {
    assert.deepEqual(answerTo('doctor', ask('menu', 'menu.askSelf'), { doctor: 'Dr. Mauricio Cárdenas' }), reply('help.doctor', { doctor: 'Dr. Mauricio Cárdenas' }));
  });

  it('gives the support lines when nothing shown names a doctor', () => {
    assert.deepEqual(answerTo('doctor', ask('band', 'booking.askFranja')), reply('help.support'));
    assert.deepEqual(answerTo('doctor', undefined), reply('help.support'));
  });
});

describe('answerTo: "¿con qué doctor es la primera?" (one option asked about)', () => {
  it('names the doctor of the option asked about, with its day and hour, and marks the question as pointed at it', () => {
    const shown = slots(['Dra. Marta Salazar', 'Dr. Andrés Rojas']);
    const about = aboutOne(shown, 'slot-1');
    assert.equal(about?.pointed, 'slot-1');
    assert.deepEqual(answerTo('doctor', about), reply('help.doctor', { doctor: 'Dr. Andrés Rojas', start: '2026-11-23T17:00:00Z', context: 'pointed' }));
  });

  it('leaves the question as it is when the option asked about is not shown', () => {
    const shown = slots(['Dra. Marta Salazar', 'Dr. Andrés Rojas']);
    assert.equal(aboutOne(shown, 'slot-9'), shown);
    assert.deepEqual(answerTo('doctor', aboutOne(shown, 'slot-9')), reply('help.doctorOnEachLine'));
  });
});

describe('answerTo: "¿ya quedó?" at the menu', () => {
  const menu = ask('menu', 'menu.askSelf');
  it('says the cita just booked or moved, with its day, hour and doctor', () => {
    assert.deepEqual(
      answerTo('done', menu, { done: { outcome: 'booked', start: '2026-11-24T12:20:00Z', doctor: 'Dra. Juliana Patiño' } }),
      reply('help.done', { context: 'booked', start: '2026-11-24T12:20:00Z', doctor: 'Dra. Juliana Patiño' }),
    );
    const moved = { outcome: 'rescheduled', start: '2026-11-24T12:20:00Z', doctor: 'Dra. Juliana Patiño' } as const;
    assert.equal(answerTo('done', menu, { done: moved }).params?.context, 'rescheduled');
    // (A cita looked up afterwards, spoken of as `start` and `doctor`, does not change what was done.)
    assert.equal(answerTo('done', menu, { start: '2026-12-01T15:00:00Z', doctor: 'Dr. Otro', done: moved }).params?.start, '2026-11-24T12:20:00Z');
  });

  it('says a cancellation and a case filed as done, the case with its number', () => {
    assert.deepEqual(answerTo('done', menu, { done: { outcome: 'cancelled' } }), reply('help.done', { context: 'cancelled' }));
    assert.deepEqual(
      answerTo('done', menu, { rissCase: { radicado: 'RISS-1', dueDate: '2026-11-30' }, done: { outcome: 'case' } }),
      reply('help.done', { context: 'case', radicado: 'RISS-1', dueDate: '2026-11-30' }),
    );
  });

  it('says nothing is done yet before any operation', () => {
    assert.deepEqual(answerTo('done', menu), reply('help.done'));
  });
});

describe('answerTo: "¿me manda la confirmación al correo?"', () => {
  it('says honestly that Lina sends no e-mails, wherever it is asked', () => {
    assert.deepEqual(answerTo('byEmail', ask('menu', 'menu.askSelf')), reply('help.byEmail'));
    assert.deepEqual(answerTo('byEmail', undefined), reply('help.byEmail'));
  });
});

describe('missReplies: a miss, a second one, and annoyance', () => {
  const band = ask('band', 'booking.askFranja', {}, [option('manana', 'franjas.manana'), option('tarde', 'franjas.tarde')]);
  const message = (entities: Record<string, unknown>) => ({ type: 'USER_MESSAGE', understood: { intent: 'none', intentScore: 1, entities } });

  it('says "No te entendí" the first time and other, shorter words with the options the second time', () => {
    const first = missReplies({ lastPrompt: band, invalidAnswers: 0 }, message({}));
    assert.deepEqual(first.replies, [reply('common.notUnderstood'), band]);
    const second = missReplies({ lastPrompt: band, invalidAnswers: 1 }, message({}));
    assert.deepEqual(second.replies, [reply('common.notUnderstoodAgain', { context: 'options' }), band]);
    assert.equal(second.invalidAnswers, 2);
  });

  it('"así está bien" is no miss: nothing taken at a list, nothing done at a confirmation', () => {
    const atList = missReplies({ lastPrompt: band, invalidAnswers: 1 }, message({ fineAsIs: true }));
    assert.deepEqual(atList.replies, [reply('common.fineAsIs', { context: undefined }), band]);
    assert.equal(atList.invalidAnswers, 1);
    const confirm = ask('confirm', 'booking.confirm', {}, [option('yes', 'options.yes'), option('no', 'options.no')]);
    assert.deepEqual(missReplies({ lastPrompt: confirm, invalidAnswers: 0 }, message({ fineAsIs: true })).replies, [reply('common.fineAsIs', { context: 'confirm' }), confirm]);
  });

  it('an annoyed message is no miss: an apology with the way out, then the help in other words, never the same twice', () => {
    const first = missReplies({ lastPrompt: band, invalidAnswers: 1 }, message({ annoyed: true }));
    assert.deepEqual(first.replies, [reply('common.annoyed', { context: 'options' }), band]);
    assert.equal(first.invalidAnswers, 1);
    const again = missReplies({ lastPrompt: band, invalidAnswers: 1, apologized: true }, message({ annoyed: true }));
    assert.deepEqual(again.replies, [reply('common.offerHelp.options'), band]);
    assert.equal(again.invalidAnswers, 1);
    assert.equal(again.helpOffered, true);
  });
});
