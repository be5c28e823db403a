/**
 * Hostile input at every step a member can be waiting at: whatever arrives (unicode, emoji,
 * right-to-left and zero-width characters, 64 KB texts, control characters, SQL and HTML
 * injection, format strings), Lina answers with bounded text, never crashes, never echoes
 * markup, stores nothing a page could run, and the conversation still works afterwards.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import type { StoredSession } from '../../bot/ports.js';
import { createFakeSessionStore, type FakeSessionStore } from '../fakes/session-store.fake.js';
import { makeRenderer, plainText, startChat } from '../fakes/chat.js';

/** Each waiting step, as the messages that reach it from a first hello (Laura on her own WhatsApp). */
const STEPS: Record<string, string[]> = {
  firstMessage: [],
  consent: ['hola'],
  document: ['hola', 'sí'],
  documentType: ['hola', 'sí', '1010101010'],
  patient: ['hola', 'sí', 'CC 1010101010'],
  menu: ['hola', 'sí', 'CC 1010101010', 'para mí'],
  specialty: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar'],
  visitType: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general'],
  site: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez'],
  franja: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1'],
  slot: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1', 'cualquiera'],
  confirmation: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1', 'cualquiera', '1'],
  consultAfterBooking: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1', 'cualquiera', '1', 'sí'],
  cancelChoice: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1', 'cualquiera', '1', 'sí', 'cancelar'],
  rescheduleChoice: ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1', 'cualquiera', '1', 'sí', 'reprogramar'],
};

const MAX_REPLY_LENGTH = 4096;
const TURN_FAILED = makeRenderer().text('errors.turnFailed');
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const STORED_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const hostileText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 4 },
  { arbitrary: fc.constantFrom('a', 'ñ', '<', '😀', '\u202e').map((unit) => unit.repeat(64 * 1024)), weight: 1 },
  fc.constantFrom(
    "'; DROP TABLE sessions; --",
    '" OR 1=1 --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{constructor.constructor("return process")()}}',
    '%s%s%s%n%x',
    '$' + '{process.exit(1)}',
    '\u202eolleh\u202c',
    'h\u200bo\u200dl\u2060a',
    'مرحبا',
    '😀👩‍👩‍👧‍👦🇨🇴',
    '\u0000\u0001\u0007\u001b[31m',
    '   ',
    '\n\n\n',
    '1'.repeat(5000),
    'a'.repeat(2001),
    'CC ' + '9'.repeat(400),
    '32/13/1994',
    '__proto__',
    'constructor',
  ),
  {
    arbitrary: fc
      .tuple(fc.constantFrom('sí', 'no', '1', '2', 'menú', 'ayuda', 'salir', 'CC 1010101010'), fc.string({ unit: 'grapheme', maxLength: 20 }))
      .map(([word, noise]) => `${noise}${word}${noise}`),
    weight: 2,
  },
);

/** Each step's saved session and consents, reached once; every run starts from a copy. */
async function reachSteps() {
  const reached = new Map<string, { sessions: Map<string, StoredSession>; consents: FakeSessionStore['consents'] }>();
  for (const [name, messages] of Object.entries(STEPS)) {
    const store = createFakeSessionStore();
    const chat = await startChat({ store });
    for (const said of messages) await chat.say(said);
    reached.set(name, { sessions: new Map(store.sessions), consents: [...store.consents] });
  }
  return reached;
}

describe('hostile input at every waiting step', () => {
  it('never crashes, answers within bounds, stores nothing a page could run, and recovers', async () => {
    const reached = await reachSteps();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reached.keys()), hostileText, async (step, text) => {
        const store = createFakeSessionStore();
        const saved = reached.get(step);
        for (const [key, session] of saved?.sessions ?? []) store.put(key, session);
        store.consents.push(...(saved?.consents ?? []));
        const chat = await startChat({ store });

        const replies = await chat.engine.handle(chat.message(text));
        assert.ok(replies.length > 0, 'every message gets an answer');
        // The fake agenda never fails: an apology for a failed turn means Lina broke on the text.
        assert.ok(!plainText(replies).includes(TURN_FAILED), 'the turn did not fail');
        for (const reply of replies) {
          assert.ok(reply.text.length > 0 && reply.text.length <= MAX_REPLY_LENGTH, 'bounded answer');
          if (/[<>]/.test(text)) assert.ok(!reply.text.includes(text), 'markup is never echoed');
          assert.ok(!/<script|onerror=/i.test(plainText([reply])), 'no markup in answers');
        }
        for (const line of store.transcript) assert.ok(!STORED_CONTROL.test(line.text), 'no control characters stored');

        // The conversation still works: help answers and repeats the pending question.
        const after = await chat.engine.handle(chat.message('ayuda'));
        assert.ok(after.length > 0);
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 10_000), seed: Number(process.env.HOSTILE_SEED ?? 1581) },
    );
  });
});
