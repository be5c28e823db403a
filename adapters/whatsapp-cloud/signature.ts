/**
 * The two proofs the Cloud API's webhook asks for. Meta subscribes the URL with a GET that
 * must echo `hub.challenge` when `hub.verify_token` is the one configured, and signs every POST
 * with `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the body's raw bytes keyed by
 * the app secret. The HMAC is over the bytes as received: JSON parsed and written again would
 * not be the same bytes (Meta escapes accents as `\u00e1`), so it is checked before parsing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=` and 64 hex digits, as Meta writes it. */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** The header's value for `body` signed with `secret` (the local Cloud API signs with it too). */
export function signatureOf(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of exactly these bytes with `secret`, in constant time. */
export function hasValidSignature(body: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !secret) return false;
  const match = SIGNATURE.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from((match[1] ?? '').toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether two secrets are equal, without telling by timing how much of them matched. */
export function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so a wrong length takes as long as a wrong byte.
  const a = createHmac('sha256', 'lina-verify-token').update(given).digest();
  const b = createHmac('sha256', 'lina-verify-token').update(expected).digest();
  return expected !== '' && timingSafeEqual(a, b);
}

/**
 * The answer to Meta's subscription GET: the bare challenge when the mode is `subscribe` and
 * the token is the configured one, else nothing (the caller answers 403).
 */
export function verificationChallenge(query: URLSearchParams, verifyToken: string): string | undefined {
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || challenge === null || challenge === '') return undefined;
  return sameSecret(query.get('hub.verify_token') ?? '', verifyToken) ? challenge : undefined;
}
