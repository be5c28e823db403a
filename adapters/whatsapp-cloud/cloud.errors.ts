/**
 * The Cloud API's failures, mapped in this one place to what Lina does about them. The Graph
 * API answers `{ error: { code, error_subcode, ... } }`; its codes say more than the HTTP
 * status (a closed 24-hour window and a bad parameter are both 400s), so the code decides
 * first. See https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes.
 */
import { AxiosError } from 'axios';
import { graphErrorBodySchema } from './cloud.schemas.js';

export type CloudErrorCode =
  /** Too many messages: to the business (130429, 80007) or to this member (131056). */
  | 'RATE_LIMITED'
  /** More than 24 hours since the member last wrote: only a template may go (131047). */
  | 'WINDOW_CLOSED'
  /** The number is not on WhatsApp, or cannot receive this message (131026). */
  | 'RECIPIENT_UNAVAILABLE'
  /** The access token is wrong, expired or revoked (190, HTTP 401). */
  | 'AUTH_FAILED'
  /** Lina sent something the API refuses (100, 131008, 131009): a bug, not the weather. */
  | 'BAD_PARAMETER'
  /** Meta's side failed (HTTP 5xx). */
  | 'SERVER_ERROR'
  /** No answer came: refused, reset, timed out. */
  | 'NETWORK'
  | 'UNKNOWN';

/** Failures worth repeating: they may pass by themselves, and nothing was taken in. */
const RETRYABLE: ReadonlySet<CloudErrorCode> = new Set(['RATE_LIMITED', 'SERVER_ERROR', 'NETWORK']);

const BY_GRAPH_CODE: ReadonlyMap<number, CloudErrorCode> = new Map([
  [130429, 'RATE_LIMITED'],
  [80007, 'RATE_LIMITED'],
  [131056, 'RATE_LIMITED'],
  [131047, 'WINDOW_CLOSED'],
  [131026, 'RECIPIENT_UNAVAILABLE'],
  [190, 'AUTH_FAILED'],
  [100, 'BAD_PARAMETER'],
  [131008, 'BAD_PARAMETER'],
  [131009, 'BAD_PARAMETER'],
]);

export class CloudApiError extends Error {
  override readonly name = 'CloudApiError';
  readonly retryable: boolean;
  constructor(
    readonly code: CloudErrorCode,
    /** The Graph API's own code, when it sent one: safe to log. */
    readonly graphCode?: number,
    readonly status?: number,
  ) {
    super(`WhatsApp Cloud API: ${code}${graphCode === undefined ? '' : ` (${graphCode})`}`);
    this.retryable = RETRYABLE.has(code);
  }
}

function byStatus(status: number): CloudErrorCode {
  if (status === 401) return 'AUTH_FAILED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return 'UNKNOWN';
}

/** Any failure of a Graph API call as a `CloudApiError`. */
export function toCloudApiError(error: unknown): CloudApiError {
  if (error instanceof CloudApiError) return error;
  if (!(error instanceof AxiosError)) return new CloudApiError('UNKNOWN');
  const response = error.response;
  if (!response) return new CloudApiError('NETWORK');
  const body = graphErrorBodySchema.safeParse(response.data);
  const graphCode = body.success ? body.data.error.code : undefined;
  const byCode = graphCode === undefined ? undefined : BY_GRAPH_CODE.get(graphCode);
  return new CloudApiError(byCode ?? byStatus(response.status), graphCode, response.status);
}
