/**
 * Lina's calls to the Graph API: `POST {apiUrl}/{version}/{phone-number-id}/messages` with the
 * access token as bearer, for replies and read marks. Failures come out as `CloudApiError`
 * (cloud.errors.ts); those worth repeating are repeated with exponential backoff: rate limits,
 * 5xx and calls that got no answer (refused, reset, timed out). A send has no idempotency key in
 * the Cloud API, so a call that timed out after Meta took it in goes twice and the member reads
 * that reply twice, which beats not reading it. Auth and parameter errors are never repeated:
 * the same call would fail the same way.
 */
import axios, { type AxiosInstance } from 'axios';
import { backoffDelay } from '../whatsapp/backoff.js';
import type { Timers } from '../whatsapp/timers.js';
import { toCloudApiError } from './cloud.errors.js';
import type { CloudMessage } from './cloud-outbound.js';
import { sendResponseSchema } from './cloud.schemas.js';

export interface GraphClientOptions {
  /** The Graph API's base, `https://graph.facebook.com` (or the local Cloud API). */
  apiUrl: string;
  /** `v21.0`. */
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
  /** Repeats of a failure safe to repeat, after the first attempt. */
  retries: number;
  /** Longest wait between two attempts. */
  maxBackoffMs: number;
  timers: Timers;
  random: () => number;
}

export interface GraphClient {
  /** Sends `message` to the member `to` (their WhatsApp id); the new message's `wamid`. */
  send(to: string, message: CloudMessage): Promise<string | undefined>;
  /** Marks the member's message read, with "typing…" shown until the reply (up to 25 s). */
  markRead(messageId: string, options: { typing: boolean }): Promise<void>;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const http: AxiosInstance = axios.create({
    baseURL: `${options.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.version)}/${encodeURIComponent(options.phoneNumberId)}`,
    timeout: options.timeoutMs,
    headers: { Authorization: `Bearer ${options.accessToken}`, 'Content-Type': 'application/json' },
    // A redirect would carry the token elsewhere.
    maxRedirects: 0,
  });

  const sleep = (ms: number) => new Promise<void>((resolve) => options.timers.setTimeout(resolve, ms));

  async function post(body: Record<string, unknown>): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await http.post('/messages', { messaging_product: 'whatsapp', ...body });
        return response.data;
      } catch (error) {
        const failure = toCloudApiError(error);
        if (!failure.retryable || attempt > options.retries) throw failure;
        await sleep(backoffDelay(attempt, { maxMs: options.maxBackoffMs, random: options.random }));
      }
    }
  }

  return {
    async send(to, message) {
      const data = await post({ recipient_type: 'individual', to, ...message });
      const parsed = sendResponseSchema.safeParse(data);
      return parsed.success ? parsed.data.messages?.[0]?.id : undefined;
    },
    async markRead(messageId, { typing }) {
      await post({ status: 'read', message_id: messageId, ...(typing ? { typing_indicator: { type: 'text' } } : {}) });
    },
  };
}
