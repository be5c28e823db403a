import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import { rendererGlobals } from '../../bot/main/runtime.js';

/** The problems `loadConfig` reports for this environment; fails the test if it loads. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('the configuration was accepted');
}

describe('loadConfig', () => {
  it('runs the embedded setup with no variables at all', () => {
    assert.deepEqual(loadConfig({}), {
      database: { path: 'var/lina.db', retentionDays: 365 },
      conversation: {
        sessionTimeoutMs: 10 * 60_000,
        turnTimeoutMs: 10_000,
        maxMessageLength: 2000,
        policyVersion: '2026-01',
        supportPhone: '601 4441234',
        supportHours: 'lunes a sábado, de 7:00 a. m. a 7:00 p. m.',
        digitalSupportPhone: '601 4441234',
        digitalSupportHours: 'lunes a sábado, de 7:00 a. m. a 7:00 p. m.',
        pacPhone: '601 4441234',
        pacHours: 'lunes a viernes, de 7:00 a. m. a 5:00 p. m.',
        policyUrl: 'http://localhost:3978/politica-de-datos',
        minLeadMinutes: 60,
        lockout: { maxFailures: 3, windowMs: 15 * 60_000 },
        rateLimitPerMinute: 30,
        liveConversations: 2000,
      },
      log: { level: 'info' },
      agenda: {
        url: undefined,
        timeoutMs: 4000,
        resilience: {
          retries: 1,
          retryBaseDelayMs: 200,
          errorThresholdPercentage: 50,
          volumeThreshold: 6,
          rollingWindowMs: 30_000,
          resetTimeoutMs: 30_000,
        },
        simulator: { host: '127.0.0.1', port: 4010, databasePath: ':memory:' },
      },
      web: {
        host: '127.0.0.1',
        port: 3978,
        publicUrl: 'http://localhost:3978',
        directLineSecret: undefined,
        directLineTokenSecret: undefined,
        directLine: { maxTokenLifetimeMs: 8 * 3_600_000, streamsPerConversation: 3, postsPerMinute: 20, maxConversationBytes: 512 * 1024 },
        localBotSecret: undefined,
        botServiceUrls: undefined,
        trustProxy: false,
        botFramework: { appType: 'MultiTenant' },
      },
      whatsapp: {
        enabled: false,
        number: undefined,
        pairingPhone: undefined,
        chatGapMs: 1200,
        maxPerMinute: 40,
        reconnectMaxMs: 60_000,
        provider: 'baileys',
        cloud: { phoneNumberId: '', accessToken: '', appSecret: '', verifyToken: '', apiUrl: 'https://graph.facebook.com', apiVersion: 'v21.0', local: false },
      },
    });
  });

  it('reads WhatsApp switches and numbers the way people write them', () => {
    const config = loadConfig({ WHATSAPP_ENABLED: 'Yes', WHATSAPP_NUMBER: '+57 300 123-4567', WHATSAPP_PAIRING_PHONE: '(57) 3001234567' });
    assert.equal(config.whatsapp.enabled, true);
    assert.equal(config.whatsapp.number, '573001234567');
    assert.equal(config.whatsapp.pairingPhone, '573001234567');
    assert.equal(loadConfig({ WHATSAPP_ENABLED: 'off' }).whatsapp.enabled, false);
    assert.deepEqual(problemsOf({ WHATSAPP_ENABLED: 'maybe', WHATSAPP_NUMBER: '12' }).length, 2);
  });

  it('derives the public address from host and port unless one is given', () => {
    assert.equal(loadConfig({ LINA_HOST: '0.0.0.0', LINA_PORT: '8080' }).web.publicUrl, 'http://localhost:8080');
    assert.equal(loadConfig({ LINA_PUBLIC_URL: 'https://lina.example.org/' }).web.publicUrl, 'https://lina.example.org');
    assert.ok(problemsOf({ LINA_PUBLIC_URL: 'ftp://x' }).some((problem) => problem.startsWith('LINA_PUBLIC_URL')));
  });

  it('takes Azure Bot Service credentials only when given', () => {
    const config = loadConfig({ MICROSOFT_APP_ID: ' app ', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: 't' });
    assert.deepEqual(config.web.botFramework, { appId: 'app', appPassword: 'secret', tenantId: 't', appType: 'SingleTenant' });
    assert.ok(problemsOf({ MICROSOFT_APP_TYPE: 'Other' }).length === 1);
  });

  it('reads every variable, numbers from text and minutes as milliseconds', () => {
    const config = loadConfig({
      LINA_DATABASE_PATH: '/data/lina.db',
      LINA_SESSION_TIMEOUT_MINUTES: '15',
      LINA_TURN_TIMEOUT_MS: '3000',
      LINA_MAX_MESSAGE_LENGTH: '500',
      LINA_POLICY_VERSION: '2027-02',
      LINA_SUPPORT_PHONE: '601 0000000',
      LINA_SUPPORT_HOURS: 'todos los días',
      LOG_LEVEL: 'debug',
      AGENDA_URL: ' https://agenda.example.com/api ',
      AGENDA_TIMEOUT_MS: '2500',
      AGENDA_SIMULATOR_HOST: '0.0.0.0',
      AGENDA_SIMULATOR_PORT: '0',
      AGENDA_SIMULATOR_DATABASE_PATH: 'var/agenda.db',
    });
    assert.equal(config.database.path, '/data/lina.db');
    assert.equal(config.conversation.sessionTimeoutMs, 15 * 60_000);
    assert.equal(config.conversation.turnTimeoutMs, 3000);
    assert.equal(config.conversation.maxMessageLength, 500);
    assert.equal(config.conversation.policyVersion, '2027-02');
    assert.equal(config.log.level, 'debug');
    assert.equal(config.agenda.url, 'https://agenda.example.com/api');
    assert.equal(config.agenda.timeoutMs, 2500);
    assert.deepEqual(config.agenda.simulator, { host: '0.0.0.0', port: 0, databasePath: 'var/agenda.db' });
  });

  it('reads the support lines, the PAC line, the policy link and the lead time', () => {
    const config = loadConfig({
      LINA_DIGITAL_SUPPORT_PHONE: ' 601 3330000 ',
      LINA_DIGITAL_SUPPORT_HOURS: 'todos los días, de 6:00 a. m. a 10:00 p. m.',
      LINA_PAC_PHONE: '601 5550000',
      LINA_PAC_HOURS: 'lunes a viernes',
      LINA_POLICY_URL: ' https://plan.example.org/politica-de-datos/ ',
      LINA_MIN_LEAD_MINUTES: '90',
    });
    assert.equal(config.conversation.digitalSupportPhone, '601 3330000');
    assert.equal(config.conversation.digitalSupportHours, 'todos los días, de 6:00 a. m. a 10:00 p. m.');
    assert.equal(config.conversation.pacPhone, '601 5550000');
    assert.equal(config.conversation.pacHours, 'lunes a viernes');
    assert.equal(config.conversation.policyUrl, 'https://plan.example.org/politica-de-datos');
    assert.equal(config.conversation.minLeadMinutes, 90);
    assert.equal(loadConfig({ LINA_MIN_LEAD_MINUTES: '0' }).conversation.minLeadMinutes, 0);
    // Left blank in .env (as LINA_POLICY_URL is in .env.example) it is not set: not 0, which would offer slots starting now.
    assert.equal(loadConfig({ LINA_MIN_LEAD_MINUTES: '' }).conversation.minLeadMinutes, 60);
    assert.equal(loadConfig({ LINA_MIN_LEAD_MINUTES: '  ' }).conversation.minLeadMinutes, 60);
    assert.equal(loadConfig({ LINA_MIN_LEAD_MINUTES: '1440' }).conversation.minLeadMinutes, 1440);
  });

  it("links the consent to Lina's own policy page at the public address unless LINA_POLICY_URL is given", () => {
    assert.equal(loadConfig({ LINA_PUBLIC_URL: 'https://lina.example.org/' }).conversation.policyUrl, 'https://lina.example.org/politica-de-datos');
    assert.equal(loadConfig({ LINA_HOST: '0.0.0.0', LINA_PORT: '8080' }).conversation.policyUrl, 'http://localhost:8080/politica-de-datos');
    assert.equal(loadConfig({ LINA_HOST: 'lina.internal', LINA_PORT: '8080' }).conversation.policyUrl, 'http://lina.internal:8080/politica-de-datos');
    assert.equal(loadConfig({ LINA_POLICY_URL: '', LINA_PUBLIC_URL: 'https://lina.example.org' }).conversation.policyUrl, 'https://lina.example.org/politica-de-datos');
    assert.equal(loadConfig({ LINA_POLICY_URL: '   ' }).conversation.policyUrl, 'http://localhost:3978/politica-de-datos');
    assert.equal(
      loadConfig({ LINA_POLICY_URL: 'https://plan.example.org/datos', LINA_PUBLIC_URL: 'https://lina.example.org' }).conversation.policyUrl,
      'https://plan.example.org/datos',
    );
  });

  it("reads the sites' addresses as a JSON object by site code, and refuses what is not one", () => {
    assert.deepEqual(loadConfig({ LINA_SITE_ADDRESSES: ' {"KENNEDY": " Carrera 78K # 36-35 Sur, Bogotá "} ' }).conversation.siteAddresses, {
      KENNEDY: 'Carrera 78K # 36-35 Sur, Bogotá',
    });
    assert.equal(loadConfig({ LINA_SITE_ADDRESSES: ' ' }).conversation.siteAddresses, undefined);
    for (const wrong of ['Carrera 78K # 36-35', '{"NOWHERE":"Calle 1 # 2-3"}', '{"SUBA":"x"}', '["SUBA"]']) {
      assert.match(problemsOf({ LINA_SITE_ADDRESSES: wrong }).join('\n'), /^LINA_SITE_ADDRESSES/, wrong);
    }
  });

  it('refuses a lead time, lines, hours or a policy link that cannot be right, listed with the other problems', () => {
    const problems = problemsOf({
      LINA_MIN_LEAD_MINUTES: '-1',
      LINA_DIGITAL_SUPPORT_PHONE: '12',
      LINA_DIGITAL_SUPPORT_HOURS: ' ',
      LINA_PAC_PHONE: 'x'.repeat(41),
      LINA_PAC_HOURS: 'x'.repeat(121),
      LINA_POLICY_URL: 'politica-de-datos',
      LINA_TURN_TIMEOUT_MS: '999',
    });
    assert.deepEqual(problems.map((line) => line.split(':')[0]).sort(), [
      'LINA_DIGITAL_SUPPORT_HOURS',
      'LINA_DIGITAL_SUPPORT_PHONE',
      'LINA_MIN_LEAD_MINUTES',
      'LINA_PAC_HOURS',
      'LINA_PAC_PHONE',
      'LINA_POLICY_URL',
      'LINA_TURN_TIMEOUT_MS',
    ]);
    for (const value of ['1441', '1.5', 'una hora', 'NaN']) {
      const lead = problemsOf({ LINA_MIN_LEAD_MINUTES: value });
      assert.equal(lead.length, 1, value);
      assert.match(lead[0] ?? '', /^LINA_MIN_LEAD_MINUTES: /, value);
    }
    for (const url of ['ftp://plan.example.org/datos', 'plan.example.org/datos', 'javascript:alert(1)']) {
      const policy = problemsOf({ LINA_POLICY_URL: url });
      assert.equal(policy.length, 1, url);
      assert.match(policy[0] ?? '', /^LINA_POLICY_URL: /, url);
    }
  });

  it('treats an empty or blank AGENDA_URL as "run the simulator"', () => {
    assert.equal(loadConfig({ AGENDA_URL: '' }).agenda.url, undefined);
    assert.equal(loadConfig({ AGENDA_URL: '   ' }).agenda.url, undefined);
  });

  it('refuses an AGENDA_URL that is not an http(s) URL', () => {
    for (const url of ['agenda', 'localhost:4010', 'ftp://agenda.example.com']) {
      const problems = problemsOf({ AGENDA_URL: url });
      assert.equal(problems.length, 1, url);
      assert.match(problems[0] ?? '', /^AGENDA_URL: /, url);
    }
  });

  it('lists every problem at once, one line each', () => {
    const env = { LINA_TURN_TIMEOUT_MS: 'soon', LOG_LEVEL: 'verbose' };
    const problems = problemsOf(env);
    assert.equal(problems.length, 2);
    assert.match(problems.find((line) => line.startsWith('LINA_TURN_TIMEOUT_MS: ')) ?? '', /.+/);
    assert.match(problems.find((line) => line.startsWith('LOG_LEVEL: ')) ?? '', /.+/);

    const error = (() => {
      try {
        loadConfig(env);
      } catch (caught) {
        return caught as Error;
      }
      assert.fail('the configuration was accepted');
    })();
    assert.equal(error.message.split('\n').filter((line) => line.startsWith('  - ')).length, 2);
  });

  it('refuses values out of range', () => {
    const problems = problemsOf({
      LINA_SESSION_TIMEOUT_MINUTES: '0',
      LINA_TURN_TIMEOUT_MS: '999',
      LINA_MAX_MESSAGE_LENGTH: '99',
      AGENDA_TIMEOUT_MS: '60001',
      AGENDA_SIMULATOR_PORT: '65536',
      LINA_POLICY_VERSION: '   ',
    });
    assert.deepEqual(problems.map((line) => line.split(':')[0]).sort(), [
      'AGENDA_SIMULATOR_PORT',
      'AGENDA_TIMEOUT_MS',
      'LINA_MAX_MESSAGE_LENGTH',
      'LINA_POLICY_VERSION',
      'LINA_SESSION_TIMEOUT_MINUTES',
      'LINA_TURN_TIMEOUT_MS',
    ]);
  });

  it('reads which reverse proxies may name a client address, and refuses trusting anyone', () => {
    const trust = (value: string) => loadConfig({ LINA_TRUST_PROXY: value }).web.trustProxy;
    assert.equal(trust(''), false);
    assert.equal(trust('off'), false);
    assert.equal(trust('1'), 1);
    assert.equal(trust('Loopback'), 'loopback');
    assert.equal(trust('loopback, 10.0.0.0/8 ,fd00::/8, 192.168.1.10'), 'loopback,10.0.0.0/8,fd00::/8,192.168.1.10');
    for (const value of ['true', 'everyone', '10.0.0.0/33', '10.0.0/8', 'loopback,,x', '::1/129', '1.2.3.4/8/8']) {
      const problems = problemsOf({ LINA_TRUST_PROXY: value });
      assert.equal(problems.length, 1, value);
      assert.match(problems[0] ?? '', /^LINA_TRUST_PROXY: /, value);
    }
  });

  it('reads the issue 15 settings: the local bot secret, the serviceUrl allow-list and the Direct Line bounds', () => {
    const config = loadConfig({
      LINA_LOCAL_BOT_SECRET: ' a-long-enough-secret ',
      LINA_BOT_SERVICE_URLS: 'https://*.BotFramework.com, http://localhost:*, https://smba.trafficmanager.net:443/',
      LINA_DIRECTLINE_TOKEN_MAX_HOURS: '2.5',
      LINA_DIRECTLINE_STREAMS_PER_CONVERSATION: '1',
      LINA_DIRECTLINE_POSTS_PER_MINUTE: '12',
      LINA_DIRECTLINE_MAX_CONVERSATION_KB: '64',
    });
    assert.equal(config.web.localBotSecret, 'a-long-enough-secret');
    assert.deepEqual(config.web.botServiceUrls, [
      { protocol: 'https:', host: '*.botframework.com', port: '' },
      { protocol: 'http:', host: 'localhost', port: '*' },
      { protocol: 'https:', host: 'smba.trafficmanager.net', port: '' },
    ]);
    assert.deepEqual(config.web.directLine, { maxTokenLifetimeMs: 9_000_000, streamsPerConversation: 1, postsPerMinute: 12, maxConversationBytes: 65_536 });
  });

  it('refuses a short local secret, an unreadable allow-list and Direct Line bounds out of range, with a clear line each', () => {
    const problems = problemsOf({
      LINA_LOCAL_BOT_SECRET: 'short',
      LINA_BOT_SERVICE_URLS: 'ftp://x, https://',
      LINA_DIRECTLINE_TOKEN_MAX_HOURS: '0',
      LINA_DIRECTLINE_STREAMS_PER_CONVERSATION: 'many',
      LINA_DIRECTLINE_POSTS_PER_MINUTE: '-1',
      LINA_DIRECTLINE_MAX_CONVERSATION_KB: '1',
    });
    assert.deepEqual(problems.map((line) => line.split(':')[0]).sort(), [
      'LINA_BOT_SERVICE_URLS',
      'LINA_DIRECTLINE_MAX_CONVERSATION_KB',
      'LINA_DIRECTLINE_POSTS_PER_MINUTE',
      'LINA_DIRECTLINE_STREAMS_PER_CONVERSATION',
      'LINA_DIRECTLINE_TOKEN_MAX_HOURS',
      'LINA_LOCAL_BOT_SECRET',
    ]);
    assert.ok(
      problems.every((line) => !line.includes('short')),
      'the secret is not quoted',
    );
  });

  it('never quotes a rejected value in its problems (it may be a secret)', () => {
    const problems = problemsOf({ AGENDA_URL: 'not-a-url-s3cr3t', LINA_TURN_TIMEOUT_MS: 'tok3n' });
    assert.ok(
      problems.every((line) => !line.includes('s3cr3t') && !line.includes('tok3n')),
      problems.join('\n'),
    );
  });

  it('ignores variables it does not know', () => {
    assert.equal(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).database.path, 'var/lina.db');
  });

  it('loads .env.example as the defaults it claims to show', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    assert.ok(Object.keys(env).length >= 13, 'every variable is documented');
    assert.deepEqual(loadConfig(env), loadConfig({}));
  });
});

describe('rendererGlobals', () => {
  it('gives every text the lines, their hours and the policy link of the configuration', () => {
    const config = loadConfig({
      LINA_SUPPORT_PHONE: '601 1110000',
      LINA_SUPPORT_HOURS: 'lunes a sábado',
      LINA_DIGITAL_SUPPORT_PHONE: '601 2220000',
      LINA_DIGITAL_SUPPORT_HOURS: 'todos los días',
      LINA_PAC_PHONE: '601 3330000',
      LINA_PAC_HOURS: 'lunes a viernes',
      LINA_POLICY_URL: 'https://plan.example.org/datos',
    });
    assert.deepEqual(rendererGlobals(config), {
      supportPhone: '601 1110000',
      supportHours: 'lunes a sábado',
      digitalSupportPhone: '601 2220000',
      digitalSupportHours: 'todos los días',
      pacPhone: '601 3330000',
      pacHours: 'lunes a viernes',
      policyUrl: 'https://plan.example.org/datos',
    });
    const renderer = new Renderer(rendererGlobals(config));
    const now = new Date('2026-11-23T08:00:00-05:00');
    const consent = renderer.text('consent.ask', { version: config.conversation.policyVersion }, now);
    assert.ok(consent.includes('https://plan.example.org/datos'), consent);
    const help = renderer.text('help.support', {}, now);
    for (const part of ['601 1110000', 'lunes a sábado', '601 2220000', 'todos los días']) assert.ok(help.includes(part), `${part} in ${help}`);
    const pac = renderer.text('eligibility.notPbs', {}, now);
    for (const part of ['601 3330000', 'lunes a viernes']) assert.ok(pac.includes(part), `${part} in ${pac}`);
    // No text of the locale is left with a configured part unfilled.
    for (const key of ['consent.ask', 'consent.declined', 'help.support', 'eligibility.notPbs', 'eligibility.inactive', 'errors.agendaUnavailable']) {
      assert.doesNotMatch(renderer.text(key, { version: '2026-01' }, now), /\{\{/, key);
    }
  });

  it("links to Lina's own policy page by default", () => {
    assert.equal(rendererGlobals(loadConfig({ LINA_PUBLIC_URL: 'https://lina.example.org' })).policyUrl, 'https://lina.example.org/politica-de-datos');
  });
});

describe('loadConfig: the WhatsApp provider', () => {
  const CLOUD = {
    WHATSAPP_ENABLED: 'true',
    WHATSAPP_PROVIDER: 'cloud',
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: '123456789012345',
    WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAG-token',
    WHATSAPP_CLOUD_APP_SECRET: 'app-secret',
    WHATSAPP_CLOUD_VERIFY_TOKEN: 'verify-token-1',
  };

  it('keeps Baileys when WhatsApp is enabled without a provider, and asks nothing of the Cloud API', () => {
    const config = loadConfig({ WHATSAPP_ENABLED: 'true' });
    assert.equal(config.whatsapp.enabled, true);
    assert.equal(config.whatsapp.provider, 'baileys');
  });

  it('reads the Cloud API settings, with Meta as the default Graph API', () => {
    const { whatsapp } = loadConfig({ ...CLOUD, WHATSAPP_PROVIDER: ' Cloud ' });
    assert.equal(whatsapp.provider, 'cloud');
    assert.deepEqual(whatsapp.cloud, {
      phoneNumberId: '123456789012345',
      accessToken: 'EAAG-token',
      appSecret: 'app-secret',
      verifyToken: 'verify-token-1',
      apiUrl: 'https://graph.facebook.com',
      apiVersion: 'v21.0',
      local: false,
    });
    const other = loadConfig({ ...CLOUD, WHATSAPP_CLOUD_API_URL: 'http://127.0.0.1:9999/', WHATSAPP_CLOUD_API_VERSION: 'v22.0' }).whatsapp.cloud;
    assert.equal(other.apiUrl, 'http://127.0.0.1:9999');
    assert.equal(other.apiVersion, 'v22.0');
  });

  it('lists every missing Cloud API credential at once, by name', () => {
    const problems = problemsOf({ WHATSAPP_ENABLED: 'true', WHATSAPP_PROVIDER: 'cloud', WHATSAPP_CLOUD_APP_SECRET: 'app-secret' });
    assert.deepEqual(
      problems.map((problem) => problem.split(':')[0]),
      ['WHATSAPP_CLOUD_PHONE_NUMBER_ID', 'WHATSAPP_CLOUD_ACCESS_TOKEN', 'WHATSAPP_CLOUD_VERIFY_TOKEN'],
    );
    assert.ok(problems.every((problem) => problem.includes('required when WHATSAPP_PROVIDER=cloud')));
    // With the other problems, in one list.
    const all = problemsOf({ WHATSAPP_ENABLED: 'true', WHATSAPP_PROVIDER: 'cloud', LINA_PORT: 'x' });
    assert.equal(all.length, 5);
    assert.match(all[0] ?? '', /^LINA_PORT/);
  });

  it('does not ask for the Cloud API credentials while WhatsApp is off', () => {
    assert.equal(loadConfig({ WHATSAPP_PROVIDER: 'cloud' }).whatsapp.enabled, false);
  });

  it('refuses an unknown provider and malformed Cloud API settings', () => {
    assert.match(problemsOf({ WHATSAPP_PROVIDER: 'twilio' }).join('\n'), /WHATSAPP_PROVIDER/);
    assert.match(problemsOf({ ...CLOUD, WHATSAPP_CLOUD_API_VERSION: '21' }).join('\n'), /WHATSAPP_CLOUD_API_VERSION: expected a Graph API version/);
    assert.match(problemsOf({ ...CLOUD, WHATSAPP_CLOUD_PHONE_NUMBER_ID: '+57 300' }).join('\n'), /WHATSAPP_CLOUD_PHONE_NUMBER_ID/);
    assert.match(problemsOf({ ...CLOUD, WHATSAPP_CLOUD_API_URL: 'ftp://graph' }).join('\n'), /WHATSAPP_CLOUD_API_URL/);
  });

  it('turns the Cloud API on at the local Cloud API with one setting, its credentials unless given', () => {
    const { whatsapp } = loadConfig({ WHATSAPP_CLOUD_LOCAL: 'true', WHATSAPP_CLOUD_VERIFY_TOKEN: 'my-own-verify-token' });
    assert.equal(whatsapp.enabled, true);
    assert.equal(whatsapp.provider, 'cloud');
    assert.equal(whatsapp.cloud.local, true);
    assert.equal(whatsapp.cloud.apiUrl, 'http://127.0.0.1:4020');
    assert.equal(whatsapp.cloud.verifyToken, 'my-own-verify-token');
    assert.equal(whatsapp.cloud.appSecret, 'local-cloud-api-app-secret');
  });
});
