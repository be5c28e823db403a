/** The first wait after a dropped connection; each failure in a row doubles it. */
const BASE_DELAY_MS = 1000;

/**
 * How long to wait before reconnection attempt `attempt` (1 for the first after a drop):
 * exponential, capped at `maxMs`, with "equal jitter" (between half and all of it) so that
 * many clients dropped together do not come back in step.
 */
export function backoffDelay(attempt: number, options: { maxMs: number; random: () => number }): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(options.maxMs, BASE_DELAY_MS * 2 ** exponent);
  const jitter = Math.min(Math.max(options.random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
