/**
 * The local Cloud API (`npm run whatsapp-cloud-sim`): a real HTTP server that stands in for
 * Meta on a developer's machine and in tests. Lina sends to it exactly as to the Graph API
 * (`WHATSAPP_CLOUD_API_URL`); it checks the token and the send against the Cloud API's limits,
 * keeps what each phone received, and, when a member types or taps (its page, its CLI, or its
 * HTTP calls under `/sim`), posts Lina the webhook Meta would, signed with the app secret.
 *
 *   POST /{version}/{phone-number-id}/messages   Lina's sends and read marks (Graph API shape)
 *   GET  /sim/phones/{phone}                     what that phone received, and its read marks
 *   POST /sim/phones/{phone}/type  {text}        the member writes: a text webhook
 *   POST /sim/phones/{phone}/tap   {id}          the member taps a button, list row or template quick reply
 *   POST /sim/redeliver/{wamid}                  Meta delivers a webhook again, as it does
 *   POST /sim/fail-next  {code, status}          the next send fails with that Graph error
 *   POST /sim/hold-sends                         sends wait, unanswered and not taken, until released
 *   POST /sim/release-sends                      the held sends are taken (those whose caller still waits)
 *   GET  /                                       a page to be the member, phone-like
 *
 * Like Meta, it reports what became of each message Lina sends: `sent` and `delivered` once it is
 * taken, and `read` for everything the phone received when the member next writes or taps
 * (status webhooks, signed as the others; `statuses: false` leaves them out).
 *
 * Holding sends puts Lina between the webhook's 200 and her reply reaching the phone for as long
 * as one likes: the moment to stop her process (a crash test) or watch her wait. A held send
 * whose caller goes away (Lina killed, or her Graph timeout, 10 s, given up on it) is dropped,
 * as a request Meta never took in: the phone does not receive it, even once released. Read marks
 * are not held.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../bot/logger.js';
import { signatureOf } from '../whatsapp-cloud/signature.js';
import { simPage } from './sim.page.js';
import { checkSend, graphError, type GraphErrorBody, type SendBody } from './sim.validation.js';

export interface CloudSimOptions {
  /** Where Lina's webhook is: `http://127.0.0.1:3978/webhooks/whatsapp` (read at each post: tests learn Lina's port after). */
  webhookUrl: string | (() => string);
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  /** Defaults to `127.0.0.1`: the local Cloud API is this machine's only. */
  host?: string;
  /** `0` (the default) picks a free port; read it back from `url`. */
  port?: number;
  logger?: Logger;
  /** Whether delivery statuses are posted to Lina as Meta posts them (sent, delivered, read); yes by default. */
  statuses?: boolean;
}

/** One message a phone received, as the page and the tests read it. */
export interface ReceivedMessage {
  wamid: string;
  type: 'text' | 'buttons' | 'list' | 'template';
  text: string;
  /** What can be tapped: buttons, or the list's rows. */
  options: Array<{ id: string; title: string; description?: string }>;
  /** The list's button label. */
  listButton?: string;
  /** Order among everything this phone saw, sent and received. */
  seq: number;
}

/** What the member typed or tapped, as the phone shows it. */
export interface SentMessage {
  wamid: string;
  text: string;
  seq: number;
}

interface Phone {
  received: ReceivedMessage[];
  sent: SentMessage[];
  /** Ids of the member's messages Lina marked read. */
  read: string[];
  /** Ids of Lina's messages the member has not read yet (read when they next write or tap). */
  unread: string[];
}

export interface CloudSim {
  /** Base URL, e.g. `http://127.0.0.1:4020`: Lina's `WHATSAPP_CLOUD_API_URL`. */
  url: string;
  /** What `phone` received so far. */
  received(phone: string): ReceivedMessage[];
  /** The member writes `text`: Lina's webhook is posted; its wamid and Lina's status. */
  type(phone: string, text: string): Promise<{ wamid: string; status: number }>;
  /** The member taps the option `id` of the latest message that shows it. */
  tap(phone: string, id: string): Promise<{ wamid: string; status: number }>;
  /** Posts the webhook of `wamid` again. */
  redeliver(wamid: string): Promise<{ status: number }>;
  /** From now on each send waits, unanswered and not taken, until `releaseSends`. */
  holdSends(): void;
  /** Takes the held sends whose caller still waits, in arrival order, and stops holding; how many. */
  releaseSends(): number;
  /** Settles when exactly `count` sends are held (a held send whose caller went away no longer counts). */
  whenHeld(count: number): Promise<void>;
  /** Settles once every status webhook posted so far has been answered (or failed). */
  statusesPosted(): Promise<void>;
  close(): Promise<void>;
}

/** The webhook's body as Meta writes it: non-ASCII escaped (`\u00f1`), which the signature covers. */
function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function toReceived(wamid: string, seq: number, send: SendBody): ReceivedMessage {
  if (send.type === 'text') return { wamid, seq, type: 'text', text: send.text.body, options: [] };
  if (send.type === 'template') {
    // The approved text lives at Meta: the phone shows the template's name and parameters, and
    // each quick reply by its payload.
    const components = send.template.components ?? [];
    const parameters = components.flatMap((component) => (component.type === 'body' ? component.parameters : []));
    const text = [`[${send.template.name}]`, ...parameters.map((parameter) => `${parameter.parameter_name}: ${parameter.text}`)].join('\n');
    const payloads = components.flatMap((component) => (component.type === 'button' ? component.parameters.map((parameter) => parameter.payload) : []));
    return { wamid, seq, type: 'template', text, options: payloads.map((payload) => ({ id: payload, title: payload })) };
  }
  const { interactive } = send;
  if (interactive.type === 'button') {
    return { wamid, seq, type: 'buttons', text: interactive.body.text, options: interactive.action.buttons.map(({ reply }) => ({ id: reply.id, title: reply.title })) };
  }
  const rows = interactive.action.sections.flatMap((section) => section.rows);
  return { wamid, seq, type: 'list', text: interactive.body.text, listButton: interactive.action.button, options: rows.map((row) => ({ ...row })) };
}

export class SimInputError extends Error {
  override readonly name = 'SimInputError';
}

export async function startCloudSim(options: CloudSimOptions): Promise<CloudSim> {
  const phones = new Map<string, Phone>();
  /** Every webhook body posted, by the wamid of its message, for redelivery. */
  const delivered = new Map<string, { body: string; from: string }>();
  let failNext: { status: number; body: GraphErrorBody } | undefined;
  /** While sends are held: each one, to be taken when released, in arrival order. */
  let held: Array<{ take: () => void; res: Response }> | undefined;
  const heldWaiters: Array<{ count: number; resolve: () => void }> = [];
  let counter = 0;
  const log = options.logger?.child({ component: 'whatsapp-cloud-sim' });
  const webhookUrl = () => (typeof options.webhookUrl === 'function' ? options.webhookUrl() : options.webhookUrl);

  const phone = (id: string): Phone => {
    const known = phones.get(id) ?? { received: [], sent: [], read: [], unread: [] };
    phones.set(id, known);
    return known;
  };
  const newWamid = () => `wamid.LOCAL${randomBytes(12).toString('hex').toUpperCase()}`;

  async function post(body: string): Promise<number> {
    const response = await fetch(webhookUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signatureOf(body, options.appSecret) },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** The body of a webhook Meta would post for this number, with `value`'s messages or statuses. */
  function webhookOf(value: Record<string, unknown>): string {
    const metadata = { display_phone_number: '15550000000', phone_number_id: options.phoneNumberId };
    return metaJson({
      object: 'whatsapp_business_account',
      entry: [{ id: 'LOCAL-WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...value } }] }],
    });
  }

  /** Status webhooks under way: a crash or a closed Lina only fails them, as Meta's would. */
  const statusPosts = new Set<Promise<void>>();

  /** Posts Meta's status webhook for Lina's messages `wamids` to `recipient`, each in `states` in turn. */
  function reportStatuses(recipient: string, wamids: string[], states: Array<'sent' | 'delivered' | 'read'>): Promise<void> {
    if (options.statuses === false || wamids.length === 0) return Promise.resolve();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const statuses = states.flatMap((status) => wamids.map((id) => ({ id, status, timestamp, recipient_id: recipient })));
    const body = webhookOf({ statuses });
    const posting = post(body).then(
      () => undefined,
      (error: unknown) => log?.debug({ err: (error as Error)?.name }, 'local Cloud API: status webhook not delivered'),
    );
    statusPosts.add(posting);
    void posting.finally(() => statusPosts.delete(posting));
    return posting;
  }

  async function deliver(from: string, message: Record<string, unknown>, shown: string): Promise<{ wamid: string; status: number }> {
    if (!/^\d{5,20}$/.test(from)) throw new SimInputError('phone must be digits, country code first (e.g. 573001112233)');
    // The member saw what they answer: everything received so far is read first.
    const seen = phone(from).unread.splice(0);
    await reportStatuses(from, seen, ['read']);
    const wamid = newWamid();
    const body = webhookOf({
      contacts: [{ profile: { name: 'Miembro de prueba' }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
    });
    delivered.set(wamid, { body, from });
    phone(from).sent.push({ wamid, text: shown, seq: ++counter });
    return { wamid, status: await post(body) };
  }

  const sim = {
    received: (id: string) => [...(phones.get(id)?.received ?? [])],
    type(id: string, text: string) {
      if (typeof text !== 'string' || text.trim() === '') return Promise.reject(new SimInputError('text must be a non-empty string'));
      return deliver(id, { type: 'text', text: { body: text } }, text);
    },
    tap(id: string, optionId: string) {
      const shown = [...(phones.get(id)?.received ?? [])].reverse().find((message) => message.options.some((option) => option.id === optionId));
      const option = shown?.options.find((candidate) => candidate.id === optionId);
      if (!shown || !option) return Promise.reject(new SimInputError('no message of this phone shows that option'));
      const context = { from: '15550000000', id: shown.wamid };
      // A template's quick reply comes back as a `button` message with its payload.
      if (shown.type === 'template') return deliver(id, { type: 'button', context, button: { payload: option.id, text: option.title } }, option.title);
      const interactive =
        shown.type === 'buttons'
          ? { type: 'button_reply', button_reply: { id: option.id, title: option.title } }
          : { type: 'list_reply', list_reply: { id: option.id, title: option.title, ...(option.description ? { description: option.description } : {}) } };
      return deliver(id, { type: 'interactive', context, interactive }, option.title);
    },
    async redeliver(wamid: string) {
      const webhook = delivered.get(wamid);
      if (webhook === undefined) throw new SimInputError('no webhook with that wamid was delivered');
      return { status: await post(webhook.body) };
    },
    holdSends() {
      held ??= [];
    },
    releaseSends() {
      // A caller gone whose connection's end is not yet seen here is not answered either.
      const taking = (held?.splice(0) ?? []).filter(({ res }) => !res.socket?.destroyed);
      held = undefined;
      for (const { take } of taking) take();
      heldChanged();
      return taking.length;
    },
    async statusesPosted() {
      while (statusPosts.size > 0) await Promise.all([...statusPosts]);
    },
    whenHeld(count: number) {
      return new Promise<void>((resolve) => {
        heldWaiters.push({ count, resolve });
        heldChanged();
      });
    },
  };

  /** Settles the waiters for the number of sends now held. */
  function heldChanged() {
    const now = held?.length ?? 0;
    for (const waiter of [...heldWaiters]) {
      if (waiter.count !== now) continue;
      heldWaiters.splice(heldWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** Holds `take` until released, or drops it when its caller goes away first. */
  function hold(queue: NonNullable<typeof held>, take: () => void, res: Response) {
    const entry = { take, res };
    queue.push(entry);
    res.once('close', () => {
      const index = queue.indexOf(entry);
      if (index < 0) return;
      queue.splice(index, 1);
      log?.debug('local Cloud API: a held send was given up by its caller');
      heldChanged();
    });
    heldChanged();
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));

  app.post('/:version/:phoneNumberId/messages', (req, res) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== options.accessToken) {
      return void res.status(401).json(graphError(190, 'Invalid OAuth access token - Cannot parse access token'));
    }
    if (req.params.phoneNumberId !== options.phoneNumberId) {
      return void res
        .status(400)
        .json(graphError(100, `Unsupported post request. Object with ID '${req.params.phoneNumberId}' does not exist`, { type: 'GraphMethodException', subcode: 33 }));
    }
    const checked = checkSend(req.body);
    if (!checked.ok) return void res.status(400).json(checked.error);
    if (checked.kind === 'read') {
      const from = delivered.get(checked.read.message_id)?.from;
      if (from === undefined) return void res.status(400).json(graphError(100, '(#100) Invalid parameter: message_id'));
      const read = phone(from).read;
      if (!read.includes(checked.read.message_id)) read.push(checked.read.message_id);
      return void res.json({ success: true });
    }
    const { send } = checked;
    const take = () => {
      if (failNext) {
        const failure = failNext;
        failNext = undefined;
        return void res.status(failure.status).json(failure.body);
      }
      const to = send.to.replace(/^\+/, '');
      const wamid = newWamid();
      phone(to).received.push(toReceived(wamid, ++counter, send));
      phone(to).unread.push(wamid);
      log?.debug({ type: send.type }, 'local Cloud API: message taken');
      res.json({ messaging_product: 'whatsapp', contacts: [{ input: send.to, wa_id: to }], messages: [{ id: wamid }] });
      // (After the answer, as Meta's statuses come after its answer, or sometimes before: Lina takes either.)
      void reportStatuses(to, [wamid], ['sent', 'delivered']);
    };
    if (held) hold(held, take, res);
    else take();
  });

  app.get('/sim/phones/:phone', (req, res) => {
    const known = phones.get(req.params.phone);
    res.json({ phone: req.params.phone, messages: known?.received ?? [], sent: known?.sent ?? [], read: known?.read ?? [] });
  });

  const member = (action: (phoneId: string, value: string) => Promise<unknown>, field: 'text' | 'id') => (req: Request, res: Response, next: NextFunction) => {
    const value: unknown = (req.body as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== 'string') return void res.status(400).json({ error: { message: `${field} must be a string` } });
    action(String(req.params.phone), value).then((result) => res.json(result), next);
  };
  app.post(
    '/sim/phones/:phone/type',
    member((id, text) => sim.type(id, text), 'text'),
  );
  app.post(
    '/sim/phones/:phone/tap',
    member((id, option) => sim.tap(id, option), 'id'),
  );
  app.post('/sim/redeliver/:wamid', (req, res, next) => {
    sim.redeliver(req.params.wamid).then((result) => res.json(result), next);
  });
  app.post('/sim/fail-next', (req, res) => {
    const { code, status } = (req.body ?? {}) as { code?: unknown; status?: unknown };
    if (typeof code !== 'number' || (status !== undefined && typeof status !== 'number'))
      return void res.status(400).json({ error: { message: 'code (a Graph error code) must be a number' } });
    failNext = { status: typeof status === 'number' ? status : 400, body: graphError(code, `(#${code}) Failure asked of the local Cloud API`) };
    res.json({ ok: true });
  });
  app.post('/sim/hold-sends', (_req, res) => {
    sim.holdSends();
    res.json({ ok: true, held: held?.length ?? 0 });
  });
  app.post('/sim/release-sends', (_req, res) => {
    res.json({ ok: true, released: sim.releaseSends() });
  });
  app.get('/', (_req, res) => {
    res.set('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'").type('html').send(simPage());
  });
  app.use((_req, res) => {
    res.status(404).json(graphError(100, 'Unknown path components'));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof SimInputError) return void res.status(400).json({ error: { message: error.message } });
    const status = (error as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return void res.status(status).json(graphError(100, 'Invalid request body'));
    // Lina not listening is the likeliest: said plainly to the developer.
    log?.warn({ err: (error as Error)?.name }, 'local Cloud API: webhook not delivered');
    res.status(502).json({ error: { message: `Lina's webhook did not answer at ${webhookUrl()}` } });
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    ...sim,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
