import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { clauseOperation, splitRequests } from '../../../bot/understanding/follow-up.js';
import { normalizeMessage, wordsOf } from '../../../bot/understanding/words.js';

const words = (clause: string) => wordsOf(normalizeMessage(clause));
const split = (text: string) => splitRequests(text, words);

test('a connector followed by another operation splits the message in two requests', () => {
  assert.deepEqual(split('quiero cancelar la cita del miercoles y sacar una nueva de medicina general para el viernes en la mañana'), {
    first: 'quiero cancelar la cita del miercoles',
    second: 'sacar una nueva de medicina general para el viernes en la mañana',
    firstOperation: 'cancel',
    secondOperation: 'book',
  });
  assert.equal(split('agendar una para mi y consultar las de mateo')?.secondOperation, 'consult');
  assert.deepEqual(
    [split('cancelar la de mateo y pedir otra para sofia el jueves')?.first, split('cancelar la de mateo y pedir otra para sofia el jueves')?.second],
    ['cancelar la de mateo', 'pedir otra para sofia el jueves'],
  );
  const moveThenCancel = split('reprogramar la del miércoles y también cancelar la del viernes');
  assert.equal(moveThenCancel?.firstOperation, 'reschedule');
  assert.equal(moveThenCancel?.second, 'cancelar la del viernes');
});

test('the first connector that opens another operation is the split, not one that joins people', () => {
  assert.equal(split('agendar una cita para mi y para mateo y consultar las de sofia')?.first, 'agendar una cita para mi y para mateo');
});

test('no split without an operation on both sides, or with the same operation twice', () => {
  assert.equal(split('cancelar la de mateo y sofia'), undefined);
  assert.equal(split('pediatría pero primero quiero cancelar otra cita'), undefined);
  assert.equal(split('Sí, y también quiero una para Mateo'), undefined);
  assert.equal(split('quiero cambiar la cita y pasarla para el viernes'), undefined);
  assert.equal(split('cancelar la cita y no quiero agendar otra'), undefined);
});

test('a new booking said as the second request is one', () => {
  assert.equal(clauseOperation('sacar una nueva de medicina general'), 'book');
  assert.equal(clauseOperation('pedir otra para sofia'), 'book');
  assert.equal(clauseOperation('para el viernes'), undefined);
});

test('two bookings split when their clauses ask for different things, and a verbless "una de pediatría" after "y también" is the second booking', () => {
  const different = (first: string, second: string) => /pediatr/.test(first) !== /pediatr/.test(second);
  const twoBookings = splitRequests('necesito cita de medicina general para mi y tambien una de pediatria para la niña', words, different);
  assert.deepEqual(twoBookings, {
    first: 'necesito cita de medicina general para mi',
    second: 'una de pediatria para la niña',
    firstOperation: 'book',
    secondOperation: 'book',
  });
  assert.equal(splitRequests('quiero sacar una de medicina general para mi y otra de pediatria para mateo', words, different)?.second, 'otra de pediatria para mateo');
  // The same thing for two people stays one request for both; without `distinct`, never two bookings.
  assert.equal(splitRequests('quiero una cita para mi y otra para mi hijo', words, different), undefined);
  assert.equal(splitRequests('necesito cita de medicina general para mi y tambien una de pediatria para la niña', words), undefined);
});
