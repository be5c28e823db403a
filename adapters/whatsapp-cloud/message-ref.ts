/**
 * How a WhatsApp message id appears in Lina's logs. A `wamid` is not opaque: it is base64 of a
 * structure that holds the member's phone number (`wamid.HBgMNTczMDAx…` reads `573001…`), so
 * the logs carry a digest of it instead. Support finds a message in the logs by computing the
 * same digest of the id they have (`messageRef` below, or `sha256` of the id, first 16 hex digits).
 */
import { createHash } from 'node:crypto';

export function messageRef(messageId: string): string {
  return createHash('sha256').update(messageId).digest('hex').slice(0, 16);
}
