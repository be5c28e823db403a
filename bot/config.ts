import { z } from 'zod';

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

/**
 * Every setting Lina reads, grouped by what it configures. Defaults run the embedded setup
 * (SQLite file, embedded agenda simulator). Each variable is documented in `.env.example`.
 */
const EnvSchema = z.object({
  LINA_DATABASE_PATH: z.string().trim().min(1).default('var/lina.db'),
  LINA_SESSION_TIMEOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(10),
  LINA_TURN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  LINA_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(65_536).default(2000),
  LINA_POLICY_VERSION: z.string().trim().min(1).max(40).default('2026-01'),
  LINA_SUPPORT_PHONE: z.string().trim().min(3).max(40).default('601 4441234'),
  LINA_SUPPORT_HOURS: z.string().trim().min(3).max(120).default('lunes a sábado, de 7:00 a. m. a 7:00 p. m.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AGENDA_URL: optionalUrl,
  AGENDA_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  AGENDA_SIMULATOR_HOST: z.string().trim().default('127.0.0.1'),
  AGENDA_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  AGENDA_SIMULATOR_DATABASE_PATH: z.string().trim().min(1).default(':memory:'),
});

export interface Config {
  database: { path: string };
  conversation: {
    sessionTimeoutMs: number;
    turnTimeoutMs: number;
    maxMessageLength: number;
    policyVersion: string;
    supportPhone: string;
    supportHours: string;
  };
  log: { level: z.infer<typeof EnvSchema>['LOG_LEVEL'] };
  agenda: {
    /** `undefined` runs the embedded simulator. */
    url: string | undefined;
    timeoutMs: number;
    simulator: { host: string; port: number; databasePath: string };
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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    database: { path: e.LINA_DATABASE_PATH },
    conversation: {
      sessionTimeoutMs: e.LINA_SESSION_TIMEOUT_MINUTES * 60_000,
      turnTimeoutMs: e.LINA_TURN_TIMEOUT_MS,
      maxMessageLength: e.LINA_MAX_MESSAGE_LENGTH,
      policyVersion: e.LINA_POLICY_VERSION,
      supportPhone: e.LINA_SUPPORT_PHONE,
      supportHours: e.LINA_SUPPORT_HOURS,
    },
    log: { level: e.LOG_LEVEL },
    agenda: {
      url: e.AGENDA_URL,
      timeoutMs: e.AGENDA_TIMEOUT_MS,
      simulator: {
        host: e.AGENDA_SIMULATOR_HOST,
        port: e.AGENDA_SIMULATOR_PORT,
        databasePath: e.AGENDA_SIMULATOR_DATABASE_PATH,
      },
    },
  };
}
