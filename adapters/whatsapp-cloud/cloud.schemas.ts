/**
 * What the WhatsApp Business Cloud API sends Lina's webhook and answers her sends, as zod
 * schemas. See https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components and
 * .../reference/messages. Only the fields Lina reads are checked; anything else passes through.
 *
 * The payload is read level by level (entry, change, message, status), each one on its own, so
 * one shape Lina does not know spoils nothing next to it in the same POST.
 */
import { z } from 'zod';

/** The envelope of every POST: Meta batches entries, and changes within them. */
export const webhookPayloadSchema = z.looseObject({
  object: z.string(),
  entry: z.array(z.unknown()),
});

export const webhookEntrySchema = z.looseObject({
  id: z.string().optional(),
  changes: z.array(z.unknown()),
});

/** One change: Lina subscribes to `messages`; other fields (templates, quality...) are ignored. */
export const webhookChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

/** A member's WhatsApp id: the phone number's digits, country code first. */
const waId = z.string().regex(/^\d{5,20}$/);

export const changeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  // The senders' profiles: Lina reads the sender from each message, so an odd contact spoils nothing.
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  // Errors Meta reports on the number rather than on one message (webhook reference: value.errors).
  errors: z.array(z.unknown()).optional(),
});

/** One error of `value.errors` or of a status: its code is all Lina logs. */
export const webhookErrorSchema = z.looseObject({ code: z.number() });

/** What every inbound message has, whatever its type. */
export const inboundMessageSchema = z.looseObject({
  from: waId,
  id: z.string().min(1).max(256),
  timestamp: z.string().optional(),
  type: z.string(),
});

export const textContentSchema = z.looseObject({ body: z.string() });

/** A tap on a reply button or a list row Lina sent: the id is the option's value. */
export const interactiveContentSchema = z.looseObject({
  type: z.string(),
  button_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
  list_reply: z.looseObject({ id: z.string(), title: z.string().optional(), description: z.string().optional() }).optional(),
});

/** A tap on a template's quick-reply button: `payload` is what the template was sent with. */
export const buttonContentSchema = z.looseObject({
  payload: z.string().optional(),
  text: z.string().optional(),
});

/** A delivery report on a message Lina sent. */
export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
});

/** The Graph API's answer to a send. */
export const sendResponseSchema = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string() })).optional(),
});

/** The Graph API's error body: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export const graphErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
