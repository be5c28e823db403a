import type { SiteCode } from './domain.js';

export const CHANNELS = ['whatsapp', 'webchat', 'console'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** What any channel hands the engine: one member message, channel details stripped. */
export interface InboundMessage {
  channel: ChannelName;
  /** Stable per person and channel (a phone number on WhatsApp, a browser id on web chat). */
  userId: string;
  /** The channel's own id: a repeated id is answered once only. */
  messageId: string;
  text: string;
  receivedAt: Date;
  /** The clinic site whose QR code brought the member in, when known. */
  site?: SiteCode;
  /** The sender's phone in E.164 when the channel vouches for it (WhatsApp). */
  phone?: string;
  /**
   * `open`: the channel opened the conversation (a web chat page loaded) and Lina speaks
   * first; `text` is ignored and no member line is recorded. Absent: the member wrote `text`.
   */
  kind?: 'open';
}

/** One option of a numbered menu; `value` is what choosing it sends back as text. */
export interface ReplyOption {
  label: string;
  value: string;
}

/** What the engine hands back: rendered text plus options each channel shows its own way. */
export interface OutboundMessage {
  text: string;
  options?: ReplyOption[];
}

/** The conversation engine as channels see it. */
export interface Engine {
  handle(message: InboundMessage): Promise<OutboundMessage[]>;
}

/**
 * The plain-text form of a reply, as a channel without buttons shows it: the text, then one
 * numbered line per option.
 */
export function renderPlainText(message: OutboundMessage): string {
  if (!message.options?.length) return message.text;
  const lines = message.options.map((option, index) => `${index + 1}. ${option.label}`);
  return [message.text, ...lines].join('\n');
}
