import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { MAX_EVIDENCE_BYTES } from '../../../adapters/support/incident-form.js';
import { seedConversation, signedIn, startConsole, type ConsoleClient, type ConsoleHarness } from './console-harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function validForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    channels: ['whatsapp', 'portal'],
    category: 'service_error',
    documentType: 'CC',
    documentNumber: '1010101010',
    memberName: 'Laura Gómez',
    contactPhone: '300 111 2233',
    contactEmail: 'laura.gomez@example.com',
    occurredAt: '2026-11-23T07:40',
    servedVia: 'in_person',
    servedSite: 'SUBA',
    registeredBy: 'Ana, embajadora digital',
    description: 'La afiliada intentó agendar medicina general por WhatsApp y después de elegir la sede Lina dejó de responder.',
    errorMessage: 'Servicio no disponible. Por favor, intente nuevamente más tarde.',
    browser: 'Chrome 126',
    step: 'Elegir sede',
    authorised: 'yes',
    ...overrides,
  };
}

async function fileMultipart(client: ConsoleClient, fields: Record<string, string | string[]>, file?: { data: Buffer; type: string; name: string }) {
  const form = new FormData();
  form.append('_csrf', client.csrf ?? '');
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  if (file) form.append('evidence', new Blob([file.data], { type: file.type }), file.name);
  return client.request('/support/incidents', { method: 'POST', body: form });
}

describe('incident form', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
    seedConversation(harness.db, {
      id: 'conv-laura',
      site: 'SUBA',
      startedAt: harness.clock.now().getTime() - 30 * 60_000,
      outcome: 'error',
      subjects: [{ kind: 'document', value: '1010101010' }],
    });
  });
  afterAll(() => harness.close());

  it("files an incident with an image, lists it as new, and links the member's conversations", async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const filed = await fileMultipart(agent, validForm(), { data: PNG, type: 'image/png', name: 'captura.png' });
    assert.equal(filed.status, 303, filed.body);
    assert.equal(filed.headers.get('location'), '/support/incidents?created=1');

    const list = await agent.get('/support/incidents?created=1');
    assert.ok(list.body.includes('Quedó registrado el incidente #1'));
    assert.match(list.body, /<span class="status status-new">Nuevo<\/span>/);
    assert.ok(list.body.includes('Lina por WhatsApp, Portal web (Transacciones Salud)'));
    assert.ok(list.body.includes('CC •••••••010'));

    const detail = await agent.get('/support/incidents/1');
    assert.ok(detail.body.includes('/support/conversations/conv-laura'));
    assert.ok(detail.body.includes('Servicio no disponible. Por favor, intente nuevamente más tarde.'));
    assert.ok(detail.body.includes('+•••••••••233'));
    assert.ok(detail.body.includes('l***z@example.com'));
    assert.ok(!detail.body.includes('Guardar estado'), 'agents do not change statuses');
    const image = await agent.get('/support/incidents/1/evidence');
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.deepEqual(image.buffer, PNG);
  });

  it('prefills the channel and links the conversation a report starts from', async () => {
    const agent = await signedIn(harness, 'agent');
    const form = await agent.page('/support/incidents/new?conversation=conv-laura');
    assert.ok(form.body.includes('name="conversationId" value="conv-laura"'));
    assert.match(form.body, /value="whatsapp" checked/);
    const filed = await agent.post(
      '/support/incidents',
      validForm({ conversationId: 'conv-laura', documentNumber: '9999999', contactPhone: '', servedVia: 'call_center_pbs', servedSite: '' }),
    );
    assert.equal(filed.status, 303, filed.body);
    const id = /created=(\d+)/.exec(filed.headers.get('location') ?? '')?.[1];
    const detail = await agent.get(`/support/incidents/${id}`);
    assert.ok(detail.body.includes('/support/conversations/conv-laura'));
    const transcript = await agent.get('/support/conversations/conv-laura');
    assert.ok(transcript.body.includes(`/support/incidents/${id}`));
  });

  it('refuses "no hay disponibilidad" with the route to follow, and records nothing', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const before = harness.db.prepare('SELECT COUNT(*) AS n FROM support_incidents').get() as { n: number };
    const refused = await agent.post(
      '/support/incidents',
      validForm({ description: 'La afiliada quiere cita en Suba pero no hay disponibilidad para medicina general esta semana.' }),
    );
    assert.equal(refused.status, 422);
    assert.ok(refused.body.includes('Este caso no se escala con este formulario'));
    assert.ok(refused.body.includes('radica un caso en RISS'));
    assert.ok(refused.body.includes('5 días hábiles'));
    assert.ok(refused.body.includes('name="notExcluded"'));
    assert.ok(refused.body.includes('no hay disponibilidad para medicina general'), 'the form comes back filled in');
    const after = harness.db.prepare('SELECT COUNT(*) AS n FROM support_incidents').get() as { n: number };
    assert.equal(after.n, before.n);
  });

  it('refuses the excluded categories outright, each with its own route', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const cases: Array<[string, RegExp]> = [
      ['no_availability', /otra franja, luego otro médico/],
      ['doctor_sick_leave', /gestor o al administrador de la sede/],
      ['doctor_contract_end', /reasigne a los pacientes/],
    ];
    for (const [category, route] of cases) {
      const refused = await agent.post('/support/incidents', validForm({ category }));
      assert.equal(refused.status, 422, category);
      assert.match(refused.body, route);
      assert.ok(!refused.body.includes('name="notExcluded"'), 'a chosen category cannot be overridden');
    }
  });

  it('recognises sick leave and contract ends in the description, and accepts a confirmed channel failure', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const sickLeave = await agent.post('/support/incidents', validForm({ description: 'El médico tratante está incapacitado y el afiliado no consigue cita.' }));
    assert.equal(sickLeave.status, 422);
    assert.ok(sickLeave.body.includes('incapacidad de un médico'));
    const contract = await agent.post('/support/incidents', validForm({ description: 'La doctora ya no atiende por finalización de contrato y no sale en la agenda.' }));
    assert.equal(contract.status, 422);
    assert.ok(contract.body.includes('terminación del contrato'));
    const confirmed = await agent.post(
      '/support/incidents',
      validForm({ description: 'Lina dijo que no hay disponibilidad, pero al radicar el caso RISS respondió con un error.', notExcluded: 'yes' }),
    );
    assert.equal(confirmed.status, 303);
  });

  it('does not mistake the brief\'s "Servicio no disponible" for a no-availability case', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const filed = await agent.post('/support/incidents', validForm({ description: 'Al elegir la especialidad el portal respondió: Servicio no disponible.' }));
    assert.equal(filed.status, 303);
  });

  it('says what is missing: description, authorisation, channels, contact, a site for in-person service', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const reply = await agent.post('/support/incidents', validForm({ description: '', authorised: '', channels: [], contactPhone: '', contactEmail: '', servedSite: '' }));
    assert.equal(reply.status, 400);
    assert.match(reply.body, /Revisa los campos marcados/);
    for (const id of ['description-error', 'authorised-error', 'channels-error', 'contactPhone-error', 'servedSite-error']) {
      assert.ok(reply.body.includes(`id="${id}"`), id);
    }
    const future = await agent.post('/support/incidents', validForm({ occurredAt: '2026-11-24T10:00' }));
    assert.ok(future.body.includes('La fecha no puede ser futura'));
  });

  it('limits the evidence to PNG, JPG or WEBP images of up to 2 MB, by content', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/incidents/new');
    const html = await fileMultipart(agent, validForm(), { data: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png', name: 'x.png' });
    assert.equal(html.status, 400);
    assert.ok(html.body.includes('La evidencia debe ser una imagen PNG, JPG o WEBP'));
    const large = Buffer.concat([PNG, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    const tooLarge = await fileMultipart(agent, validForm(), { data: large, type: 'image/png', name: 'big.png' });
    assert.equal(tooLarge.status, 400);
    assert.ok(tooLarge.body.includes('pesa más de 2 MB'));
    const huge = await fileMultipart(agent, validForm(), { data: Buffer.alloc(MAX_EVIDENCE_BYTES * 2), type: 'image/png', name: 'huge.png' });
    assert.equal(huge.status, 413);
  });

  it('lets a supervisor see the data in full and move the status; the list filters by it', async () => {
    const supervisor = await signedIn(harness, 'supervisor');
    const detail = await supervisor.page('/support/incidents/1');
    assert.ok(detail.body.includes('CC 1010101010'));
    assert.ok(detail.body.includes('laura.gomez@example.com'));
    assert.equal((await supervisor.post('/support/incidents/1/status', { status: 'in_progress' })).status, 303);
    assert.equal((await supervisor.post('/support/incidents/1/status', { status: 'lost' })).status, 400);
    const inProgress = await supervisor.get('/support/incidents?status=in_progress');
    assert.match(inProgress.body, /<a href="\/support\/incidents\/1">/);
    const fresh = await supervisor.get('/support/incidents?status=new');
    assert.doesNotMatch(fresh.body, /<a href="\/support\/incidents\/1">/);
    const audit = await supervisor.get('/support/audit');
    assert.ok(audit.body.includes('Cambió el estado de un incidente'));
    assert.ok(audit.body.includes('Registró un incidente'));
  });
});
