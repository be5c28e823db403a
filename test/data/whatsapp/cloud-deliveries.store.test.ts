/**
 * What became of Lina's Cloud API replies: statuses that arrive late, twice or before the send's
 * own answer never move a reply back, replies that did not go keep their reason, and the support
 * console reads them by the member message they answered.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { openDatabase } from '../../../data/database.js';
import { createSqliteSessionStore } from '../../../data/session.store.js';
import { createConversationStore } from '../../../data/support/conversations.store.js';
import { createCloudDeliveriesStore } from '../../../data/whatsapp/cloud-deliveries.store.js';

const AT = new Date('2026-11-23T08:00:00-05:00');
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1_000);

async function conversationWithTurn(db: ReturnType<typeof openDatabase>, messageId: string) {
  await createSqliteSessionStore(db).commitTurn({
    sessionKey: 'whatsapp:person-1',
    conversationId: 'conv-1',
    channel: 'whatsapp',
    userId: 'person-1',
    conversationStarted: true,
    session: { machineVersion: 1, snapshot: '{}', shownOptions: null },
    messageId,
    transcript: [
      { direction: 'in', text: 'hola', messageId },
      { direction: 'out', text: '¡Hola! Soy Lina.' },
    ],
    consents: [],
    events: [],
    subjects: [],
    at: AT.getTime(),
  });
}

describe('Cloud API deliveries store', () => {
  it('keeps each reply’s most final status whatever order WhatsApp reports them in', async () => {
    const db = openDatabase(':memory:');
    await conversationWithTurn(db, 'wamid.in-1');
    const deliveries = createCloudDeliveriesStore(db);
    const conversations = createConversationStore(db);
    const lineId = conversations.transcript('conv-1')[0]?.id;

    deliveries.sent('wamid.out-1', 'wamid.in-1', later(1));
    deliveries.status('wamid.out-1', 'read', [], later(5));
    deliveries.status('wamid.out-1', 'delivered', [], later(6));
    deliveries.status('wamid.out-1', 'sent', [], later(7));
    // Reported before the send's own answer came back: the send then only names the turn.
    deliveries.status('wamid.out-2', 'delivered', [], later(2));
    deliveries.sent('wamid.out-2', 'wamid.in-1', later(3));
    deliveries.status('wamid.out-2', 'delivered', [], later(8));

    assert.deepEqual(conversations.deliveries('conv-1'), [
      { lineId, status: 'read', detail: undefined, count: 1, at: later(5).getTime() },
      { lineId, status: 'delivered', detail: undefined, count: 1, at: later(2).getTime() },
    ]);
    db.close();
  });

  it('keeps a failure with its codes, and replies that did not go with their number and reason', async () => {
    const db = openDatabase(':memory:');
    await conversationWithTurn(db, 'wamid.in-1');
    const deliveries = createCloudDeliveriesStore(db);
    deliveries.sent('wamid.out-1', 'wamid.in-1', later(1));
    deliveries.status('wamid.out-1', 'failed', [131026, 131000], later(2));
    deliveries.status('wamid.out-1', 'read', [], later(3));
    deliveries.notSent('wamid.in-1', 2, 'WINDOW_CLOSED', later(4));
    const rows = createConversationStore(db).deliveries('conv-1');
    assert.deepEqual(
      rows.map(({ status, detail, count }) => ({ status, detail, count })),
      [
        { status: 'failed', detail: '131026,131000', count: 1 },
        { status: 'not_sent', detail: 'WINDOW_CLOSED', count: 2 },
      ],
    );
    db.close();
  });

  it('shows no deliveries for conversations on other channels or for messages Lina never answered', async () => {
    const db = openDatabase(':memory:');
    await conversationWithTurn(db, 'baileys-message-1');
    createCloudDeliveriesStore(db).status('wamid.template-1', 'delivered', [], later(1));
    assert.deepEqual(createConversationStore(db).deliveries('conv-1'), []);
    assert.deepEqual(createConversationStore(db).deliveries('no-such-conversation'), []);
    db.close();
  });
});
