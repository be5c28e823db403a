/**
 * Turns one webhook POST of the Cloud API into what Lina does with each thing in it: a text for
 * the engine (typed, or the value of a button or list row tapped), the same friendly "I only
 * read text" the Baileys channel gives for media, a delivery status, or nothing. Pure: no HTTP,
 * no database. Never throws: what it cannot read is `ignored`, named by its type only.
 */
import type { UnsupportedContent } from '../whatsapp/inbound.js';
import {
  buttonContentSchema,
  changeValueSchema,
  inboundMessageSchema,
  interactiveContentSchema,
  statusSchema,
  textContentSchema,
  webhookErrorSchema,
  webhookChangeSchema,
  webhookEntrySchema,
  webhookPayloadSchema,
} from './cloud.schemas.js';

export type { UnsupportedContent };

interface FromMember {
  /** The `wamid`: the engine answers a repeated one once. */
  messageId: string;
  /** The member's WhatsApp id (phone digits, country code first): personal data, never logged. */
  waId: string;
  /** Seconds since the epoch, as Meta stamped it; 0 when absent. */
  timestamp: number;
}

export type IgnoreReason = 'invalid' | 'otherNumber' | 'otherField' | 'silent' | 'unknownContent';

export type CloudInboundEvent =
  | ({ kind: 'text'; text: string } & FromMember)
  | ({ kind: 'unsupported'; content: UnsupportedContent } & FromMember)
  | { kind: 'status'; messageId: string; status: string; errorCodes: number[] }
  | { kind: 'error'; errorCodes: number[] }
  | { kind: 'ignored'; reason: IgnoreReason; type?: string };

export type WebhookReading = { ok: true; events: CloudInboundEvent[] } | { ok: false };

/** Media and others Lina cannot read, by the Cloud API's message type. */
const UNSUPPORTED: Record<string, UnsupportedContent> = {
  audio: 'audio',
  voice: 'audio',
  image: 'image',
  video: 'video',
  document: 'document',
  sticker: 'sticker',
  location: 'location',
  contacts: 'contact',
  // WhatsApp's own placeholder for what it could not pass on (polls, view-once media...).
  unsupported: 'other',
};

/** Types that carry no member message: a reaction, a system notice (number changed...). */
const SILENT = new Set(['reaction', 'system', 'ephemeral', 'request_welcome']);

/** Types with a short, safe label for the logs; anything else is logged as `other`. */
const KNOWN_TYPES = new Set(['text', 'interactive', 'button', 'order', ...Object.keys(UNSUPPORTED), ...SILENT]);

/** A type as it may appear in a log line: never a value chosen by the sender. */
function loggableType(type: unknown): string {
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'other';
}

const firstText = (...values: Array<string | undefined>) => values.find((value): value is string => typeof value === 'string' && value.trim() !== '');

/** The text a tap or a typed message stands for, or why there is none. */
function readContent(message: Record<string, unknown>, type: string): { text: string } | { content: UnsupportedContent } | { ignore: IgnoreReason } {
  if (type === 'text') {
    const text = textContentSchema.safeParse(message.text);
    return text.success ? { text: text.data.body } : { ignore: 'invalid' };
  }
  if (type === 'interactive') {
    const parsed = interactiveContentSchema.safeParse(message.interactive);
    if (!parsed.success) return { ignore: 'invalid' };
    // The id Lina gave the button or row is the option's value: the engine reads the same text
    // as if the member had typed it; the title shown is the fallback.
    const reply = parsed.data.button_reply ?? parsed.data.list_reply;
    const choice = firstText(reply?.id, reply?.title);
    return choice === undefined ? { ignore: 'unknownContent' } : { text: choice };
  }
  if (type === 'button') {
    const parsed = buttonContentSchema.safeParse(message.button);
    const choice = parsed.success ? firstText(parsed.data.payload, parsed.data.text) : undefined;
    return choice === undefined ? { ignore: 'invalid' } : { text: choice };
  }
  const unsupported = UNSUPPORTED[type];
  if (unsupported) return { content: unsupported };
  if (SILENT.has(type)) return { ignore: 'silent' };
  return { ignore: 'unknownContent' };
}

function readMessage(raw: unknown): CloudInboundEvent {
  const envelope = inboundMessageSchema.safeParse(raw);
  if (!envelope.success) return { kind: 'ignored', reason: 'invalid', type: loggableType((raw as { type?: unknown } | null)?.type) };
  const { from, id, timestamp, type } = envelope.data;
  const member: FromMember = { messageId: id, waId: from, timestamp: Number(timestamp) || 0 };
  const content = readContent(envelope.data, type);
  if ('text' in content) return { kind: 'text', text: content.text, ...member };
  if ('content' in content) return { kind: 'unsupported', content: content.content, ...member };
  return { kind: 'ignored', reason: content.ignore, type: loggableType(type) };
}

function readStatus(raw: unknown): CloudInboundEvent {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: 'invalid', type: 'status' };
  return { kind: 'status', messageId: parsed.data.id, status: parsed.data.status, errorCodes: codesOf(parsed.data.errors) };
}

/** The codes of a list of Graph errors; what is not one is left out. */
function codesOf(errors: unknown[] | undefined): number[] {
  return (errors ?? []).flatMap((error) => {
    const parsed = webhookErrorSchema.safeParse(error);
    return parsed.success ? [parsed.data.code] : [];
  });
}

function readChange(raw: unknown, phoneNumberId: string): CloudInboundEvent[] {
  const change = webhookChangeSchema.safeParse(raw);
  if (!change.success) return [{ kind: 'ignored', reason: 'invalid', type: 'change' }];
  if (change.data.field !== 'messages') return [{ kind: 'ignored', reason: 'otherField', type: 'change' }];
  const value = changeValueSchema.safeParse(change.data.value);
  if (!value.success) return [{ kind: 'ignored', reason: 'invalid', type: 'change' }];
  // One app may serve several numbers of a business: Lina answers only for her own.
  if (value.data.metadata.phone_number_id !== phoneNumberId) return [{ kind: 'ignored', reason: 'otherNumber', type: 'change' }];
  const messages = (value.data.messages ?? []).map(readMessage);
  // Meta does not promise order within a batch: what each member wrote goes in the order written.
  const ordered = messages.map((event, index) => ({ event, index })).sort((a, b) => stamp(a.event) - stamp(b.event) || a.index - b.index);
  const errors: CloudInboundEvent[] = value.data.errors?.length ? [{ kind: 'error', errorCodes: codesOf(value.data.errors) }] : [];
  return [...ordered.map(({ event }) => event), ...(value.data.statuses ?? []).map(readStatus), ...errors];
}

const stamp = (event: CloudInboundEvent) => ('timestamp' in event ? event.timestamp : 0);

/**
 * What Lina does with one webhook POST for her number `phoneNumberId`, in order: `ok: false`
 * when the body is no WhatsApp webhook at all.
 */
export function readWebhook(body: unknown, phoneNumberId: string): WebhookReading {
  const payload = webhookPayloadSchema.safeParse(body);
  if (!payload.success || payload.data.object !== 'whatsapp_business_account') return { ok: false };
  const events = payload.data.entry.flatMap((raw): CloudInboundEvent[] => {
    const entry = webhookEntrySchema.safeParse(raw);
    if (!entry.success) return [{ kind: 'ignored', reason: 'invalid', type: 'entry' }];
    return entry.data.changes.flatMap((change) => readChange(change, phoneNumberId));
  });
  return { ok: true, events };
}
