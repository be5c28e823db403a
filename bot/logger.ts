import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks in every log line. Lina never logs personal data on purpose; this is the
 * second line of defence (Ley 1581) for anything passed along by mistake.
 */
export const REDACTED_PATHS = [
  'documentNumber',
  '*.documentNumber',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'firstName',
  '*.firstName',
  'lastName',
  '*.lastName',
  'birthDate',
  '*.birthDate',
  'userId',
  '*.userId',
  'text',
  '*.text',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

/** The process logger. Writes JSON to stderr so stdout stays for what a command prints. */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino({ level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'lina' } }, options.destination ?? pino.destination(2));
}

/** A logger that drops everything: tests and simulations. */
export const silentLogger: Logger = pino({ level: 'silent' });
