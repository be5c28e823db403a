import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';

import { toCsv } from '../../../adapters/support/csv.js';
import { excludedCaseIn, sniffImage } from '../../../adapters/support/incident-form.js';
import { html, trustedHtml } from '../../../adapters/support/html.js';
import { maskDocument, maskPhone, maskText } from '../../../adapters/support/masking.js';
import { hashPassword, verifyPassword } from '../../../adapters/support/passwords.js';
import { can, PERMISSIONS } from '../../../adapters/support/roles.js';
import { normalizeDocument, phoneCandidates } from '../../../adapters/support/search-query.js';

describe('html templates', () => {
  it('escapes every interpolated value, arrays included, and nothing that is already html', () => {
    const member = '<script>alert("x")</script> & \'`';
    assert.equal(
      html`<p title="${member}">${member}</p>`.toString(),
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;&#96;</p>',
    );
    assert.equal(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.toString(), '<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
    assert.equal(html`${false}${null}${undefined}${0}`.toString(), '0');
    assert.equal(html`${trustedHtml('<br>')}`.toString(), '<br>');
  });
});

describe('masking', () => {
  it('keeps the last digits of documents and phones', () => {
    assert.equal(maskDocument('1010101010'), '•••••••010');
    assert.equal(maskDocument('AB123456'), '•••••456');
    assert.equal(maskPhone('+573001112233'), '+•••••••••233');
  });

  it('masks emails, documents, phones and dates of birth in free text, but not radicados or times', () => {
    assert.equal(
      maskText('Soy CC 1.010.101.010, cel +57 300 111 2233, correo laura.gomez@example.com, caso RISS-2026-000101, nací el 15/03/1994 a las 10:30'),
      'Soy CC •.•••.•••.•10, cel +•• ••• ••• ••33, correo l***z@example.com, caso RISS-2026-000101, nací el ••/••/•••• a las 10:30',
    );
    assert.equal(maskText('te respondo a l***z@example.com'), 'te respondo a l***z@example.com');
    assert.equal(maskText('opción 12345'), 'opción 12345');
  });
});

describe('csv', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    assert.equal(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', '=HYPERLINK("http://x")'],
          ['línea\nnueva', undefined],
          [3, '-1'],
        ],
      ),
      '\uFEFFa,b\r\n"x,y","\'=HYPERLINK(""http://x"")"\r\n"línea\nnueva",\r\n3,\'-1\r\n',
    );
  });
});

describe('incident form checks', () => {
  it("recognises the cases not escalated by the form, and not the brief's own error message", () => {
    assert.equal(excludedCaseIn('No hay disponibilidad de citas en Suba'), 'no_availability');
    assert.equal(excludedCaseIn('el afiliado dice que NO HABÍA DISPONIBILIDAD'), 'no_availability');
    assert.equal(excludedCaseIn('Lina dijo que no hay cupos para pediatría'), 'no_availability');
    assert.equal(excludedCaseIn('La doctora está incapacitada'), 'doctor_sick_leave');
    assert.equal(excludedCaseIn('incapacidad del médico tratante'), 'doctor_sick_leave');
    assert.equal(excludedCaseIn('por terminación de contrato del médico'), 'doctor_contract_end');
    assert.equal(excludedCaseIn('se le venció el contrato al médico'), 'doctor_contract_end');
    assert.equal(excludedCaseIn('se le venció la sesión del portal'), undefined);
    assert.equal(excludedCaseIn('Servicio no disponible. Por favor, intente nuevamente más tarde.'), undefined);
    assert.equal(excludedCaseIn('El portal no está disponible desde las 8'), undefined);
  });

  it('tells images by their first bytes', () => {
    assert.equal(sniffImage(Buffer.from('89504e470d0a1a0a00', 'hex')), 'image/png');
    assert.equal(sniffImage(Buffer.from('ffd8ffe000', 'hex')), 'image/jpeg');
    assert.equal(sniffImage(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])), 'image/webp');
    assert.equal(sniffImage(Buffer.from('<svg onload=alert(1)>')), undefined);
    assert.equal(sniffImage(Buffer.from('GIF89a')), undefined);
  });
});

describe('search input', () => {
  it('reads phones the ways people type them, E.164 first', () => {
    assert.deepEqual(phoneCandidates('300 111 2233'), ['+573001112233', '573001112233', '3001112233']);
    assert.deepEqual(phoneCandidates('+57 (300) 111-2233'), ['+573001112233', '573001112233', '3001112233']);
    assert.deepEqual(phoneCandidates('+1 415 555 0100'), ['+14155550100', '14155550100']);
    assert.equal(phoneCandidates('123'), undefined);
  });

  it('reads documents without type, dots or spaces', () => {
    assert.equal(normalizeDocument('CC 1.010.101.010'), '1010101010');
    assert.equal(normalizeDocument('pa ab12345'), 'AB12345');
    assert.equal(normalizeDocument('<script>'), undefined);
  });
});

describe('roles', () => {
  it('gives exports and the audit log to supervisors only, the switch to analysts only', () => {
    assert.deepEqual(PERMISSIONS.exportConversation, ['supervisor']);
    assert.deepEqual(PERMISSIONS.readAudit, ['supervisor']);
    assert.deepEqual(PERMISSIONS.runFailureSwitch, ['analyst']);
    assert.equal(can('agent', 'seeUnmasked'), false);
    assert.equal(can('agent', 'readDashboard'), false);
    assert.equal(can('agent', 'fileIncident'), true);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt of its own, and verifies in constant time', async () => {
    const [first, second] = await Promise.all([hashPassword('una clave larga y segura'), hashPassword('una clave larga y segura')]);
    assert.match(first, /^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    assert.notEqual(first, second);
    assert.equal(await verifyPassword('una clave larga y segura', first), true);
    assert.equal(await verifyPassword('una clave larga y segurA', first), false);
    assert.equal(await verifyPassword('una clave larga y segura', undefined), false);
    assert.equal(await verifyPassword('una clave larga y segura', 'plain'), false);
  });
});

describe('console texts', () => {
  it('has a Spanish text for every value the pages name', async () => {
    const { hasText } = await import('../../../adapters/support/support-texts.js');
    const { AUDIT_ACTIONS } = await import('../../../bot/ports/support/audit-log.js');
    const { OUTCOMES } = await import('../../../bot/ports/support/conversations.js');
    const { NOTICE_CHANNELS } = await import('../../../bot/ports/support/failure-notices.js');
    const incidents = await import('../../../bot/ports/support/incidents.js');
    const { SUPPORT_ROLES } = await import('../../../bot/ports/support/users.js');
    const { COUNTED_EVENTS } = await import('../../../bot/ports/support/dashboard.js');
    const { DOCUMENT_TYPES } = await import('../../../bot/domain.js');
    const keys = [
      ...AUDIT_ACTIONS.map((action) => `audit.actions.${action}`),
      ...OUTCOMES.map((outcome) => `outcomes.${outcome}`),
      ...NOTICE_CHANNELS.flatMap((channel) => [`noticeChannels.${channel}`, `noticeChannelNames.${channel}`, `failure.alternatives.${channel}`]),
      ...incidents.INCIDENT_STATUSES.map((status) => `incidents.statuses.${status}`),
      ...incidents.INCIDENT_CHANNELS.map((channel) => `incidents.channels.${channel}`),
      ...incidents.SERVICE_POINTS.map((point) => `incidents.servicePoints.${point}`),
      ...[...incidents.INCIDENT_CATEGORIES, ...incidents.EXCLUDED_CATEGORIES].map((category) => `incidents.categories.${category}`),
      ...incidents.EXCLUDED_CATEGORIES.flatMap((category) => [`incidents.excluded.${category}.what`, `incidents.excluded.${category}.route`]),
      ...SUPPORT_ROLES.map((role) => `roles.${role}`),
      ...[...Object.keys(COUNTED_EVENTS), 'conversations', 'noAvailabilityRate'].map((metric) => `dashboard.metrics.${metric}`),
      ...DOCUMENT_TYPES.map((type) => `documentTypes.${type}`),
      ...[400, 401, 403, 404, 413, 500].map((status) => `status.${status}`),
      ...['status400', 'status413', 'status500'].map((key) => `errors.${key}`),
    ];
    assert.deepEqual(
      keys.filter((key) => !hasText(key)),
      [],
    );
  });
});
