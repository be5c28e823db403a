/**
 * Failed sign-ins to the support console and the addresses accounts signed in from, as a
 * port. Implemented by data/support/login-attempts.store.ts.
 */

/** What a failed sign-in is counted against: the caller's address and the name tried. */
export type LoginAttemptScope = 'ip' | 'user';

/**
 * Failed sign-ins within a sliding window, per address and per user name, so guessing is
 * throttled whichever of the two an attacker varies. Kept in SQLite: a restart does not
 * reset the count.
 */
export interface LoginAttemptStore {
  recordFailure(params: { ip: string; userName: string; now: number }): void;
  /** Failures since `since` for that key, with the first and the last of them. */
  failuresSince(params: { scope: LoginAttemptScope; key: string; since: number }): { count: number; oldest: number | undefined; newest: number | undefined };
  /** A successful sign-in forgives the name's failures (not the address's). */
  clearUser(userName: string): void;
  prune(before: number): void;
  /** Remembers that the account signed in from this address (kept hashed). */
  rememberAddress(params: { userId: number; address: string; now: number }): void;
  /** Whether the account signed in from this address since `since`. */
  isKnownAddress(params: { userId: number; address: string; since: number }): boolean;
}
