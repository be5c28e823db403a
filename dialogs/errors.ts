/**
 * The stable code of an actor's error (`AgendaError.code`), read structurally so machines
 * need not import the error class.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}
