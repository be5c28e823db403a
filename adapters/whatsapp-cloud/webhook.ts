/**
 * `/webhooks/whatsapp`, the door the Cloud API knocks on: Meta's subscription check (GET) and
 * the signed event POSTs. Mounted ahead of any body parser, so the signature is checked over
 * the bytes exactly as they came. A POST is answered 200 as soon as it is proven Meta's,
 * readable and recorded (Meta retries slow or failed deliveries, which would only bring
 * duplicates), and handled after.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../bot/logger.js';
import { readWebhook, type CloudInboundEvent } from './cloud-inbound.js';
import { hasValidSignature, verificationChallenge } from './signature.js';

export const WEBHOOK_PATH = '/webhooks/whatsapp';

/** Meta's webhook POSTs are a few kilobytes; a batch of 1,000 messages stays well under this. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Meta's challenge is a short number; anything long is nobody's subscription. */
const MAX_CHALLENGE_LENGTH = 256;

export interface WebhookOptions {
  appSecret: string;
  verifyToken: string;
  /** Lina's number: webhooks for other numbers of the business are not hers. */
  phoneNumberId: string;
  logger: Logger;
  /**
   * Takes the events of a POST before it is answered: records what must survive a crash, and
   * hands back the work to start once the 200 is sent. A throw answers 500, and Meta retries.
   */
  accept(events: CloudInboundEvent[]): () => void;
  maxBodyBytes?: number;
}

class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new TooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(body);
}

const problem = (res: ServerResponse, status: number, message: string) => answer(res, status, JSON.stringify({ error: { message } }), 'application/json; charset=utf-8');

export function createWebhookHandler(options: WebhookOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const log = options.logger.child({ channel: 'whatsapp', provider: 'cloud', component: 'webhook' });
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;

  function verify(url: URL, res: ServerResponse) {
    const challenge = verificationChallenge(url.searchParams, options.verifyToken);
    if (challenge === undefined || challenge.length > MAX_CHALLENGE_LENGTH) {
      log.warn('WhatsApp webhook verification refused');
      return problem(res, 403, 'Verification failed');
    }
    log.info('WhatsApp webhook verified');
    answer(res, 200, challenge);
  }

  async function receive(req: IncomingMessage, res: ServerResponse) {
    let body: Buffer;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (error instanceof TooLargeError) return problem(res, 413, 'Body too large');
      throw error;
    }
    if (!hasValidSignature(body, req.headers['x-hub-signature-256'], options.appSecret)) {
      log.warn({ signed: req.headers['x-hub-signature-256'] !== undefined }, 'WhatsApp webhook refused: bad signature');
      return problem(res, 401, 'Invalid or missing X-Hub-Signature-256');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return problem(res, 400, 'Body is not JSON');
    }
    const reading = readWebhook(parsed, options.phoneNumberId);
    if (!reading.ok) {
      log.warn('WhatsApp webhook body not readable');
      return problem(res, 400, 'Not a WhatsApp Business Account webhook');
    }
    let start: () => void;
    try {
      start = options.accept(reading.events);
    } catch (error) {
      log.error({ err: error instanceof Error ? error.name : typeof error }, 'WhatsApp webhook not recorded');
      return problem(res, 500, 'Not recorded; deliver again');
    }
    answer(res, 200, 'EVENT_RECEIVED');
    start();
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://lina.local');
    if (url.pathname.replace(/\/+$/, '') !== WEBHOOK_PATH) return problem(res, 404, 'Not found');
    if (req.method === 'GET') return verify(url, res);
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      return problem(res, 405, 'Method not allowed');
    }
    receive(req, res).catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.name : typeof error }, 'WhatsApp webhook failed');
      problem(res, 500, 'Internal error');
    });
  };
}
