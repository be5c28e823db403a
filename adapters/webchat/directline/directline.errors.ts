/** Codes and HTTP statuses of Lina's Direct Line errors, shaped as Azure's Direct Line answers them. */
export const DIRECT_LINE_ERRORS = {
  BadArgument: 400,
  TokenInvalid: 403,
  Forbidden: 403,
  NotFound: 404,
  MessageSizeTooBig: 413,
  TooManyRequests: 429,
  ServiceError: 502,
} as const;

export type DirectLineErrorCode = keyof typeof DIRECT_LINE_ERRORS;

/**
 * A request Lina's Direct Line refuses. `message` is for developers (English, no personal
 * data); members never read it, Web Chat shows its own localized status instead.
 */
export class DirectLineError extends Error {
  override readonly name = 'DirectLineError';
  readonly status: number;

  constructor(
    readonly code: DirectLineErrorCode,
    message: string,
  ) {
    super(message);
    this.status = DIRECT_LINE_ERRORS[code];
  }

  /** The body Azure's Direct Line sends with an error status. */
  toJSON(): { error: { code: DirectLineErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
