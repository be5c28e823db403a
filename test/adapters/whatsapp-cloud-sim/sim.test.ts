import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { startCloudSim, type CloudSim } from '../../../adapters/whatsapp-cloud-sim/sim.server.js';
import { hasValidSignature } from '../../../adapters/whatsapp-cloud/signature.js';

const TOKEN = 'sim-token';
const SECRET = 'sim-app-secret';
const NUMBER_ID = '100000000000001';
const PHONE = '573001112233';

/** What reached the stand-in for Lina's webhook: raw bytes and the signature header. */
const posts: Array<{ body: Buffer; signature: string | undefined }> = [];
let webhook: Server;
let sim: CloudSim;

beforeAll(async () => {
  webhook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      posts.push({ body: Buffer.concat(chunks), signature: req.headers['x-hub-signature-256'] as string | undefined });
      res.end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const port = (webhook.address() as AddressInfo).port;
  // (The statuses it posts have their own test below: here only the members' messages are posted.)
  sim = await startCloudSim({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, phoneNumberId: NUMBER_ID, accessToken: TOKEN, appSecret: SECRET, statuses: false });
});

afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => webhook.close(() => resolve()));
});

/** What the local Cloud API answers a send: the Graph API's success or error body. */
interface SendAnswer {
  messages?: Array<{ id: string }>;
  error?: { message?: unknown; type?: unknown; code?: unknown; fbtrace_id?: unknown };
}

interface PostedMessage {
  id: string;
  from: string;
  type: string;
  text?: { body: string };
  interactive?: unknown;
}

/** The one change of a webhook the local Cloud API posted. */
function postedValue(post: { body: Buffer } | undefined): { metadata: { phone_number_id: string }; messages: PostedMessage[] } {
  assert.ok(post);
  const parsed = JSON.parse(post.body.toString('utf8')) as { entry: Array<{ changes: Array<{ value: { metadata: { phone_number_id: string }; messages: PostedMessage[] } }> }> };
  const value = parsed.entry[0]?.changes[0]?.value;
  assert.ok(value);
  return value;
}

async function send(body: unknown, options: { token?: string; numberId?: string; signal?: AbortSignal } = {}) {
  const response = await fetch(`${sim.url}/v21.0/${options.numberId ?? NUMBER_ID}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token ?? TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as SendAnswer };
}

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: PHONE };
const buttons = (titles: string[], text = '¿Confirmo?') => ({
  ...envelope,
  type: 'interactive',
  interactive: { type: 'button', body: { text }, action: { buttons: titles.map((title, index) => ({ type: 'reply', reply: { id: `b${index}`, title } })) } },
});
const list = (rows: Array<{ id: string; title: string; description?: string }>, button = 'Ver opciones') => ({
  ...envelope,
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Elige' }, action: { button, sections: [{ rows }] } },
});

/** Checks the Graph API's error shape and hands back its code. */
function graphCode(answer: { status: number; body: SendAnswer }): number {
  const { error } = answer.body;
  assert.equal(typeof error?.message, 'string');
  assert.equal(typeof error?.type, 'string');
  assert.equal(typeof error?.fbtrace_id, 'string');
  assert.equal(typeof error?.code, 'number');
  return error?.code as number;
}

describe('the local Cloud API: sends', () => {
  it('takes a text, a reply-buttons message and a list, and keeps them for the phone', async () => {
    const text = await send({ ...envelope, type: 'text', text: { body: 'Hola', preview_url: false } });
    assert.equal(text.status, 200);
    assert.match(text.body.messages?.[0]?.id ?? '', /^wamid\./);
    assert.equal((await send(buttons(['Sí', 'No']))).status, 200);
    assert.equal((await send(list([{ id: 'r1', title: 'Uno', description: 'El primero' }]))).status, 200);
    const received = sim.received(PHONE);
    assert.deepEqual(
      received.map((message) => [message.type, message.text, message.options.map((option) => option.id)]),
      [
        ['text', 'Hola', []],
        ['buttons', '¿Confirmo?', ['b0', 'b1']],
        ['list', 'Elige', ['r1']],
      ],
    );
  });

  it('refuses what passes the Cloud API limits with its error body', async () => {
    const refused: Array<[string, unknown, number]> = [
      ['text over 4,096', { ...envelope, type: 'text', text: { body: 'x'.repeat(4097) } }, 131009],
      ['four buttons', buttons(['a', 'b', 'c', 'd']), 131009],
      ['a button title over 20', buttons(['Consultar mis citas ya']), 131009],
      ['two buttons with one title', buttons(['Sí', 'Sí']), 131009],
      ['an interactive body over 1,024', buttons(['Sí'], 'x'.repeat(1025)), 131009],
      ['a row title over 24', list([{ id: 'r', title: 'x'.repeat(25) }]), 131009],
      ['a row description over 72', list([{ id: 'r', title: 'x', description: 'x'.repeat(73) }]), 131009],
      ['eleven rows', list(Array.from({ length: 11 }, (_, index) => ({ id: `r${index}`, title: 'x' }))), 131009],
      ['a list button over 20', list([{ id: 'r', title: 'x' }], 'Ver todas las opciones'), 131009],
      ['no messaging_product', { to: PHONE, type: 'text', text: { body: 'x' } }, 100],
      ['an unknown type', { ...envelope, type: 'sticker', sticker: {} }, 100],
    ];
    const before = sim.received(PHONE).length;
    for (const [what, body, code] of refused) {
      const answer = await send(body);
      assert.equal(answer.status, 400, what);
      assert.equal(graphCode(answer), code, what);
    }
    assert.equal(sim.received(PHONE).length, before);
  });

  it('refuses a wrong token (190, 401) and another number id (100)', async () => {
    const badToken = await send({ ...envelope, type: 'text', text: { body: 'x' } }, { token: 'other' });
    assert.equal(badToken.status, 401);
    assert.equal(graphCode(badToken), 190);
    const otherNumber = await send({ ...envelope, type: 'text', text: { body: 'x' } }, { numberId: '999' });
    assert.equal(graphCode(otherNumber), 100);
  });

  it('fails the next send with the Graph error asked for, then takes sends again', async () => {
    await fetch(`${sim.url}/sim/fail-next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 131047 }) });
    const failed = await send({ ...envelope, type: 'text', text: { body: 'x' } });
    assert.equal(graphCode(failed), 131047);
    assert.equal((await send({ ...envelope, type: 'text', text: { body: 'x' } })).status, 200);
  });
});

/** One of the local Cloud API's development controls, called as a developer would. */
async function control(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.url}/sim/${path}`, { method: 'POST' });
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

describe('the local Cloud API: holding sends', () => {
  const text = (body: string) => ({ ...envelope, type: 'text', text: { body } });

  it('keeps a send unanswered and off the phone until released, then takes it; read marks go through', async () => {
    const { wamid } = await sim.type(PHONE, 'hola');
    const before = sim.received(PHONE).length;
    assert.deepEqual(await control('hold-sends'), { ok: true, held: 0 });
    const answer = send(text('Retenido'));
    await sim.whenHeld(1);
    assert.equal(sim.received(PHONE).length, before);
    assert.equal((await send({ messaging_product: 'whatsapp', status: 'read', message_id: wamid })).status, 200);
    assert.deepEqual(await control('release-sends'), { ok: true, released: 1 });
    const taken = await answer;
    assert.equal(taken.status, 200);
    assert.equal(sim.received(PHONE).at(-1)?.text, 'Retenido');
    assert.equal(sim.received(PHONE).at(-1)?.wamid, taken.body.messages?.[0]?.id);
    // Released, sends are taken at once again.
    assert.equal((await send(text('Libre'))).status, 200);
    assert.equal(sim.received(PHONE).length, before + 2);
  });

  it('takes held sends in arrival order, and a failure asked for applies when the send is taken', async () => {
    const before = sim.received(PHONE).length;
    sim.holdSends();
    const first = send(text('Primero'));
    await sim.whenHeld(1);
    const second = send(text('Segundo'));
    await sim.whenHeld(2);
    await fetch(`${sim.url}/sim/fail-next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 131026 }) });
    assert.equal(sim.releaseSends(), 2);
    assert.equal(graphCode(await first), 131026);
    assert.equal((await second).status, 200);
    assert.deepEqual(
      sim
        .received(PHONE)
        .slice(before)
        .map((message) => message.text),
      ['Segundo'],
    );
  });

  it('drops a held send whose caller went away: the phone never receives it, even once released', async () => {
    const before = sim.received(PHONE).length;
    sim.holdSends();
    const caller = new AbortController();
    const gone = send(text('Nunca llega'), { signal: caller.signal }).then(
      () => assert.fail('a send given up by its caller was answered'),
      (error: unknown) => error,
    );
    await sim.whenHeld(1);
    caller.abort();
    assert.equal(((await gone) as Error).name, 'AbortError');
    await sim.whenHeld(0);
    assert.equal(sim.releaseSends(), 0);
    assert.equal(sim.received(PHONE).length, before);
  });
});

describe('the local Cloud API: members', () => {
  it('posts a typed message as Meta does: signed over the bytes, non-ASCII escaped', async () => {
    posts.length = 0;
    const { wamid, status } = await sim.type(PHONE, 'Mañana en Suba 👍');
    assert.equal(status, 200);
    const [post] = posts;
    assert.ok(post);
    assert.ok(hasValidSignature(post.body, post.signature, SECRET));
    assert.ok(!hasValidSignature(post.body, post.signature, 'another secret'));
    assert.match(post.body.toString('utf8'), /Ma\\u00f1ana/);
    const value = postedValue(post);
    const message = value.messages[0];
    assert.deepEqual([message?.id, message?.from, message?.type, message?.text?.body], [wamid, PHONE, 'text', 'Mañana en Suba 👍']);
    assert.equal(value.metadata.phone_number_id, NUMBER_ID);
  });

  it('posts a tap on a button as button_reply and on a list row as list_reply, and refuses an option never shown', async () => {
    posts.length = 0;
    await sim.tap(PHONE, 'b1');
    await sim.tap(PHONE, 'r1');
    const interactive = posts.map((post) => postedValue(post).messages[0]?.interactive);
    assert.deepEqual(interactive, [
      { type: 'button_reply', button_reply: { id: 'b1', title: 'No' } },
      { type: 'list_reply', list_reply: { id: 'r1', title: 'Uno', description: 'El primero' } },
    ]);
    const unknown = await fetch(`${sim.url}/sim/phones/${PHONE}/tap`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'never-shown' }),
    });
    assert.equal(unknown.status, 400);
  });

  it('takes a template and posts a tap on its quick reply as a button message with the payload', async () => {
    const template = {
      ...envelope,
      type: 'template',
      template: {
        name: 'recordatorio_cita',
        language: { code: 'es_CO' },
        components: [
          { type: 'body', parameters: [{ type: 'text', parameter_name: 'paciente', text: 'Laura' }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'confirmar:apt-1' }] },
        ],
      },
    };
    assert.equal((await send(template)).status, 200);
    assert.equal(graphCode(await send({ ...template, template: { ...template.template, name: 'Recordatorio Cita' } })), 100);
    const shown = sim.received(PHONE).at(-1);
    assert.equal(shown?.type, 'template');
    assert.match(shown?.text ?? '', /paciente: Laura/);
    posts.length = 0;
    await sim.tap(PHONE, 'confirmar:apt-1');
    const message = postedValue(posts[0]).messages[0] as PostedMessage & { button?: unknown };
    assert.equal(message.type, 'button');
    assert.deepEqual(message.button, { payload: 'confirmar:apt-1', text: 'confirmar:apt-1' });
  });

  it('redelivers a webhook byte for byte', async () => {
    posts.length = 0;
    const { wamid } = await sim.type(PHONE, 'hola');
    await sim.redeliver(wamid);
    assert.equal(posts.length, 2);
    assert.deepEqual(posts[1]?.body, posts[0]?.body);
    await assert.rejects(sim.redeliver('wamid.unknown'), /no webhook/);
  });

  it('serves the member page, self-contained', async () => {
    const page = await fetch(`${sim.url}/`);
    const html = await page.text();
    assert.match(html, /Cloud API local/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/);
  });
});

describe('the local Cloud API: statuses', () => {
  it('reports each message taken as sent then delivered, and everything received as read before the member’s next message', async () => {
    const port = (webhook.address() as AddressInfo).port;
    const reporting = await startCloudSim({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, phoneNumberId: NUMBER_ID, accessToken: TOKEN, appSecret: SECRET });
    try {
      posts.length = 0;
      const taken = await fetch(`${reporting.url}/v21.0/${NUMBER_ID}/messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...envelope, type: 'text', text: { body: 'Hola' } }),
      });
      const wamid = ((await taken.json()) as { messages: Array<{ id: string }> }).messages[0]?.id;
      await reporting.statusesPosted();
      const statusesOf = (post: { body: Buffer } | undefined) =>
        (
          JSON.parse(post?.body.toString('utf8') ?? '{}') as {
            entry: Array<{ changes: Array<{ value: { statuses?: Array<{ id: string; status: string; recipient_id: string }> } }> }>;
          }
        ).entry[0]?.changes[0]?.value.statuses ?? [];
      assert.equal(posts.length, 1);
      assert.ok(hasValidSignature(posts[0]?.body ?? Buffer.alloc(0), posts[0]?.signature, SECRET));
      assert.deepEqual(
        statusesOf(posts[0]).map(({ id, status, recipient_id }) => [id, status, recipient_id]),
        [
          [wamid, 'sent', PHONE],
          [wamid, 'delivered', PHONE],
        ],
      );
      posts.length = 0;
      await reporting.type(PHONE, 'gracias');
      assert.deepEqual(
        statusesOf(posts[0]).map(({ id, status }) => [id, status]),
        [[wamid, 'read']],
      );
      assert.equal(postedValue(posts[1]).messages[0]?.type, 'text', 'the read comes before the message that answers');
    } finally {
      await reporting.close();
    }
  });
});
