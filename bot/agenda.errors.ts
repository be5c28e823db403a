/** Stable codes for everything that can go wrong talking to the agenda. Tests assert these. */
export const AGENDA_ERROR_CODES = ['NOT_FOUND', 'SLOT_TAKEN', 'CONFLICT', 'UNAVAILABLE', 'TIMEOUT', 'BAD_RESPONSE'] as const;
export type AgendaErrorCode = (typeof AGENDA_ERROR_CODES)[number];

/**
 * An agenda failure with a stable `code`. Its metadata never carries personal data: only
 * the operation name and, when there was one, the HTTP status.
 */
export class AgendaError extends Error {
  override readonly name = 'AgendaError';

  constructor(
    readonly code: AgendaErrorCode,
    message: string,
    readonly meta: { operation?: string; status?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAgendaError(error: unknown, code?: AgendaErrorCode): error is AgendaError {
  return error instanceof AgendaError && (code === undefined || error.code === code);
}
