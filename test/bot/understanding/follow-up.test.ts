import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { clauseOperation, listedRequests, splitRequests } from '../../../bot/understanding/follow-up.js';
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

test("a list of the member's own, one item a line or numbered on one line, is read from its first item, the second next", () => {
  const list = (text: string) => listedRequests(text, words, true);
  assert.deepEqual(list('Necesito 3 cosas:\n- cita de medicina general pa mí\n- cancelar la de pediatría del viernes\n- que me llame un asesor'), {
    first: 'Necesito 3 cosas: cita de medicina general pa mí',
    second: 'cancelar la de pediatría del viernes',
    secondOperation: 'cancel',
  });
  assert.deepEqual(list('quiero sacar 3 citas: 1. medicina general para mí 2. pediatría para Mateo 3. pediatría para Sofía'), {
    first: 'quiero sacar 3 citas: medicina general para mí',
    second: 'pediatría para Mateo',
    secondOperation: 'book',
  });
  assert.deepEqual(list('Tengo varias cosas: 1) cancelar la cita de Sofi del viernes 2) reprogramar la mía 3) sacarle una a Mateo'), {
    first: 'Tengo varias cosas: cancelar la cita de Sofi del viernes',
    second: 'reprogramar la mía',
    secondOperation: 'reschedule',
  });
  assert.equal(
    list('primero, cambiar la cita de Mateo del viernes; segundo, sacarle cita de pediatría a Sofía; y tercero, saber si la mía sigue')?.second,
    'sacarle cita de pediatría a Sofía',
  );
  // An item that names no operation is still cut off from the first, with nothing taken up next.
  assert.deepEqual(list('dos cosas:\n- cancelar la del viernes\n- gracias por todo'), { first: 'dos cosas: cancelar la del viernes', second: 'gracias por todo' });
});

test('no list without two items: an hour or a number that closes a sentence is no item', () => {
  const list = (text: string) => listedRequests(text, words, true);
  assert.equal(list('quiero la cita a las 2. Gracias'), undefined);
  assert.equal(list('la 1. y ya'), undefined);
  assert.equal(list('cancelar la cita del viernes 27 y sacar otra'), undefined);
  assert.equal(list('- cancelar la del viernes'), undefined);
});
