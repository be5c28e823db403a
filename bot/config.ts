import { isIP } from 'node:net';
import { z } from 'zod';
import { SITE_CODES, type SiteCode } from './domain.js';

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** A phone number in international form, digits only once spaces, dashes and "+" are gone. */
const optionalPhone = optionalText.pipe(
  z
    .string()
    .transform((value) => value.replace(/[\s()+-]/g, ''))
    .pipe(z.string().regex(/^[1-9]\d{7,14}$/, 'expected an international phone number, e.g. 573001234567'))
    .optional(),
);

/**
 * A number left blank (`LINA_MIN_LEAD_MINUTES=` in .env) is not set, and takes its default:
 * `z.coerce.number()` alone would read it as 0.
 */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet (`10.0.0.0/8`) or one of Express's names for a group of them. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * Who may tell Lina a client's address with `X-Forwarded-For` (Express's `trust proxy`):
 * nobody (empty, the default), a number of proxy hops in front of Lina, or the proxies'
 * addresses, subnets or the names `loopback`, `linklocal`, `uniquelocal`, comma-separated.
 * `true` (anyone) is refused: a client reaching Lina directly could then pick its address.
 */
const trustProxy = optionalText.transform((value, context): false | number | string => {
  if (value === undefined || ['false', 'no', 'off', '0'].includes(value.toLowerCase())) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isProxyEntry(entry));
  if (wrong.length > 0 || entries.length === 0) {
    context.addIssue({ code: 'custom', message: 'expected a number of proxies, or their addresses, subnets or loopback/linklocal/uniquelocal, comma-separated' });
    return z.NEVER;
  }
  return entries.join(',');
});

/**
 * Where replies to `/api/messages` may go: origins (`https://smba.trafficmanager.net`), a
 * `*.` in front of a domain for its subdomains, `:*` for any port; comma-separated.
 */
export interface ServiceUrlRule {
  protocol: 'http:' | 'https:';
  /** Lower case; `*.example.com` matches subdomains of example.com. */
  host: string;
  /** `''` for the scheme's default port, `'*'` for any. */
  port: string;
}

export function parseServiceUrlRule(entry: string): ServiceUrlRule | undefined {
  const match = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/i.exec(entry.trim());
  if (!match) return undefined;
  const protocol = `${(match[1] ?? '').toLowerCase()}:` as ServiceUrlRule['protocol'];
  let port = match[4] ?? '';
  if ((protocol === 'https:' && port === '443') || (protocol === 'http:' && port === '80')) port = '';
  if (port !== '' && port !== '*' && Number(port) > 65_535) return undefined;
  return { protocol, host: `${match[2] ?? ''}${(match[3] ?? '').toLowerCase()}`, port };
}

const serviceUrlRules = optionalText.transform((value, context): ServiceUrlRule[] | undefined => {
  if (value === undefined) return undefined;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const rules = entries.map(parseServiceUrlRule);
  if (entries.length === 0 || rules.some((rule) => rule === undefined)) {
    context.addIssue({ code: 'custom', message: 'expected origins such as https://smba.trafficmanager.net or https://*.botframework.com or http://localhost:*, comma-separated' });
    return z.NEVER;
  }
  return rules as ServiceUrlRule[];
});

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', '']))
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/**
 * Every setting Lina reads, grouped by what it configures. Defaults run the embedded setup
 * (SQLite file, embedded agenda simulator). Each variable is documented in `.env.example`.
 */
/**
 * `LINA_SITE_ADDRESSES`: a JSON object from site code to the address Lina tells a member who asks
 * where a site is, e.g. {"KENNEDY":"Carrera 78K # 36-35 Sur, Bogotá"}. Sites left out are said
 * to be asked at the Línea de citas.
 */
const siteAddresses = z
  .string()
  .transform((text, context) => {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON object, e.g. {"KENNEDY":"Carrera 78K # 36-35 Sur, Bogotá"}' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(SITE_CODES), z.string().trim().min(5).max(200)));

const EnvSchema = z.object({
  LINA_DATABASE_PATH: z.string().trim().min(1).default('var/lina.db'),
  LINA_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  LINA_SESSION_TIMEOUT_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  LINA_TURN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  LINA_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(65_536).default(2000),
  LINA_POLICY_VERSION: z.string().trim().min(1).max(40).default('2026-01'),
  LINA_LOCKOUT_FAILURES: z.coerce.number().int().min(1).max(20).default(3),
  LINA_LOCKOUT_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  LINA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  LINA_LIVE_CONVERSATIONS: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
  LINA_SUPPORT_PHONE: z.string().trim().min(3).max(40).default('601 4441234'),
  LINA_SUPPORT_HOURS: z.string().trim().min(3).max(120).default('lunes a sábado, de 7:00 a. m. a 7:00 p. m.'),
  LINA_DIGITAL_SUPPORT_PHONE: z.string().trim().min(3).max(40).default('601 4441234'),
  LINA_DIGITAL_SUPPORT_HOURS: z.string().trim().min(3).max(120).default('lunes a sábado, de 7:00 a. m. a 7:00 p. m.'),
  LINA_PAC_PHONE: z.string().trim().min(3).max(40).default('601 4441234'),
  LINA_PAC_HOURS: z.string().trim().min(3).max(120).default('lunes a viernes, de 7:00 a. m. a 5:00 p. m.'),
  LINA_POLICY_URL: optionalUrl,
  LINA_SITE_ADDRESSES: z.preprocess(blankAsUnset, siteAddresses.optional()),
  LINA_MIN_LEAD_MINUTES: z.preprocess(
    blankAsUnset,
    z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(60),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AGENDA_URL: optionalUrl,
  AGENDA_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  AGENDA_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  AGENDA_RETRY_BASE_MS: z.coerce.number().int().min(0).max(10_000).default(200),
  AGENDA_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  AGENDA_BREAKER_MIN_CALLS: z.coerce.number().int().min(1).max(1000).default(6),
  AGENDA_BREAKER_WINDOW_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  AGENDA_BREAKER_RESET_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  AGENDA_SIMULATOR_HOST: z.string().trim().default('127.0.0.1'),
  AGENDA_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  AGENDA_SIMULATOR_DATABASE_PATH: z.string().trim().min(1).default(':memory:'),
  LINA_HOST: z.string().trim().min(1).default('127.0.0.1'),
  LINA_PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
  LINA_PUBLIC_URL: optionalUrl,
  LINA_TRUST_PROXY: trustProxy,
  DIRECT_LINE_SECRET: optionalText,
  LINA_DIRECTLINE_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  LINA_DIRECTLINE_TOKEN_MAX_HOURS: z.preprocess(blankAsUnset, z.coerce.number().positive().max(168).default(8)),
  LINA_DIRECTLINE_STREAMS_PER_CONVERSATION: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(20).default(3)),
  LINA_DIRECTLINE_POSTS_PER_MINUTE: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(600).default(20)),
  LINA_DIRECTLINE_MAX_CONVERSATION_KB: z.preprocess(blankAsUnset, z.coerce.number().int().min(16).max(65_536).default(512)),
  LINA_LOCAL_BOT_SECRET: optionalText.pipe(z.string().min(16, 'at least 16 characters').max(256).optional()),
  LINA_BOT_SERVICE_URLS: serviceUrlRules,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  WHATSAPP_ENABLED: flag.default(false),
  WHATSAPP_NUMBER: optionalPhone,
  WHATSAPP_PAIRING_PHONE: optionalPhone,
  WHATSAPP_CHAT_GAP_MS: z.coerce.number().int().min(0).max(60_000).default(1200),
  WHATSAPP_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(40),
  WHATSAPP_RECONNECT_MAX_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  WHATSAPP_PROVIDER: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['baileys', 'cloud']))
      .default('baileys'),
  ),
  WHATSAPP_CLOUD_LOCAL: flag.default(false),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,30}$/, 'expected the digits of the phone number id (Meta app → WhatsApp → API setup)')
      .optional(),
  ),
  WHATSAPP_CLOUD_ACCESS_TOKEN: optionalText,
  WHATSAPP_CLOUD_APP_SECRET: optionalText,
  WHATSAPP_CLOUD_VERIFY_TOKEN: optionalText.pipe(z.string().min(8, 'at least 8 characters').max(200).optional()),
  WHATSAPP_CLOUD_API_URL: optionalUrl,
  WHATSAPP_CLOUD_API_VERSION: optionalText.pipe(
    z
      .string()
      .regex(/^v\d{1,3}\.\d$/, 'expected a Graph API version such as v21.0')
      .optional(),
  ),
});

/** Meta's Graph API, where the Cloud API lives, and the version Lina was written against. */
export const GRAPH_API_URL = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v21.0';

/**
 * The local Cloud API (`npm run whatsapp-cloud-sim`) and its development credentials:
 * `WHATSAPP_CLOUD_LOCAL=true` points Lina at it with these, for whatever is not set. They open
 * nothing: the local Cloud API answers this machine only and sends nobody anything.
 */
export const LOCAL_CLOUD_API = {
  url: 'http://127.0.0.1:4020',
  phoneNumberId: '100000000000001',
  accessToken: 'local-cloud-api-access-token',
  appSecret: 'local-cloud-api-app-secret',
  verifyToken: 'local-cloud-api-verify-token',
} as const;

/** The Cloud API's credentials, and what each is, for the list of what is missing. */
const CLOUD_CREDENTIALS = [
  ['WHATSAPP_CLOUD_PHONE_NUMBER_ID', 'phoneNumberId', "the number's id (Meta app → WhatsApp → API setup)"],
  ['WHATSAPP_CLOUD_ACCESS_TOKEN', 'accessToken', "a system user's permanent access token"],
  ['WHATSAPP_CLOUD_APP_SECRET', 'appSecret', "the Meta app's secret (App settings → Basic), which signs the webhooks"],
  ['WHATSAPP_CLOUD_VERIFY_TOKEN', 'verifyToken', 'any long random text, also typed in the webhook settings'],
] as const;

type CloudCredential = (typeof CLOUD_CREDENTIALS)[number][1];

export interface Config {
  database: {
    path: string;
    /** Transcripts and conversation data older than this are purged by `npm run purge`. */
    retentionDays: number;
  };
  conversation: {
    sessionTimeoutMs: number;
    turnTimeoutMs: number;
    maxMessageLength: number;
    policyVersion: string;
    /** The Línea de citas médicas PBS and its hours, as Lina says them. */
    supportPhone: string;
    supportHours: string;
    /** The digital channels' support line (help with this chat) and its hours. */
    digitalSupportPhone: string;
    digitalSupportHours: string;
    /** Where members of the complementary plan (PAC) are sent, and its hours. */
    pacPhone: string;
    pacHours: string;
    /** What Lina answers to "¿dónde queda la sede?": configured, else the seed world's with the embedded agenda. */
    siteAddresses?: Partial<Record<SiteCode, string>>;
    /** The full data-processing policy the consent message links to. */
    policyUrl: string;
    /** A slot is offered only when it starts at least this many minutes from now. */
    minLeadMinutes: number;
    /** Failed second factors that lock a document and its sender, and for how long. */
    lockout: { maxFailures: number; windowMs: number };
    rateLimitPerMinute: number;
    /** Conversations whose actors stay in memory between turns (about 8 KB each). */
    liveConversations: number;
  };
  log: { level: z.infer<typeof EnvSchema>['LOG_LEVEL'] };
  agenda: {
    /** `undefined` runs the embedded simulator. */
    url: string | undefined;
    timeoutMs: number;
    /** Retries of calls safe to repeat, and the circuit breaker that stops calling a failing agenda. */
    resilience: {
      retries: number;
      retryBaseDelayMs: number;
      errorThresholdPercentage: number;
      volumeThreshold: number;
      rollingWindowMs: number;
      resetTimeoutMs: number;
    };
    simulator: { host: string; port: number; databasePath: string };
  };
  web: {
    host: string;
    port: number;
    /** The address members reach (QR codes, links); defaults to the local one. */
    publicUrl: string;
    /** With a secret the page talks to Azure's Direct Line; without, to Lina's own. */
    directLineSecret: string | undefined;
    /** Signs the web chat's tokens; empty: a key kept next to the database. */
    directLineTokenSecret: string | undefined;
    /** Bounds of Lina's own Direct Line, per conversation. */
    directLine: {
      /** No token of a conversation outlives this, however often it is refreshed. */
      maxTokenLifetimeMs: number;
      /** WebSocket streams open at once; a new one closes the oldest. */
      streamsPerConversation: number;
      /** Member posts per minute; beyond, a polite answer and nothing stored. */
      postsPerMinute: number;
      /** Bytes of member activities stored per conversation; beyond, a polite answer. */
      maxConversationBytes: number;
    };
    /**
     * Without Bot Framework credentials, `/api/messages` is off unless this secret is set;
     * then it serves clients of this machine that present it (Bot Framework Emulator).
     */
    localBotSecret: string | undefined;
    /** Where `/api/messages` replies may go; `undefined`: the defaults of the mode (see web-server). */
    botServiceUrls: ServiceUrlRule[] | undefined;
    /** Express's `trust proxy`: which proxies may name a client's address (rate limits per address). */
    trustProxy: false | number | string;
    /** Azure Bot Service credentials; without an app id authentication is off. */
    botFramework: { appId?: string; appPassword?: string; tenantId?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' };
  };
  whatsapp: {
    enabled: boolean;
    /** Lina's own WhatsApp number (digits, country code first), for wa.me links. */
    number: string | undefined;
    /** Pair by code for this number instead of scanning a QR code. */
    pairingPhone: string | undefined;
    /** Least time between two messages to the same chat. */
    chatGapMs: number;
    /** Most messages sent per minute over all chats. */
    maxPerMinute: number;
    /** Cap of the reconnection backoff. */
    reconnectMaxMs: number;
    /** Which WhatsApp runs when enabled: a linked device (Baileys) or the official Cloud API. */
    provider: 'baileys' | 'cloud';
    /** The Cloud API's settings; complete whenever `enabled` and `provider` is `cloud`. */
    cloud: {
      phoneNumberId: string;
      accessToken: string;
      appSecret: string;
      verifyToken: string;
      /** The Graph API's base: Meta's, or the local Cloud API. */
      apiUrl: string;
      apiVersion: string;
      /** Lina talks to the local Cloud API (`WHATSAPP_CLOUD_LOCAL=true`). */
      local: boolean;
    };
  };
}

/** Raised at start with every problem at once, so one restart fixes them all. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const missing = missingCloudCredentials(env);
  if (!parsed.success || missing.length > 0) {
    const malformed = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError([...malformed, ...missing]);
  }
  const e = parsed.data;
  const whatsapp = whatsappOf(e);
  return {
    database: { path: e.LINA_DATABASE_PATH, retentionDays: e.LINA_RETENTION_DAYS },
    conversation: {
      sessionTimeoutMs: e.LINA_SESSION_TIMEOUT_MINUTES * 60_000,
      turnTimeoutMs: e.LINA_TURN_TIMEOUT_MS,
      maxMessageLength: e.LINA_MAX_MESSAGE_LENGTH,
      policyVersion: e.LINA_POLICY_VERSION,
      supportPhone: e.LINA_SUPPORT_PHONE,
      supportHours: e.LINA_SUPPORT_HOURS,
      digitalSupportPhone: e.LINA_DIGITAL_SUPPORT_PHONE,
      digitalSupportHours: e.LINA_DIGITAL_SUPPORT_HOURS,
      pacPhone: e.LINA_PAC_PHONE,
      pacHours: e.LINA_PAC_HOURS,
      ...(e.LINA_SITE_ADDRESSES ? { siteAddresses: e.LINA_SITE_ADDRESSES } : {}),
      policyUrl: (e.LINA_POLICY_URL ?? `${publicUrlOf(e)}/politica-de-datos`).replace(/\/+$/, ''),
      minLeadMinutes: e.LINA_MIN_LEAD_MINUTES,
      lockout: { maxFailures: e.LINA_LOCKOUT_FAILURES, windowMs: e.LINA_LOCKOUT_MINUTES * 60_000 },
      rateLimitPerMinute: e.LINA_RATE_LIMIT_PER_MINUTE,
      liveConversations: e.LINA_LIVE_CONVERSATIONS,
    },
    log: { level: e.LOG_LEVEL },
    agenda: {
      url: e.AGENDA_URL,
      timeoutMs: e.AGENDA_TIMEOUT_MS,
      resilience: {
        retries: e.AGENDA_RETRIES,
        retryBaseDelayMs: e.AGENDA_RETRY_BASE_MS,
        errorThresholdPercentage: e.AGENDA_BREAKER_ERROR_PERCENT,
        volumeThreshold: e.AGENDA_BREAKER_MIN_CALLS,
        rollingWindowMs: e.AGENDA_BREAKER_WINDOW_MS,
        resetTimeoutMs: e.AGENDA_BREAKER_RESET_MS,
      },
      simulator: {
        host: e.AGENDA_SIMULATOR_HOST,
        port: e.AGENDA_SIMULATOR_PORT,
        databasePath: e.AGENDA_SIMULATOR_DATABASE_PATH,
      },
    },
    web: {
      host: e.LINA_HOST,
      port: e.LINA_PORT,
      publicUrl: publicUrlOf(e),
      directLineSecret: e.DIRECT_LINE_SECRET,
      directLineTokenSecret: e.LINA_DIRECTLINE_TOKEN_SECRET,
      directLine: {
        maxTokenLifetimeMs: Math.round(e.LINA_DIRECTLINE_TOKEN_MAX_HOURS * 3_600_000),
        streamsPerConversation: e.LINA_DIRECTLINE_STREAMS_PER_CONVERSATION,
        postsPerMinute: e.LINA_DIRECTLINE_POSTS_PER_MINUTE,
        maxConversationBytes: e.LINA_DIRECTLINE_MAX_CONVERSATION_KB * 1024,
      },
      localBotSecret: e.LINA_LOCAL_BOT_SECRET,
      botServiceUrls: e.LINA_BOT_SERVICE_URLS,
      trustProxy: e.LINA_TRUST_PROXY,
      botFramework: {
        ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
        ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
        ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
        appType: e.MICROSOFT_APP_TYPE,
      },
    },
    whatsapp,
  };
}

/**
 * WhatsApp's settings. `WHATSAPP_ENABLED` turns it on with the provider chosen (Baileys unless
 * `WHATSAPP_PROVIDER=cloud`); `WHATSAPP_CLOUD_LOCAL=true` alone turns it on with the Cloud API
 * at the local Cloud API. The Cloud API's credentials are checked only when it runs, all at once.
 */
function whatsappOf(e: z.infer<typeof EnvSchema>): Config['whatsapp'] {
  const local = e.WHATSAPP_CLOUD_LOCAL;
  const enabled = e.WHATSAPP_ENABLED || local;
  const provider = local ? 'cloud' : e.WHATSAPP_PROVIDER;
  const given: Record<CloudCredential, string | undefined> = {
    phoneNumberId: e.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
    accessToken: e.WHATSAPP_CLOUD_ACCESS_TOKEN,
    appSecret: e.WHATSAPP_CLOUD_APP_SECRET,
    verifyToken: e.WHATSAPP_CLOUD_VERIFY_TOKEN,
  };
  const credentials = local ? { ...LOCAL_CLOUD_API, ...definedOnly(given) } : given;
  return {
    enabled,
    number: e.WHATSAPP_NUMBER,
    pairingPhone: e.WHATSAPP_PAIRING_PHONE,
    chatGapMs: e.WHATSAPP_CHAT_GAP_MS,
    maxPerMinute: e.WHATSAPP_MAX_PER_MINUTE,
    reconnectMaxMs: e.WHATSAPP_RECONNECT_MAX_MS,
    provider,
    cloud: {
      phoneNumberId: credentials.phoneNumberId ?? '',
      accessToken: credentials.accessToken ?? '',
      appSecret: credentials.appSecret ?? '',
      verifyToken: credentials.verifyToken ?? '',
      apiUrl: (e.WHATSAPP_CLOUD_API_URL ?? (local ? LOCAL_CLOUD_API.url : GRAPH_API_URL)).replace(/\/+$/, ''),
      apiVersion: e.WHATSAPP_CLOUD_API_VERSION ?? GRAPH_API_VERSION,
      local,
    },
  };
}

/**
 * The Cloud API credentials missing when it is to run, read from the variables as given, so they
 * are listed with any other problem. The local Cloud API brings its own.
 */
function missingCloudCredentials(env: Record<string, string | undefined>): string[] {
  const on = (name: string) => ['true', '1', 'yes', 'on'].includes(env[name]?.trim().toLowerCase() ?? '');
  const runs = on('WHATSAPP_ENABLED') && (env.WHATSAPP_PROVIDER ?? '').trim().toLowerCase() === 'cloud' && !on('WHATSAPP_CLOUD_LOCAL');
  if (!runs) return [];
  return CLOUD_CREDENTIALS.filter(([name]) => !env[name]?.trim()).map(([name, , what]) => `${name}: required when WHATSAPP_PROVIDER=cloud (${what})`);
}

function definedOnly<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The address members reach: LINA_PUBLIC_URL, or this machine's host and port. */
function publicUrlOf(e: z.infer<typeof EnvSchema>): string {
  const host = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(e.LINA_HOST) ? 'localhost' : e.LINA_HOST;
  return (e.LINA_PUBLIC_URL ?? `http://${host}:${e.LINA_PORT}`).replace(/\/+$/, '');
}
