import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { mentionsRedFlag, mentionsUrgency } from '../../../bot/understanding/red-flags.js';

describe('signs of an emergency in a message', () => {
  for (const text of [
    'la niña tiene fiebre de 40 y le esta costando respirar, necesito q la vean ya',
    'mi hijo no puede respirar bien',
    'tengo un dolor muy fuerte en el pecho',
    'el niño convulsionó anoche',
    'mi mamá se desmayó',
    'está vomitando sangre',
    'se tomó unas pastillas de la abuela',
    'tiene fiebre alta que no baja desde ayer',
    'FIEBRE DE CUARENTA',
    // In everyday words (member testing).
    'ay no, me estoy desmayando, me siento muy mal',
    'siento que me voy a desmayar',
    'el bebe se esta poniendo azul',
    'tiene los labios azules',
    'le sale mucha sangre de la nariz y no para',
    'tiene una hemorragia',
    'le cuesta trabajo respirar',
    'respira con dificultad',
    'me aprieta el pecho y me duele el brazo izquierdo',
    'creo que es un infarto',
    'tengo una fiebre altisima de 40.5',
    'tiene 40 grados',
    'mi papa esta inconsciente',
    'el niño se cayó de la cama y se pegó en la cabeza, está vomitando, a dónde lo llevo??',
    'esta vomitando desde que se dio un golpe en la cabeza',
  ]) {
    it(`reads "${text}" as one`, () => assert.equal(mentionsRedFlag(text), true));
  }
  for (const text of [
    'necesito cita de control de pediatría',
    'tiene fiebre desde anoche',
    'tengo gripa y tos',
    'dolor de cabeza',
    'la cita del 40',
    'no programada, para hoy si se puede',
    'respira bien pero tiene mocos',
    'la sangre para el examen',
    'la camiseta azul',
    'me duele la cabeza y vomité ayer',
    'se pegó en la cabeza pero está bien',
    '',
  ]) {
    it(`does not read "${text}" as one`, () => assert.equal(mentionsRedFlag(text), false));
  }
});

describe('urgency said, with no sign of an emergency', () => {
  for (const text of ['NECESITO UNA CITA PARA MI HIJO URGENTE', 'es de urgencia', 'necesito cita urgentemente']) {
    it(`reads "${text}" as urgent`, () => assert.equal(mentionsUrgency(text), true));
  }
  for (const text of ['no es urgente, cuando haya', 'necesito cita de control', '']) {
    it(`does not read "${text}" as urgent`, () => assert.equal(mentionsUrgency(text), false));
  }
});

describe('signs of an emergency in everyday words (member testing)', () => {
  for (const text of [
    'me duele mucho el pecho y no puedo respirar bien',
    'tiene 40 de fiebre',
    'me estoy ahogando',
    'se le fue el aire al niño y esta morado',
    'no respira bien, se puso morado',
  ]) {
    it(`reads "${text}" as one`, () => assert.equal(mentionsRedFlag(text), true));
  }
  for (const text of ['no puedo ir el martes', 'me duele la cabeza', 'la de las 4 no puedo']) {
    it(`does not read "${text}" as one`, () => assert.equal(mentionsRedFlag(text), false));
  }
});
