/**
 * What the local Cloud API accepts on `POST /{version}/{phone-number-id}/messages`: the send
 * shapes Lina uses (text, reply buttons, list, read mark), held to the Cloud API's limits and
 * refused with its error body, so a send that would bounce off Meta bounces here first.
 */
import { z } from 'zod';
import { CLOUD_LIMITS } from '../whatsapp-cloud/cloud-outbound.js';

/** The Graph API's error body. Codes as Meta's: 100 invalid parameter, 131009 parameter value not valid. */
export interface GraphErrorBody {
  error: { message: string; type: string; code: number; error_subcode?: number; fbtrace_id: string };
}

export function graphError(code: number, message: string, options: { type?: string; subcode?: number } = {}): GraphErrorBody {
  return {
    error: {
      message,
      type: options.type ?? 'OAuthException',
      code,
      ...(options.subcode === undefined ? {} : { error_subcode: options.subcode }),
      fbtrace_id: `LocalCloudApi${Math.random().toString(36).slice(2, 12)}`,
    },
  };
}

const bounded = (max: number) => z.string().min(1).max(max);

const envelope = z.object({ messaging_product: z.literal('whatsapp'), recipient_type: z.literal('individual').optional(), to: z.string().regex(/^\+?\d{5,20}$/) });

const textSend = envelope.extend({ type: z.literal('text'), text: z.object({ body: bounded(CLOUD_LIMITS.textBody), preview_url: z.boolean().optional() }) });

const body = z.object({ text: bounded(CLOUD_LIMITS.interactiveBody) });

const buttonsSend = envelope.extend({
  type: z.literal('interactive'),
  interactive: z.object({
    type: z.literal('button'),
    body,
    action: z.object({
      buttons: z
        .array(z.object({ type: z.literal('reply'), reply: z.object({ id: bounded(CLOUD_LIMITS.buttonId), title: bounded(CLOUD_LIMITS.buttonTitle) }) }))
        .min(1)
        .max(CLOUD_LIMITS.buttons)
        .refine((buttons) => unique(buttons.map((button) => button.reply.id)) && unique(buttons.map((button) => button.reply.title)), 'button ids and titles must be unique'),
    }),
  }),
});

const row = z.object({ id: bounded(CLOUD_LIMITS.rowId), title: bounded(CLOUD_LIMITS.rowTitle), description: z.string().max(CLOUD_LIMITS.rowDescription).optional() });

const listSend = envelope.extend({
  type: z.literal('interactive'),
  interactive: z.object({
    type: z.literal('list'),
    body,
    action: z
      .object({
        button: bounded(CLOUD_LIMITS.listButton),
        sections: z
          .array(z.object({ title: bounded(CLOUD_LIMITS.sectionTitle).optional(), rows: z.array(row).min(1) }))
          .min(1)
          .max(10),
      })
      .refine((action) => action.sections.flatMap((section) => section.rows).length <= CLOUD_LIMITS.rows, `at most ${CLOUD_LIMITS.rows} rows`)
      .refine((action) => unique(action.sections.flatMap((section) => section.rows.map((r) => r.id))), 'row ids must be unique')
      .refine((action) => action.sections.length === 1 || action.sections.every((section) => section.title), 'sections need titles when there are several'),
  }),
});

/**
 * A template send: the local Cloud API cannot know which templates Meta approved, so it checks
 * the shape only (a lower-case name, a language, named text parameters, quick-reply payloads).
 */
const templateSend = envelope.extend({
  type: z.literal('template'),
  template: z.object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/),
    language: z.object({ code: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/) }),
    components: z
      .array(
        z.union([
          z.object({
            type: z.literal('body'),
            parameters: z.array(z.object({ type: z.literal('text'), parameter_name: z.string().regex(/^[a-z0-9_]+$/), text: bounded(CLOUD_LIMITS.interactiveBody) })),
          }),
          z.object({
            type: z.literal('button'),
            sub_type: z.literal('quick_reply'),
            index: z.string().regex(/^\d$/),
            parameters: z.array(z.object({ type: z.literal('payload'), payload: bounded(CLOUD_LIMITS.buttonId) })).length(1),
          }),
        ]),
      )
      .optional(),
  }),
});

const readMark = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

function unique(values: string[]): boolean {
  return new Set(values).size === values.length;
}

export type SendBody = z.infer<typeof textSend> | z.infer<typeof buttonsSend> | z.infer<typeof listSend> | z.infer<typeof templateSend>;
export type ReadBody = z.infer<typeof readMark>;

export type Checked = { ok: true; kind: 'send'; send: SendBody } | { ok: true; kind: 'read'; read: ReadBody } | { ok: false; error: GraphErrorBody };

/** Where a zod issue is, as the Graph API names parameters (`interactive['action']['buttons']`). */
function paramName(path: PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  return `${first ?? 'body'}${rest.map((part) => `['${part}']`).join('')}`;
}

/** A send or read mark as the Cloud API would take it, or its error. */
export function checkSend(raw: unknown): Checked {
  const read = readMark.safeParse(raw);
  if (read.success) return { ok: true, kind: 'read', read: read.data };
  const kind = (raw as { type?: unknown; interactive?: { type?: unknown } } | null) ?? {};
  const schema =
    kind.type === 'text'
      ? textSend
      : kind.type === 'template'
        ? templateSend
        : kind.interactive?.type === 'button'
          ? buttonsSend
          : kind.interactive?.type === 'list'
            ? listSend
            : undefined;
  if (!schema) return { ok: false, error: graphError(100, '(#100) Invalid parameter: type must be text, template, or interactive of type button or list') };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, kind: 'send', send: parsed.data };
  const issue = parsed.error.issues[0];
  const where = paramName(issue?.path ?? []);
  // A value out of the limits is 131009 "Parameter value is not valid"; a missing or wrong-typed one is 100.
  const outOfLimits = issue?.code === 'too_big' || issue?.code === 'too_small' || issue?.code === 'custom';
  return outOfLimits
    ? { ok: false, error: graphError(131009, `(#131009) Parameter value is not valid: ${where}: ${issue?.message ?? ''}`) }
    : { ok: false, error: graphError(100, `(#100) Invalid parameter: ${where}`) };
}
