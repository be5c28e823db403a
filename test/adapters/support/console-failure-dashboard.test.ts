import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { seedConversation, signedIn, startConsole, type ConsoleHarness } from './console-harness.js';

const HOUR = 60 * 60 * 1000;

describe('failure-message switch', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole({ supportPhone: '601 4441234', supportHours: 'lunes a sábado, de 7:00 a. m. a 7:00 p. m.' });
  });
  afterAll(() => harness.close());

  it('proposes a Spanish message with the phone line and the other digital channel, per channel', async () => {
    const analyst = await signedIn(harness, 'analyst');
    const page = await analyst.page('/support/failure');
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('No hay mensajes de falla activos'));
    const textarea = /<textarea name="text" id="notice-text"[^>]*>([^<]*)<\/textarea>/.exec(page.body)?.[1] ?? '';
    assert.match(textarea, /Línea de citas médicas PBS 601 4441234/);
    assert.match(textarea, /app o en el portal web/);
    assert.match(page.body, /<option value="whatsapp" data-default-text="[^"]*chat de nuestra página web/);
    assert.match(page.body, /<option value="webchat" data-default-text="[^"]*por WhatsApp/);
  });

  it('switches on, updates without resetting the start, and switches off, auditing each change', async () => {
    let analyst = await signedIn(harness, 'analyst');
    await analyst.page('/support/failure');
    const start = harness.clock.now().getTime();
    const on = await analyst.post('/support/failure', { channel: 'whatsapp', text: 'Lina está en mantenimiento.', endsAt: '' });
    assert.equal(on.status, 303);
    assert.equal(on.headers.get('location'), '/support/failure?done=on');
    assert.equal(harness.notices.current('whatsapp', harness.clock.now())?.text, 'Lina está en mantenimiento.');
    assert.equal(harness.notices.current('webchat', harness.clock.now()), undefined);

    harness.clock.advance(HOUR);
    // Sessions end after 30 idle minutes: sign in again, as the analyst would.
    analyst = await signedIn(harness, 'analyst');
    await analyst.page('/support/failure');
    const updated = await analyst.post('/support/failure', { channel: 'whatsapp', text: 'Seguimos en mantenimiento.', endsAt: '2026-11-23T18:00' });
    assert.equal(updated.headers.get('location'), '/support/failure?done=updated');
    const current = harness.notices.current('whatsapp', harness.clock.now());
    assert.equal(current?.text, 'Seguimos en mantenimiento.');
    assert.equal(current?.since.getTime(), start);

    const page = await analyst.page('/support/failure?done=updated');
    assert.ok(page.body.includes('conserva su hora de inicio'));
    assert.ok(page.body.includes('se apaga solo el 23/11/2026 18:00'));
    assert.match(page.body, /data-source="manual">⚠️ Mensaje de falla activo en WhatsApp desde 23\/11\/2026 08:00/);

    harness.clock.advance(2 * HOUR + 60_000);
    analyst = await signedIn(harness, 'analyst');
    const late = await analyst.page('/support/failure');
    assert.match(late.body, /<li class="notice-item overdue" data-channel="whatsapp">/);
    assert.ok(late.body.includes('Más de 3 horas: activa el protocolo de escalamiento.'));

    const id = /action="\/support\/failure\/(\d+)\/off"/.exec(late.body)?.[1];
    const off = await analyst.post(`/support/failure/${id}/off`, {});
    assert.equal(off.headers.get('location'), '/support/failure?done=off');
    assert.equal(harness.notices.current('whatsapp', harness.clock.now()), undefined);

    const actions = harness.db.prepare(`SELECT action, user_name FROM support_audit WHERE action LIKE 'failure-notice-%' ORDER BY id`).all();
    assert.deepEqual(actions, [
      { action: 'failure-notice-on', user_name: 'andrea.analista' },
      { action: 'failure-notice-update', user_name: 'andrea.analista' },
      { action: 'failure-notice-off', user_name: 'andrea.analista' },
    ]);
  });

  it('refuses an empty text, an unknown channel or an end in the past, keeping what was typed', async () => {
    const analyst = await signedIn(harness, 'analyst');
    await analyst.page('/support/failure');
    const reply = await analyst.post('/support/failure', { channel: 'sms', text: '', endsAt: '2020-01-01T00:00' });
    assert.equal(reply.status, 400);
    assert.ok(reply.body.includes('Elige un canal.'));
    assert.ok(reply.body.includes('Escribe el mensaje para los afiliados.'));
    assert.ok(reply.body.includes('La fecha de apagado ya pasó.'));
    assert.ok(reply.body.includes('value="2020-01-01T00:00"'));
    assert.equal(harness.notices.active(harness.clock.now().getTime()).length, 0);
  });

  it('shows whether the agenda circuit is open', async () => {
    const analyst = await signedIn(harness, 'analyst');
    harness.circuit.open = true;
    harness.circuit.since = new Date(harness.clock.now().getTime() - 5 * 60_000);
    try {
      const page = await analyst.get('/support/failure');
      assert.match(page.body, /id="agenda-circuit">La agenda está fallando desde/);
    } finally {
      harness.circuit.open = false;
      delete harness.circuit.since;
    }
    assert.match((await analyst.get('/support/failure')).body, /id="agenda-circuit">La agenda responde con normalidad/);
  });
});

describe('dashboard', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
    const now = harness.clock.now().getTime();
    const yesterday = now - 24 * HOUR;
    const seeds: Array<[string, string, string | null, number, string[]]> = [
      ['d1', 'whatsapp', 'SUBA', now - HOUR, ['booking-started', 'outcome:booked:SUBA']],
      ['d2', 'whatsapp', 'SUBA', now - HOUR, ['booking-started', 'no-availability', 'outcome:case_filed:SUBA']],
      ['d3', 'webchat', null, now - HOUR, ['outcome:consulted:KENNEDY', 'outcome:cancelled:KENNEDY']],
      ['d4', 'whatsapp', 'SUBA', yesterday, ['booking-started', 'agenda-error', 'outcome:error']],
      ['d5', 'whatsapp', null, yesterday, ['outcome:abandoned', 'failure-notice']],
    ];
    for (const [id, channel, site, at, events] of seeds) {
      seedConversation(harness.db, {
        id,
        channel,
        site,
        startedAt: at,
        events: events.map((event) => {
          const [type, detail] = event.startsWith('outcome:') ? [event.split(':').slice(0, 2).join(':'), event.split(':')[2]] : [event, undefined];
          return { type, ...(detail ? { detail } : {}), at };
        }),
      });
    }
    harness.agenda.otherBookings.push(
      { day: '2026-11-23', site: 'SUBA', specialty: 'medicina_general', channel: 'call_center', bookings: 2 },
      { day: '2026-11-23', site: 'SUBA', specialty: 'medicina_general', channel: 'in_person', bookings: 1 },
      { day: '2026-11-22', site: 'KENNEDY', specialty: 'pediatria', channel: 'in_person', bookings: 4 },
    );
    await harness.agenda.book({
      patientId: 'mem-laura',
      slotId: harness.agenda.slots.find((slot) => slot.site === 'SUBA' && slot.specialty === 'medicina_general')?.id ?? '',
      cups: '890201',
      idempotencyKey: 'k1',
    });
  });
  afterAll(() => harness.close());

  it('counts per day, site and channel, with the no-availability rate', async () => {
    const analyst = await signedIn(harness, 'analyst');
    const page = await analyst.get('/support/dashboard');
    assert.equal(page.status, 200);
    const rows = [...page.body.matchAll(/<tr><td>(\d\d\/\d\d\/\d{4})<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((match) => [
      match[1],
      match[2],
      match[3],
      ...[...(match[4] ?? '').matchAll(/<td>([^<]*)<\/td>/g)].map((cell) => cell[1]),
    ]);
    // conversations, bookings, consultations, cancellations, reschedules, cases, started, no-availability, rate, abandoned, errors, agenda errors, notices
    assert.deepEqual(rows, [
      ['22/11/2026', 'Sin sede', 'WhatsApp', '1', '0', '0', '0', '0', '0', '0', '0', '—', '1', '0', '0', '1'],
      ['22/11/2026', 'USS Suba', 'WhatsApp', '1', '0', '0', '0', '0', '0', '1', '0', '0,0 %', '0', '1', '1', '0'],
      ['23/11/2026', 'Sin sede', 'Chat web', '1', '0', '0', '0', '0', '0', '0', '0', '—', '0', '0', '0', '0'],
      ['23/11/2026', 'USS Kennedy', 'Chat web', '0', '0', '1', '1', '0', '0', '0', '0', '—', '0', '0', '0', '0'],
      ['23/11/2026', 'USS Suba', 'WhatsApp', '2', '1', '0', '0', '0', '1', '2', '1', '50,0 %', '0', '0', '0', '0'],
    ]);
    assert.ok(page.body.includes('<script src="/support/assets/chart.umd.min.js" defer></script>'));
    assert.match(page.body, /<canvas id="activity-chart"[^>]*data-chart="\{&quot;type&quot;:&quot;bar&quot;/);
  });

  it('shows the digital share per site from the agenda', async () => {
    const analyst = await signedIn(harness, 'analyst');
    const page = await analyst.get('/support/dashboard?from=2026-11-20&to=2026-11-30');
    // One booking through Lina at Suba today, 3 by other channels at Suba and 4 at Kennedy.
    assert.match(page.body, /<tr><td>USS Suba<\/td><td>Medicina general<\/td><td>1<\/td><td>2<\/td><td>1<\/td><td>4<\/td><td>25,0 %<\/td><\/tr>/);
    assert.match(page.body, /<tr><td>USS Kennedy<\/td><td>Pediatría<\/td><td>0<\/td><td>0<\/td><td>4<\/td><td>4<\/td><td>0,0 %<\/td><\/tr>/);
    assert.match(page.body, /id="digital-share-total">Participación digital: 12,5 % de 8 citas/);
  });

  it('narrows by site and channel, and explains a bad period', async () => {
    const analyst = await signedIn(harness, 'analyst');
    const page = await analyst.get('/support/dashboard?site=KENNEDY&from=2026-11-30&to=2026-11-01');
    assert.ok(page.body.includes('«desde» era posterior a «hasta»'));
    assert.ok(!page.body.includes('<td>USS Suba</td>'));
    const long = await analyst.get('/support/dashboard?from=2026-01-01&to=2026-11-23');
    assert.ok(long.body.includes('El periodo máximo es de 92 días'));
  });

  it('downloads each table as CSV', async () => {
    const supervisor = await signedIn(harness, 'supervisor');
    const activity = await supervisor.get('/support/dashboard/activity.csv?from=2026-11-23&to=2026-11-23&channel=whatsapp');
    assert.equal(activity.status, 200);
    assert.match(activity.headers.get('content-disposition') ?? '', /actividad-2026-11-23-2026-11-23\.csv/);
    assert.equal(
      activity.body,
      '\uFEFFDía,Sede,Canal,Conversaciones,Citas agendadas,Consultas,Cancelaciones,Reprogramaciones,Casos RISS,Búsquedas de cita,Sin disponibilidad,Tasa sin disponibilidad,Abandonos,Errores,Errores de agenda,Mensajes de falla dados\r\n' +
        '2026-11-23,USS Suba,WhatsApp,2,1,0,0,0,1,2,1,"50,0 %",0,0,0,0\r\n',
    );
    const share = await supervisor.get('/support/dashboard/digital-share.csv?from=2026-11-20&to=2026-11-30');
    assert.equal(share.status, 200);
    assert.ok(share.body.includes('USS Suba,Medicina general,1,2,1,4,"25,0 %"\r\n'));
    assert.ok(share.body.includes('Todas las sedes,Todas,1,2,5,8,"12,5 %"\r\n'));
  });

  it("still shows Lina's activity when the agenda cannot answer", async () => {
    harness.agenda.failWith('bookingStats', 'UNAVAILABLE');
    try {
      const analyst = await signedIn(harness, 'analyst');
      const page = await analyst.get('/support/dashboard');
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('id="share-unavailable"'));
      assert.ok(page.body.includes('id="activity"'));
      assert.equal((await analyst.get('/support/dashboard/digital-share.csv')).status, 503);
    } finally {
      harness.agenda.heal('bookingStats');
    }
  });
});
