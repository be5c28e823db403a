/** What a turn stores: its transcript lines and what the machines' records add (consents, events, subjects, outcome). */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { baseCommit, recordsCommit, transcriptOf } from '../../../bot/turn/turn-commit.js';
import type { InboundMessage } from '../../../bot/messages.js';

const message: InboundMessage = { channel: 'whatsapp', userId: '+573001112233', messageId: 'm-1', text: 'hola necesito una cita', receivedAt: new Date(0), site: 'SUBA' };

describe('a turn commit', () => {
  it('starts from who, which conversation, which message and when', () => {
    assert.deepEqual(baseCommit('whatsapp:+573001112233', 'c-1', message, new Date(1_000), true), {
      sessionKey: 'whatsapp:+573001112233',
      conversationId: 'c-1',
      channel: 'whatsapp',
      userId: '+573001112233',
      site: 'SUBA',
      conversationStarted: true,
      messageId: 'm-1',
      transcript: [],
      consents: [],
      events: [],
      at: 1_000,
    });
  });

  it("writes the member's line (cut to the longest message read) and Lina's, with options and state", () => {
    const lines = transcriptOf(message, false, [{ text: '¿Qué quieres hacer?', options: [{ label: 'Agendar cita', value: 'book' }] }], 5, 'menu');
    assert.deepEqual(lines, [
      { direction: 'in', text: 'hola ', messageId: 'm-1' },
      { direction: 'out', text: '¿Qué quieres hacer?', options: ['Agendar cita'], state: 'menu' },
    ]);
    assert.deepEqual(transcriptOf(message, true, [{ text: 'Hola' }], 5), [{ direction: 'out', text: 'Hola' }]);
  });

  it('adds consents with the text shown, events, subjects and the last outcome', () => {
    const commit = recordsCommit(
      [
        { type: 'consent', accepted: true, policyVersion: '2026-01' },
        { type: 'milestone', milestone: 'booking-started' },
        { type: 'subject', kind: 'document', value: 'CC:1010101010' },
        { type: 'outcome', outcome: 'abandoned' },
        { type: 'outcome', outcome: 'booked', site: 'SUBA' },
        { type: 'identity-failure', document: 'CC:1' },
      ],
      {
        startedBecause: 'first-contact',
        phone: '+573001112233',
        actorErrors: ['AGENDA_TIMEOUT', 'AGENDA_TIMEOUT', 'AGENDA_DOWN'],
        consentText: (version) => `política ${version}`,
      },
    );
    assert.deepEqual(commit, {
      consents: [{ accepted: true, policyVersion: '2026-01', textShown: 'política 2026-01' }],
      events: [
        { type: 'conversation-started', detail: 'first-contact' },
        { type: 'booking-started' },
        { type: 'outcome:abandoned' },
        { type: 'outcome:booked', detail: 'SUBA' },
        { type: 'agenda-error', detail: 'AGENDA_TIMEOUT' },
        { type: 'agenda-error', detail: 'AGENDA_DOWN' },
      ],
      subjects: [
        { kind: 'phone', value: '+573001112233' },
        { kind: 'document', value: 'CC:1010101010' },
      ],
      outcome: 'booked',
    });
  });

  it('records the phone only when the conversation starts, and no outcome when none was reached', () => {
    const commit = recordsCommit([], { phone: '+573001112233', actorErrors: [], consentText: () => '' });
    assert.deepEqual(commit, { consents: [], events: [], subjects: [] });
  });
});
