/**
 * Turns one Baileys message into what Lina does with it: a text for the engine, a friendly
 * "I only read text" for media, or nothing (Lina's own messages, groups, status updates,
 * channels, reactions, protocol traffic). Pure: no socket, no database.
 */
import type { WhatsAppAddress } from '../../bot/ports/whatsapp.js';
import type { WAMessageKey } from './socket.js';
import { messageContentSchema, nativeFlowParamsSchema, webMessageSchema, type MessageContent } from './whatsapp.schemas.js';

/** Content Lina cannot read, each with its own short answer (`whatsapp.unsupported.<kind>`). */
export type UnsupportedContent = 'audio' | 'image' | 'video' | 'document' | 'sticker' | 'location' | 'contact' | 'other';

export type IgnoreReason = 'invalid' | 'fromMe' | 'group' | 'status' | 'broadcast' | 'newsletter' | 'notAPerson' | 'noContent' | 'silent' | 'unknownContent';

interface FromPerson {
  messageId: string;
  /** Where the replies go: the chat the message came from, exactly as it came. */
  chatJid: string;
  /** The message's key, for its read receipt. */
  key: WAMessageKey;
  /** Every address of the sender the message reveals, the chat's own first. */
  addresses: WhatsAppAddress[];
}

export type InboundEvent =
  ({ kind: 'text'; text: string } & FromPerson) | ({ kind: 'unsupported'; content: UnsupportedContent } & FromPerson) | { kind: 'ignored'; reason: IgnoreReason };

/** `proto.Message.ProtocolMessage.Type.MESSAGE_EDIT`. */
const MESSAGE_EDIT = 14;
/** Wrappers nest (an edited, disappearing message...), never deeply; Baileys stops at 5 too. */
const MAX_DEPTH = 5;

const PERSON_JID = /^(\d{5,20})(?:_\d+)?(?::\d+)?@(s\.whatsapp\.net|c\.us|hosted|lid|hosted\.lid)$/;

/** A person's JID as a normalised address, or `undefined` for groups, channels and others. */
function toAddress(jid: string | null | undefined): WhatsAppAddress | undefined {
  const match = jid ? PERSON_JID.exec(jid) : null;
  if (!match) return undefined;
  const [, user = '', server = ''] = match;
  const canonical = server === 'c.us' ? 's.whatsapp.net' : server;
  return { jid: `${user}@${canonical}`, kind: server === 'lid' || server === 'hosted.lid' ? 'lid' : 'pn', user };
}

function chatIgnoreReason(jid: string): IgnoreReason | undefined {
  if (jid.endsWith('@g.us')) return 'group';
  if (jid === 'status@broadcast') return 'status';
  if (jid.endsWith('@broadcast')) return 'broadcast';
  if (jid.endsWith('@newsletter')) return 'newsletter';
  return undefined;
}

type Reading = { kind: 'text'; text: string } | { kind: 'unsupported'; content: UnsupportedContent } | { kind: 'none' | 'silent' | 'unknown' | 'invalid' };

/** The first value that is a non-empty string, untouched. */
function firstText(...values: Array<string | null | undefined>): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/** A WhatsApp Flow reply carries its choice as JSON: `{"id": "agendar", ...}`. */
function nativeFlowChoice(paramsJson: string | null | undefined): string | undefined {
  if (!paramsJson) return undefined;
  try {
    const parsed = nativeFlowParamsSchema.safeParse(JSON.parse(paramsJson));
    return parsed.success ? parsed.data.id : undefined;
  } catch {
    return undefined;
  }
}

const has = (value: unknown) => value !== null && value !== undefined;

function unsupportedKind(content: MessageContent): UnsupportedContent | undefined {
  if (has(content.audioMessage)) return 'audio';
  if (has(content.imageMessage)) return 'image';
  if (has(content.videoMessage) || has(content.ptvMessage)) return 'video';
  if (has(content.documentMessage)) return 'document';
  if (has(content.stickerMessage)) return 'sticker';
  if (has(content.locationMessage) || has(content.liveLocationMessage)) return 'location';
  if (has(content.contactMessage) || has(content.contactsArrayMessage)) return 'contact';
  if (has(content.pollCreationMessage) || has(content.pollCreationMessageV2) || has(content.pollCreationMessageV3) || has(content.eventMessage)) {
    return 'other';
  }
  return undefined;
}

/** Fields that carry no member message: reactions, receipts of sorts, key distribution... */
const SILENT_FIELDS = [
  'protocolMessage',
  'reactionMessage',
  'encReactionMessage',
  'senderKeyDistributionMessage',
  'pollUpdateMessage',
  'keepInChatMessage',
  'pinInChatMessage',
  'messageContextInfo',
  'deviceSentMessage',
  'callLogMesssage',
  'bcallMessage',
  'call',
];

function readContent(raw: unknown, depth: number): Reading {
  if (raw === null || raw === undefined || depth > MAX_DEPTH) return { kind: 'none' };
  const parsed = messageContentSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid' };
  const content = parsed.data;

  const wrapped =
    content.ephemeralMessage ??
    content.viewOnceMessage ??
    content.viewOnceMessageV2 ??
    content.viewOnceMessageV2Extension ??
    content.documentWithCaptionMessage ??
    content.editedMessage;
  if (wrapped) return readContent(wrapped.message, depth + 1);

  if (typeof content.conversation === 'string') return { kind: 'text', text: content.conversation };
  if (typeof content.extendedTextMessage?.text === 'string') return { kind: 'text', text: content.extendedTextMessage.text };

  // Replies to lists and buttons: the chosen id is what an option's value would be; the
  // shown text is the fallback, and the engine matches either.
  const list = content.listResponseMessage;
  const buttons = content.buttonsResponseMessage;
  const template = content.templateButtonReplyMessage;
  const interactive = content.interactiveResponseMessage;
  const choice = firstText(
    list?.singleSelectReply?.selectedRowId,
    list?.title,
    buttons?.selectedButtonId,
    buttons?.selectedDisplayText,
    template?.selectedId,
    template?.selectedDisplayText,
    nativeFlowChoice(interactive?.nativeFlowResponseMessage?.paramsJson),
    interactive?.body?.text,
  );
  if (choice !== undefined) return { kind: 'text', text: choice };

  // An edit is the member correcting what they wrote: Lina reads the new text.
  const protocol = content.protocolMessage;
  if (protocol?.type === MESSAGE_EDIT && has(protocol.editedMessage)) return readContent(protocol.editedMessage, depth + 1);

  const unsupported = unsupportedKind(content);
  if (unsupported) return { kind: 'unsupported', content: unsupported };

  if (SILENT_FIELDS.some((field) => has((content as Record<string, unknown>)[field]))) return { kind: 'silent' };
  return { kind: 'unknown' };
}

/**
 * What Lina does with one message of a `notify` upsert. Never throws: a shape it cannot read
 * is `ignored` with reason `invalid`.
 */
export function toInboundEvent(raw: unknown): InboundEvent {
  const parsed = webMessageSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: 'invalid' };
  const { key, message, broadcast } = parsed.data;

  if (key.fromMe) return { kind: 'ignored', reason: 'fromMe' };
  const chatReason = chatIgnoreReason(key.remoteJid);
  if (chatReason) return { kind: 'ignored', reason: chatReason };
  if (broadcast) return { kind: 'ignored', reason: 'broadcast' };

  const own = toAddress(key.remoteJid);
  if (!own) return { kind: 'ignored', reason: 'notAPerson' };
  const alternate = toAddress(key.remoteJidAlt);
  const addresses = alternate && alternate.jid !== own.jid ? [own, alternate] : [own];

  const reading = readContent(message, 0);
  const from: FromPerson = { messageId: key.id, chatJid: key.remoteJid, key: key as WAMessageKey, addresses };
  switch (reading.kind) {
    case 'text':
      return { kind: 'text', text: reading.text, ...from };
    case 'unsupported':
      return { kind: 'unsupported', content: reading.content, ...from };
    case 'none':
      return { kind: 'ignored', reason: 'noContent' };
    case 'silent':
      return { kind: 'ignored', reason: 'silent' };
    case 'invalid':
      return { kind: 'ignored', reason: 'invalid' };
    case 'unknown':
      return { kind: 'ignored', reason: 'unknownContent' };
  }
}
