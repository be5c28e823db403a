/**
 * Whatever a member writes, and in whatever order, nothing Lina understands skips the steps that
 * protect them: no personal data before the authorisation, no operation before identification,
 * no booking, cancellation or move without a yes to a question that named it.
 *
 * Conversations are drawn at random from members' real phrasings (the labelled corpus) mixed
 * with the answers that move a conversation forward, so they reach every step.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import type { Appointment } from '../../bot/domain.js';
import { readSplit } from '../understanding/evaluate.js';
import { createFakeAgenda } from '../fakes/agenda.fake.js';
import { plainText, startChat } from '../fakes/chat.js';

const FORWARD = [
  'hola',
  'sí',
  'si',
  'no',
  'CC 1010101010',
  'cc 5050505050',
  '15/03/1994',
  'para mí',
  'para mateo',
  'sofia',
  'agendar',
  'cancelar',
  'reprogramar',
  'consultar',
  'medicina general',
  'pediatria',
  'primera vez',
  'control',
  'no programada',
  'suba',
  'kennedy',
  'en la tarde',
  'cualquiera',
  '1',
  '2',
  'la primera',
  'el jueves',
  'otro dia',
  'mas horarios',
  'atras',
  'menu',
  'dale',
  '👍',
  'si pero el jueves',
  'no, es para sofia',
  'cambiar paciente',
  'gracias',
  'no mejor pediatria',
];
const corpus = [...readSplit('training'), ...readSplit('dev')].map((entry) => entry.text);
const message = fc.oneof({ arbitrary: fc.constantFrom(...FORWARD), weight: 4 }, { arbitrary: fc.constantFrom(...corpus), weight: 1 });

/** The paths that end in the agenda changing: a booking, a cancellation, a move. */
const SPINES = [
  ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', 'suba', 'cualquiera', '1', 'sí'],
  ['hola', 'sí', 'CC 1010101010', 'para mateo', 'agendar', 'pediatria', 'control', 'kennedy', 'en la tarde', 'la primera', 'dale'],
  ['hola', 'si', 'cc 5050505050', '07/07/1999', 'cancelar', '1', 'si'],
  ['hola', 'si', 'cc 5050505050', '07/07/1999', 'reprogramar', '1', 'tarde', '1', 'si'],
];

/** A path with random messages slipped in anywhere: most still get there, some wander off. */
const conversation = fc.tuple(fc.constantFrom(...SPINES), fc.array(fc.tuple(fc.nat(), message), { maxLength: 6 })).map(([spine, noise]) => {
  const messages = [...spine];
  for (const [at, text] of noise) messages.splice(at % (messages.length + 1), 0, text);
  return messages;
});

/** Which appointments exist and when, to see what a turn changed. */
const stateOf = (appointments: readonly Appointment[]) =>
  appointments
    .map((a) => `${a.id}:${a.status}:${a.start}`)
    .sort()
    .join('|');

/** Questions that name what a yes will do. */
const CONFIRMATIONS = [/¿La confirmo\?/, /¿La cancelo\?/, /¿La muevo\?/, /¿agendo la cita del/i, /¿Lo intento de nuevo\?/];
const ASKS_DOCUMENT = /número de documento|tipo de documento|fecha de nacimiento/i;
const CONSENT_ASKED = /¿Autorizas el tratamiento de tus datos\?/;
/** The answer to a no: a yes right after it ("ay no, perdón, sí acepto") still answers the question just asked. */
const CONSENT_DECLINED = /no guardaremos ningún dato tuyo/;

describe('what Lina understands never skips a protecting step', () => {
  it('asks for data only after the authorisation, and books, cancels or moves only after a yes to a question that named it', async () => {
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(conversation, fc.array(message, { minLength: 6, maxLength: 28 })), async (messages) => {
        const agenda = createFakeAgenda();
        const chat = await startChat({ agenda });
        let previousReply = '';
        let replyBefore = '';
        let authorised = false;
        let before = stateOf(agenda.appointments);
        for (const text of messages) {
          const replies = await chat.say(text);
          const reply = plainText(replies);
          const consentJustAsked = CONSENT_ASKED.test(previousReply) || (CONSENT_DECLINED.test(previousReply) && CONSENT_ASKED.test(replyBefore));
          if (consentJustAsked && /Quedó registrada tu autorización/.test(reply)) authorised = true;
          assert.ok(authorised || !ASKS_DOCUMENT.test(reply), `personal data asked before the authorisation, after "${text}": ${reply}`);
          const after = stateOf(agenda.appointments);
          if (after !== before) {
            changes += 1;
            assert.ok(
              CONFIRMATIONS.some((question) => question.test(previousReply)),
              `the agenda changed after "${text}" without a confirmation question before it:\n${previousReply}\n→ ${reply}`,
            );
            assert.ok(authorised, 'the agenda changed before the authorisation');
          }
          before = after;
          replyBefore = previousReply;
          previousReply = reply;
        }
      }),
      { numRuns: Number(process.env.SKIP_RUNS ?? 60) },
    );
    // The random conversations did reach bookings, cancellations or moves: the property was tested.
    assert.ok(changes > 0, 'no conversation changed the agenda');
  });
});
