/** The pure mappers between Bot Framework activities and the engine's messages. */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { toActivities } from '../../../adapters/webchat/to-activities.js';
import { JOIN_EVENT_NAME, toInboundMessage } from '../../../adapters/webchat/to-inbound-message.js';
import type { OutboundMessage } from '../../../bot/messages.js';

const NOW = new Date('2026-11-23T13:00:00.000Z');

function makeActivity(overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: 'conversation-1|0000003',
    text: 'hola',
    timestamp: '2026-11-23T13:05:00.000Z' as unknown as Date,
    channelId: 'directline',
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'dl_member', name: '', role: 'user' },
    recipient: { id: 'lina', name: 'Lina', role: 'bot' },
    ...overrides,
  };
}

describe('toInboundMessage', () => {
  it('maps a message: the conversation is the member, the activity id the message id', () => {
    assert.deepEqual(toInboundMessage(makeActivity(), NOW, 'directline'), {
      channel: 'webchat',
      userId: 'conversation-1',
      messageId: 'conversation-1|0000003',
      text: 'hola',
      receivedAt: new Date('2026-11-23T13:05:00.000Z'),
    });
  });

  it('keeps the two doors apart: an /api/messages caller naming a Direct Line conversation id gets a session of its own', () => {
    const directLine = toInboundMessage(makeActivity(), NOW, 'directline');
    const botFramework = toInboundMessage(makeActivity(), NOW, 'botframework');
    assert.equal(directLine?.userId, 'conversation-1');
    assert.equal(botFramework?.userId, 'bf:directline:conversation-1');
    assert.equal(toInboundMessage(makeActivity(), NOW)?.userId, 'bf:directline:conversation-1', "unmarked turns are not the Direct Line's");
    assert.equal(toInboundMessage(makeActivity({ channelId: 'emulator' }), NOW, 'botframework')?.userId, 'bf:emulator:conversation-1');
    assert.equal(toInboundMessage(makeActivity({ channelId: 'a:b' }), NOW, 'botframework')?.userId, 'bf:unknown:conversation-1');
  });

  it('takes the site of the QR code from channelData only as exactly a site code, and from /api/messages only when the conversation opens', () => {
    assert.equal(toInboundMessage(makeActivity({ channelData: { site: 'SUBA' } }), NOW, 'directline')?.site, 'SUBA');
    for (const site of ['ATLANTIS', 42, null, '<b>SUBA</b>', ' kennedy ', 'suba']) {
      const message = toInboundMessage(makeActivity({ channelData: { site } }), NOW, 'directline');
      assert.ok(message && !('site' in message), String(site));
    }
    const later = toInboundMessage(makeActivity({ channelData: { site: 'SUBA' } }), NOW, 'botframework');
    assert.ok(later && !('site' in later), 'a message in the middle of a conversation does not set its site');
    const join = toInboundMessage(makeActivity({ type: 'event', name: JOIN_EVENT_NAME, id: 'event-1', channelData: { site: 'SUBA' } }), NOW, 'botframework');
    assert.equal(join?.site, 'SUBA');
  });

  it('reads a choice sent only as a button value', () => {
    assert.equal(toInboundMessage(makeActivity({ text: '', value: 'yes' }), NOW)?.text, 'yes');
    assert.equal(toInboundMessage(makeActivity({ text: undefined, value: { value: 'pediatria' } }), NOW)?.text, 'pediatria');
    assert.equal(toInboundMessage(makeActivity({ text: undefined, value: { other: 1 } }), NOW)?.text, '', 'the engine answers empty texts');
  });

  it('uses the fallback time when the timestamp is missing or unreadable', () => {
    assert.deepEqual(toInboundMessage(makeActivity({ timestamp: undefined }), NOW)?.receivedAt, NOW);
    assert.deepEqual(toInboundMessage(makeActivity({ timestamp: 'yesterday' as unknown as Date }), NOW)?.receivedAt, NOW);
  });

  it('opens the conversation when the member is added, once per conversation', () => {
    const update = makeActivity({
      type: 'conversationUpdate',
      id: 'update-1',
      text: undefined,
      membersAdded: [
        { id: 'lina', name: 'Lina' },
        { id: 'dl_member', name: '' },
      ],
      channelData: { site: 'CHIA' },
    });
    assert.deepEqual(toInboundMessage(update, NOW, 'directline'), {
      channel: 'webchat',
      userId: 'conversation-1',
      kind: 'open',
      text: '',
      messageId: 'open:conversation-1',
      receivedAt: new Date('2026-11-23T13:05:00.000Z'),
      site: 'CHIA',
    });
    const join = toInboundMessage(makeActivity({ type: 'event', name: JOIN_EVENT_NAME, id: 'event-9' }), NOW);
    assert.equal(join?.kind, 'open');
    assert.equal(join?.messageId, 'open:conversation-1', 'the join event and the update greet once between them');
  });

  it('ignores what asks nothing of Lina', () => {
    const ignored: Array<Partial<Activity>> = [
      makeActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'lina', name: 'Lina' }] }),
      makeActivity({ type: 'conversationUpdate', membersRemoved: [{ id: 'dl_member', name: '' }] }),
      makeActivity({ type: 'typing' }),
      makeActivity({ type: 'event', name: 'someOtherEvent' }),
      makeActivity({ id: undefined }),
      makeActivity({ conversation: undefined }),
    ];
    for (const activity of ignored) assert.equal(toInboundMessage(activity, NOW), undefined, JSON.stringify(activity).slice(0, 80));
  });
});

describe('toActivities', () => {
  const menu: OutboundMessage = {
    text: '¿Qué quieres hacer?',
    options: [
      { label: 'Agendar cita', value: 'book' },
      { label: 'Ayuda', value: 'help' },
    ],
  };

  it('sends plain text, one activity per reply', () => {
    assert.deepEqual(toActivities([{ text: '¡Hola!' }, { text: 'Línea 1\nLínea 2' }]), [
      { type: 'message', textFormat: 'plain', text: '¡Hola!' },
      { type: 'message', textFormat: 'plain', text: 'Línea 1\nLínea 2' },
    ]);
  });

  it('shows the options of the last reply as buttons that send the value and show the label', () => {
    const [activity] = toActivities([menu]);
    assert.equal(activity?.text, '¿Qué quieres hacer?');
    assert.equal(activity?.inputHint, 'expectingInput');
    assert.deepEqual(activity?.suggestedActions, {
      to: [],
      actions: [
        { type: 'messageBack', title: 'Agendar cita', displayText: 'Agendar cita', text: 'book', value: 'book' },
        { type: 'messageBack', title: 'Ayuda', displayText: 'Ayuda', text: 'help', value: 'help' },
      ],
    });
  });

  it('writes the options of an earlier reply as a numbered list, since Web Chat would hide its buttons', () => {
    const [first, last] = toActivities([menu, { text: 'Escríbeme cuando quieras.' }]);
    assert.equal(first?.text, '¿Qué quieres hacer?\n1. Agendar cita\n2. Ayuda');
    assert.equal(first?.suggestedActions, undefined);
    assert.equal(last?.text, 'Escríbeme cuando quieras.');
  });

  it('maps no replies to no activities', () => {
    assert.deepEqual(toActivities([]), []);
  });
});
