/**
 * The log of one turn: what the engine writes about it, bound to its channel and conversation,
 * and never a member's words.
 */
import type { Logger } from '../logger.js';

type LogMethod = (fields: Record<string, unknown>, message: string) => void;

export interface TurnLog {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const ignore: LogMethod = () => undefined;

/** A log that writes nothing: an actor's until its first turn binds one. */
export const QUIET: TurnLog = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/**
 * A turn's log, bound to its channel and conversation. The child logger is made only when a
 * line is actually written at an enabled level: most turns write none.
 */
export function turnLog(logger: Logger, bindings: { channel: string; conversationId: string }): TurnLog {
  let child: Logger | undefined;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error'): LogMethod =>
    (fields, message) => {
      if (!logger.isLevelEnabled(level)) return;
      child ??= logger.child(bindings);
      child[level](fields, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** An error's name and code, never its message: messages may quote what the member typed. */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { name: error.name, ...('code' in error ? { code: (error as { code: unknown }).code } : {}) };
  }
  return { name: typeof error };
}
