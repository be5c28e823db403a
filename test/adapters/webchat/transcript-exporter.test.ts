/**
 * The `.transcript` export: a real engine on SQLite records a conversation, the exporter
 * turns its rows into Bot Framework activities, and the file reads back as such.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { assertChannelAccount, assertConversationAccount, assertSuggestedActions } from 'botbuilder';
import { exportTranscript, TranscriptExportError } from '../../../adapters/webchat/transcript.exporter.js';
import { openDatabase } from '../../../data/database.js';
import { createSqliteSessionStore } from '../../../data/session.store.js';
import { createConversationStore } from '../../../data/support/conversations.store.js';
import { startChat } from '../../fakes/chat.js';

interface TranscriptRow {
  id: number;
  direction: 'in' | 'out';
  text: string;
  options: string | null;
  at: number;
}

async function recordConversation() {
  const db = openDatabase(':memory:');
  const chat = await startChat({ store: createSqliteSessionStore(db), channel: 'webchat', from: 'directline-conversation-7' });
  await chat.say('', { kind: 'open' });
  for (const text of ['sí', 'CC 2020202020', '02/11/1980', 'agendar']) {
    chat.clock.advance(30_000);
    await chat.say(text);
  }
  const { id } = db.prepare<[], { id: string }>('SELECT id FROM conversations').get() ?? { id: '' };
  const rows = db.prepare<[string], TranscriptRow>('SELECT id, direction, text, options, at FROM transcript WHERE conversation_id = ? ORDER BY id').all(id);
  return { db, conversationId: id, rows };
}

describe('exportTranscript', () => {
  it('writes a .transcript that reads back as Bot Framework message activities, in order', async () => {
    const { db, conversationId, rows } = await recordConversation();
    assert.ok(rows.length >= 10, 'a conversation worth exporting');

    const file = JSON.stringify(exportTranscript(createConversationStore(db), conversationId), null, 2);
    const activities = JSON.parse(file) as Array<Record<string, unknown> & { from: { id: string; role: string }; timestamp: string }>;

    assert.ok(Array.isArray(activities));
    assert.equal(activities.length, rows.length);
    assert.deepEqual(
      activities.map((activity) => activity.id),
      rows.map((row) => String(row.id)),
    );
    assert.equal(new Set(activities.map((activity) => activity.id)).size, activities.length, 'ids are unique');
    assert.deepEqual(
      activities.map((activity) => activity.text),
      rows.map((row) => row.text),
    );
    assert.deepEqual(
      activities.map((activity) => activity.from.role),
      rows.map((row) => (row.direction === 'in' ? 'user' : 'bot')),
    );
    const times = activities.map((activity) => Date.parse(activity.timestamp));
    assert.ok(
      times.every((time) => Number.isFinite(time)),
      'ISO timestamps',
    );
    assert.ok(
      times.every((time, index) => index === 0 || time >= (times[index - 1] ?? 0)),
      'timestamps ascend',
    );
    assert.ok((times.at(-1) ?? 0) > (times[0] ?? 0), 'the turns happened at different times');

    const member = activities.find((activity) => activity.from.role === 'user');
    for (const activity of activities) {
      assert.equal(activity.type, 'message');
      assert.equal(activity.channelId, 'webchat');
      assertConversationAccount(activity.conversation);
      assertChannelAccount(activity.from);
      assertChannelAccount(activity.recipient);
      assert.equal((activity.conversation as { id: string }).id, conversationId);
      if (activity.suggestedActions) assertSuggestedActions(activity.suggestedActions);
    }
    assert.ok(member && !member.from.id.includes('directline-conversation-7'), 'the channel user id is not written');
    assert.ok(activities.filter((activity) => activity.from.role === 'user').every((activity) => activity.from.id === member.from.id));

    const consent = activities.find((activity) => /autorizas/i.test(String(activity.text)));
    assert.deepEqual((consent?.suggestedActions as { actions: Array<{ type: string; title: string; value: string }> } | undefined)?.actions, [
      { type: 'imBack', title: 'Sí', value: 'Sí' },
      { type: 'imBack', title: 'No', value: 'No' },
    ]);
    db.close();
  });

  it('refuses an unknown conversation with a stable code', () => {
    const db = openDatabase(':memory:');
    assert.throws(
      () => exportTranscript(createConversationStore(db), 'no-such-conversation'),
      (error: unknown) => error instanceof TranscriptExportError && error.code === 'NOT_FOUND',
    );
    db.close();
  });
});
