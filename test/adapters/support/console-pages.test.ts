import assert from 'node:assert/strict';
import { createCloudDeliveriesStore } from '../../../data/whatsapp/cloud-deliveries.store.js';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { seedConversation, signedIn, startConsole, type ConsoleHarness } from './console-harness.js';

const HOUR = 60 * 60 * 1000;

/** A few conversations of Laura's (document 1010101010, phone +573001112233) and others. */
function seedWorld(harness: ConsoleHarness) {
  const now = harness.clock.now().getTime();
  seedConversation(harness.db, {
    id: 'conv-laura-case',
    site: 'SUBA',
    startedAt: now - 2 * HOUR,
    outcome: 'case_filed',
    lines: [
      { direction: 'in', text: 'hola, mi correo es laura.gomez@example.com y mi cel 300 111 2233', at: now - 2 * HOUR },
      { direction: 'out', text: 'Escríbeme el tipo y número de documento.', state: 'identifying.awaitingDocument', at: now - 2 * HOUR },
      { direction: 'in', text: 'CC 1010101010', at: now - 2 * HOUR + 60_000 },
      { direction: 'out', text: 'No encontré cupos.', options: ['Radicar caso', 'Volver al menú'], state: 'booking.offeringCase', at: now - 2 * HOUR + 60_000 },
      { direction: 'in', text: 'agendar', at: now - 2 * HOUR + 120_000 },
      { direction: 'out', text: 'Tuvimos un problema con la agenda.', state: 'booking.searchFailed', at: now - 2 * HOUR + 120_000 },
      { direction: 'out', text: 'Radiqué tu caso RISS-2026-000101. Te respondemos a l***z@example.com.', state: 'menu.awaitingChoice', at: now - 2 * HOUR + 180_000 },
    ],
    events: [
      { type: 'conversation-started', detail: 'first-contact', at: now - 2 * HOUR },
      { type: 'agenda-error', detail: 'UNAVAILABLE', at: now - 2 * HOUR + 120_000 },
      { type: 'outcome:case_filed', detail: 'SUBA', at: now - 2 * HOUR + 180_000 },
    ],
    subjects: [
      { kind: 'phone', value: '+573001112233' },
      { kind: 'document', value: '1010101010' },
      { kind: 'radicado', value: 'RISS-2026-000101' },
    ],
  });
  seedConversation(harness.db, {
    id: 'conv-laura-booked',
    channel: 'webchat',
    site: 'KENNEDY',
    startedAt: now - 26 * HOUR,
    outcome: 'booked',
    lines: [{ direction: 'in', text: 'hola' }],
    events: [{ type: 'outcome:booked', detail: 'KENNEDY' }],
    subjects: [{ kind: 'document', value: '1010101010' }],
  });
  seedConversation(harness.db, {
    id: 'conv-carlos',
    site: 'FONTIBON',
    startedAt: now - 3 * HOUR,
    outcome: 'abandoned',
    lines: [{ direction: 'in', text: 'hola' }],
    subjects: [
      { kind: 'document', value: '2020202020' },
      { kind: 'phone', value: '+573004445566' },
    ],
  });
}

describe('support console pages', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
    seedWorld(harness);
  });
  afterAll(() => harness.close());

  describe('search', () => {
    it('finds a conversation by radicado and masks the document for an agent', async () => {
      const agent = await signedIn(harness, 'agent');
      const page = await agent.get('/support/conversations?radicado=riss-2026-000101');
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('/support/conversations/conv-laura-case'));
      assert.ok(!page.body.includes('conv-carlos'));
      assert.ok(page.body.includes('•••••••010'));
      assert.ok(!page.body.includes('1010101010'));
      assert.ok(page.body.includes('RISS-2026-000101'));
    });

    it('shows the document in full to a supervisor', async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const page = await supervisor.get('/support/conversations?document=CC%201.010.101.010');
      assert.ok(page.body.includes('conv-laura-case'));
      assert.ok(page.body.includes('conv-laura-booked'));
      assert.ok(page.body.includes('1010101010'));
    });

    it('finds by phone however it is typed, and narrows by site, channel, outcome and dates', async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const byPhone = await supervisor.get('/support/conversations?phone=300+111+2233');
      assert.ok(byPhone.body.includes('conv-laura-case'));
      assert.ok(!byPhone.body.includes('conv-laura-booked'));
      const bySite = await supervisor.get('/support/conversations?site=FONTIBON');
      assert.ok(bySite.body.includes('conv-carlos') && !bySite.body.includes('conv-laura'));
      const byChannel = await supervisor.get('/support/conversations?channel=webchat');
      assert.ok(byChannel.body.includes('conv-laura-booked') && !byChannel.body.includes('conv-carlos'));
      const byOutcome = await supervisor.get('/support/conversations?outcome=abandoned');
      assert.ok(byOutcome.body.includes('conv-carlos') && !byOutcome.body.includes('conv-laura'));
      const byDates = await supervisor.get('/support/conversations?document=1010101010&from=2026-11-23&to=2026-11-23');
      assert.ok(byDates.body.includes('conv-laura-case') && !byDates.body.includes('conv-laura-booked'));
    });

    it('explains what it could not read instead of failing', async () => {
      const agent = await signedIn(harness, 'agent');
      const page = await agent.get('/support/conversations?phone=12&radicado=RISS-1&site=MARTE&from=2026-13-40&outcome=x');
      assert.equal(page.status, 200);
      for (const message of ['entre 7 y 15 dígitos', 'RISS-2026-000101', 'Esa sede no existe', '«desde» no es válida', 'Ese resultado no existe']) {
        assert.ok(page.body.includes(message), message);
      }
    });

    it('pages through results newest first', async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const now = harness.clock.now().getTime();
      for (let i = 0; i < 30; i++) {
        seedConversation(harness.db, { id: `conv-page-${String(i).padStart(2, '0')}`, site: 'CHIA', startedAt: now - (10 + i) * 60_000 });
      }
      const first = await supervisor.get('/support/conversations?site=CHIA');
      const ids = (body: string) => [...body.matchAll(/\/support\/conversations\/(conv-page-\d+)"/g)].map((match) => match[1]);
      assert.equal(ids(first.body).length, 25);
      assert.equal(ids(first.body)[0], 'conv-page-00');
      const next = /<a rel="next" href="([^"]+)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(next);
      const second = await supervisor.get(next);
      assert.deepEqual(ids(second.body), ['conv-page-25', 'conv-page-26', 'conv-page-27', 'conv-page-28', 'conv-page-29']);
      assert.ok(!second.body.includes('rel="next"'));
    });
  });

  describe('transcript', () => {
    it('shows bubbles with times, channel, site, dialog states, and agenda errors highlighted', async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const page = await supervisor.get('/support/conversations/conv-laura-case');
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('USS Suba'));
      assert.ok(page.body.includes('WhatsApp'));
      assert.ok(page.body.includes('<code class="state" title="Estado del diálogo">booking.offeringCase</code>'));
      assert.match(page.body, /<li class="event event-error" data-type="agenda-error"><time>06:02:00<\/time> Error de la agenda: UNAVAILABLE<\/li>/);
      assert.match(page.body, /class="bubble from-lina turn-error"[\s\S]*Tuvimos un problema con la agenda/);
      assert.ok(page.body.includes('<li>Radicar caso</li>'));
      // The member's line, then the error, then Lina's answer.
      const order = ['agendar', 'Error de la agenda', 'Tuvimos un problema'].map((text) => page.body.indexOf(text));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
      );
    });

    it('shows under each turn on the WhatsApp Cloud API what became of Lina’s replies: read, delivered, failed with its code, or not sent and why', async () => {
      const at = Date.parse('2026-11-23T08:00:00-05:00');
      seedConversation(harness.db, {
        id: 'conv-cloud',
        startedAt: at,
        lines: [
          { direction: 'in', text: 'hola', messageId: 'wamid.in-1', at },
          { direction: 'out', text: '¡Hola! Soy Lina.', at },
          { direction: 'out', text: '¿Autorizas el tratamiento de tus datos?', at },
          { direction: 'in', text: 'sí', messageId: 'wamid.in-2', at: at + 60_000 },
          { direction: 'out', text: 'Escríbeme tu documento.', at: at + 60_000 },
          { direction: 'in', text: 'CC 1010101010', messageId: 'wamid.in-3', at: at + 26 * 3_600_000 },
          { direction: 'out', text: '¿Para quién es la cita?', at: at + 26 * 3_600_000 },
        ],
      });
      const deliveries = createCloudDeliveriesStore(harness.db);
      deliveries.sent('wamid.out-1', 'wamid.in-1', new Date(at + 1_000));
      deliveries.sent('wamid.out-2', 'wamid.in-1', new Date(at + 2_000));
      deliveries.status('wamid.out-1', 'read', [], new Date(at + 30_000));
      deliveries.status('wamid.out-2', 'read', [], new Date(at + 30_000));
      deliveries.sent('wamid.out-3', 'wamid.in-2', new Date(at + 61_000));
      deliveries.status('wamid.out-3', 'failed', [131026], new Date(at + 62_000));
      deliveries.notSent('wamid.in-3', 1, 'WINDOW_CLOSED', new Date(at + 26 * 3_600_000));

      const page = await (await signedIn(harness, 'agent')).get('/support/conversations/conv-cloud');
      assert.match(page.body, /<li class="event event-info delivery" data-type="delivery"><time>[\d:]+<\/time> WhatsApp: 2 leídas<\/li>/);
      assert.match(page.body, /<li class="event event-error delivery" data-type="delivery"><time>[\d:]+<\/time> WhatsApp: 1 no entregada \(error 131026\)<\/li>/);
      assert.match(page.body, /event-error delivery[^>]*><time>[\d:]+<\/time> WhatsApp: 1 sin enviar: pasaron más de 24 horas/);
      // Each after the answers of the turn it belongs to.
      const order = ['Soy Lina', 'Autorizas', '2 leídas', 'Escríbeme tu documento', 'no entregada', 'Para quién es la cita', 'sin enviar'].map((text) => page.body.indexOf(text));
      assert.ok(order.every((index) => index >= 0));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
      );
    });

    it('masks documents, phones and emails inside what the member wrote, for an agent', async () => {
      const agent = await signedIn(harness, 'agent');
      const page = await agent.get('/support/conversations/conv-laura-case');
      assert.ok(!page.body.includes('1010101010'));
      assert.ok(!page.body.includes('laura.gomez@example.com'));
      assert.ok(!page.body.includes('300 111 2233'));
      assert.ok(page.body.includes('l***z@example.com'));
      assert.ok(page.body.includes('CC ••••••••10'));
      assert.ok(page.body.includes('RISS-2026-000101'));
      assert.ok(!page.body.includes('Exportar CSV'));
    });

    it('audits every view', async () => {
      const agent = await signedIn(harness, 'agent');
      await agent.get('/support/conversations/conv-carlos');
      const rows = harness.db.prepare(`SELECT user_name, action FROM support_audit WHERE conversation_id = 'conv-carlos'`).all() as Array<{ user_name: string; action: string }>;
      assert.deepEqual(rows, [{ user_name: 'ana.asesora', action: 'conversation-view' }]);
    });

    it('answers 404 for an unknown conversation', async () => {
      const agent = await signedIn(harness, 'agent');
      assert.equal((await agent.get('/support/conversations/nope')).status, 404);
      assert.equal((await agent.get('/support/conversations/%3Cscript%3E')).status, 404);
    });
  });

  describe('exports', () => {
    it('lets a supervisor export CSV and .transcript, both audited', async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const csv = await supervisor.get('/support/conversations/conv-laura-case/export.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="?conversacion-2026-11-23-conv-laura-case\.csv"?/);
      assert.ok(csv.body.startsWith('\uFEFFconversation_id,channel,site,at,direction,text,options,state\r\n'));
      assert.ok(csv.body.includes('conv-laura-case,whatsapp,SUBA,2026-11-23T06:01:00-05:00,in,CC 1010101010,,\r\n'));
      assert.ok(csv.body.includes('"No encontré cupos.",') || csv.body.includes('No encontré cupos.,'));
      assert.ok(csv.body.includes('Radicar caso | Volver al menú'));

      const transcript = await supervisor.get('/support/conversations/conv-laura-case/export.transcript');
      assert.equal(transcript.status, 200);
      assert.match(transcript.headers.get('content-disposition') ?? '', /\.transcript"?$/);
      const activities = JSON.parse(transcript.body) as Array<{ conversation: { id: string } }>;
      assert.equal(activities[0]?.conversation.id, 'conv-laura-case');
      assert.deepEqual(harness.exported, ['conv-laura-case']);

      const audit = await supervisor.get('/support/audit?conversation=conv-laura-case');
      assert.ok(audit.body.includes('Exportó una conversación (CSV)'));
      assert.ok(audit.body.includes('Exportó una conversación (.transcript)'));
      assert.ok(audit.body.includes('sergio.supervisor'));
    });
  });

  describe('audit log', () => {
    it('lists who did what and when, newest first, and filters by user', async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const page = await supervisor.get('/support/audit?user=ana.asesora');
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('Vio una conversación'));
      assert.ok(page.body.includes('Inició sesión'));
      assert.ok(page.body.includes('<td>ana.asesora</td>'));
      assert.ok(!page.body.includes('<td>sergio.supervisor</td>'));
    });
  });

  describe('banner', () => {
    it('shows manual notices and the open agenda circuit, highlighted after 3 hours', async () => {
      const now = harness.clock.now().getTime();
      const { notice } = harness.notices.switchOn({ channel: 'whatsapp', text: 'Falla', by: 'andrea.analista', now: now - 4 * HOUR });
      harness.circuit.open = true;
      harness.circuit.since = new Date(now - 10 * 60_000);
      try {
        const agent = await signedIn(harness, 'agent');
        const page = await agent.get('/support/conversations');
        assert.match(
          page.body,
          /<p class="banner-item overdue" data-source="manual">⚠️ Mensaje de falla activo en WhatsApp desde 23\/11\/2026 04:00\.[^<]*<strong>Lleva más de 3 horas/,
        );
        assert.match(page.body, /<p class="banner-item" data-source="agenda">⚠️ La agenda no responde[^<]*07:50/);
      } finally {
        harness.notices.switchOff({ id: notice.id, by: 'andrea.analista', now });
        harness.circuit.open = false;
        delete harness.circuit.since;
      }
      const agent = await signedIn(harness, 'agent');
      assert.ok(!(await agent.get('/support/conversations')).body.includes('class="banner'));
    });
  });
});
