/**
 * Lina's replies as Cloud API messages. The same words as on Baileys (the renderer's text, bold
 * the WhatsApp way), but options a member can tap: up to 3 short ones as reply buttons, up to
 * 10 as a list, more (or labels too long to show whole) as the numbered text Baileys sends.
 * Whatever is shown, the tap answers with the option's value, and typing still works: the
 * engine reads a value, a label or a number alike.
 */
import { renderPlainText, type OutboundMessage, type ReplyOption } from '../../bot/messages.js';
import { splitText, toWhatsAppEmphasis } from '../whatsapp/outbound.js';

/** The Cloud API's limits on what Lina sends (reference: messages, interactive objects). */
export const CLOUD_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
  sectionTitle: 24,
} as const;

export interface TextMessage {
  type: 'text';
  text: { body: string; preview_url: boolean };
}

export interface ButtonsMessage {
  type: 'interactive';
  interactive: { type: 'button'; body: { text: string }; action: { buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }> } };
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListMessage {
  type: 'interactive';
  interactive: { type: 'list'; body: { text: string }; action: { button: string; sections: Array<{ title?: string; rows: ListRow[] }> } };
}

/** An approved template with its named body parameters and its quick replies' payloads. */
export interface TemplateMessage {
  type: 'template';
  template: {
    name: string;
    language: { code: string };
    components: Array<
      | { type: 'body'; parameters: Array<{ type: 'text'; parameter_name: string; text: string }> }
      | { type: 'button'; sub_type: 'quick_reply'; index: string; parameters: Array<{ type: 'payload'; payload: string }> }
    >;
  };
}

/** One message as it goes to the Graph API, without the envelope (`messaging_product`, `to`). */
export type CloudMessage = TextMessage | ButtonsMessage | ListMessage | TemplateMessage;

/** What a template send says: the template, its language, its named parameters, its buttons' payloads. */
export interface TemplateSend {
  name: string;
  /** As approved, e.g. `es_CO` or `es`. */
  language: string;
  /** `{{paciente}}` in the template is `parameters.paciente`. */
  parameters: Record<string, string>;
  /** What each quick-reply button answers, in the buttons' order (comes back as the tap's payload). */
  quickReplies?: string[];
}

/** A template send as the Graph API reads it. */
export function toTemplateMessage(send: TemplateSend): TemplateMessage {
  const parameters = Object.entries(send.parameters).map(([name, value]) => ({ type: 'text' as const, parameter_name: name, text: value }));
  const buttons = (send.quickReplies ?? []).map((payload, index) => ({
    type: 'button' as const,
    sub_type: 'quick_reply' as const,
    index: String(index),
    parameters: [{ type: 'payload' as const, payload }],
  }));
  return {
    type: 'template',
    template: { name: send.name, language: { code: send.language }, components: [...(parameters.length > 0 ? [{ type: 'body' as const, parameters }] : []), ...buttons] },
  };
}

export interface CloudOutboundOptions {
  /** The label of the button that opens a list (≤ 20 characters), in Lina's words. */
  listButton: string;
}

const text = (body: string): TextMessage => ({ type: 'text', text: { body, preview_url: false } });

/** A label as a title: WhatsApp shows no bold there, so the locale's `**` go. */
const plainLabel = (label: string) => label.replace(/\*\*/g, '').trim();

/** `label` within `limit` characters, cut between words when it can be, with an ellipsis. */
export function shortened(label: string, limit: number): string {
  if (label.length <= limit) return label;
  const room = label.slice(0, limit - 1);
  const space = room.lastIndexOf(' ');
  return `${(space >= limit / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}

const distinct = (values: string[]) => new Set(values).size === values.length;

/** Values usable as ids: present, unique, and within the API's length. */
function usableIds(options: ReplyOption[], limit: number): boolean {
  const values = options.map((option) => option.value);
  return values.every((value) => value.trim() !== '' && value.length <= limit) && distinct(values);
}

function asButtons(body: string, options: ReplyOption[]): ButtonsMessage | undefined {
  const titles = options.map((option) => plainLabel(option.label));
  if (options.length > CLOUD_LIMITS.buttons || !usableIds(options, CLOUD_LIMITS.buttonId)) return undefined;
  // Buttons show their title whole or not at all, and WhatsApp refuses two with one title.
  if (titles.some((title) => title === '' || title.length > CLOUD_LIMITS.buttonTitle) || !distinct(titles)) return undefined;
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: { buttons: options.map((option, index) => ({ type: 'reply', reply: { id: option.value, title: titles[index] ?? '' } })) },
    },
  };
}

/**
 * A label too long for a row title with the doctor it ends with named by surname alone
 * ("9:20 a. m. – Dr. Mauricio Cárdenas" → "9:20 a. m. – Cárdenas"): rows at one hour stay apart by
 * who attends, instead of "9:20 a. m. – Dr.…". The whole label is the row's description.
 */
function withSurname(label: string): string {
  if (label.length <= CLOUD_LIMITS.rowTitle) return label;
  return label.replace(/\bDra?\. (?:[\p{L}\p{M}'-]+ )*([\p{L}\p{M}'-]+)$/u, '$1');
}

/** The words all `labels` start with ("lunes 23 de noviembre, "), when there is more than one. */
function sharedStart(labels: string[]): string {
  if (labels.length < 2) return '';
  let shared = labels[0] ?? '';
  for (const label of labels) while (!label.startsWith(shared)) shared = shared.slice(0, -1);
  const lastBreak = Math.max(shared.lastIndexOf(' '), shared.lastIndexOf(','));
  return lastBreak > 0 ? shared.slice(0, lastBreak + 1) : '';
}

/**
 * Row titles a member can tell apart. Labels that fit are their own titles; long ones are
 * shortened, and when that makes them alike (slots of one day: "lunes 23 de noviembre,…"),
 * what the long ones all start with is left to the description, and failing that all are numbered.
 */
function rowTitles(labels: string[]): string[] {
  const plain = labels.map((label) => shortened(withSurname(label), CLOUD_LIMITS.rowTitle));
  if (distinct(plain)) return plain;
  const start = sharedStart(labels.filter((label) => label.length > CLOUD_LIMITS.rowTitle));
  const rest = labels.map((label) =>
    label.length > CLOUD_LIMITS.rowTitle && label.startsWith(start) ? shortened(withSurname(label.slice(start.length).trim()), CLOUD_LIMITS.rowTitle) : label,
  );
  if (start && distinct(rest)) return rest;
  return labels.map((label, index) => shortened(`${index + 1}. ${label}`, CLOUD_LIMITS.rowTitle));
}

function asList(body: string, options: ReplyOption[], listButton: string): ListMessage | undefined {
  if (options.length > CLOUD_LIMITS.rows || !usableIds(options, CLOUD_LIMITS.rowId)) return undefined;
  const labels = options.map((option) => plainLabel(option.label));
  // A label longer than a row's title is shown whole in the description, under a shortened
  // title; one longer than that cannot be shown whole, and the member would choose blind.
  if (labels.some((label) => label === '' || label.length > CLOUD_LIMITS.rowDescription)) return undefined;
  const titles = rowTitles(labels);
  const rows = options.map((option, index): ListRow => {
    const label = labels[index] ?? '';
    const title = titles[index] ?? '';
    return title === label ? { id: option.value, title } : { id: option.value, title, description: label };
  });
  return {
    type: 'interactive',
    interactive: { type: 'list', body: { text: body }, action: { button: shortened(listButton, CLOUD_LIMITS.listButton), sections: [{ rows }] } },
  };
}

/**
 * `body` as the texts that go first and the last piece, within an interactive body's limit,
 * that goes with the buttons: the question stays next to its answers.
 */
function withTail(body: string): { lead: string[]; tail: string } {
  if (body.length <= CLOUD_LIMITS.interactiveBody) return { lead: [], tail: body };
  const pieces = splitText(body, CLOUD_LIMITS.interactiveBody);
  const tail = pieces.at(-1) ?? '';
  const lead = body.slice(0, body.length - tail.length).trimEnd();
  return { lead: splitText(lead, CLOUD_LIMITS.textBody), tail };
}

function toCloudMessagesOf(message: OutboundMessage, options: CloudOutboundOptions): CloudMessage[] {
  const body = toWhatsAppEmphasis(message.text);
  const choices = message.options ?? [];
  if (choices.length > 0 && body.trim() !== '') {
    const { lead, tail } = withTail(body);
    const interactive = asButtons(tail, choices) ?? asList(tail, choices, options.listButton);
    if (interactive) return [...lead.map(text), interactive];
  }
  return splitText(toWhatsAppEmphasis(renderPlainText(message)), CLOUD_LIMITS.textBody).map(text);
}

/** The Cloud API messages for a turn's replies, in order; blank replies are dropped. */
export function toCloudMessages(messages: OutboundMessage[], options: CloudOutboundOptions): CloudMessage[] {
  return messages.flatMap((message) => toCloudMessagesOf(message, options));
}
