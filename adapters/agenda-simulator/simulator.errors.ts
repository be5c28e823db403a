/**
 * The embedded agenda's refusals: a code the HTTP layer turns into `{ code, message }` with
 * the matching status, as the agenda contract (adapters/agenda/openapi.yaml) names them.
 */

export type SimulatorErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'SLOT_TAKEN' | 'CONFLICT';

const STATUS_OF: Record<SimulatorErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  SLOT_TAKEN: 409,
  CONFLICT: 409,
};

/** A refusal the HTTP layer turns into `{ code, message }` with the matching status. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly status: number;

  constructor(
    readonly code: SimulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS_OF[code];
  }
}
