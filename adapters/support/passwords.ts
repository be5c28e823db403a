/**
 * Staff passwords: scrypt (memory-hard) with a per-user random salt, compared in constant
 * time. The stored form names its parameters, so they can be raised later without breaking
 * existing accounts: `scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>`.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per attempt. */
const DEFAULT_LOG2_N = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const STORED_PATTERN = /^scrypt\$(\d{2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Shortest password the CLI accepts. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password hashed: anything longer is refused before it costs any work. */
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const N = 2 ** log2N;
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is exactly that at 2^15, so
  // the cap is raised to leave headroom.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** The stored form of a new password. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) throw new RangeError('Password too long');
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, DEFAULT_LOG2_N, BLOCK_SIZE, PARALLELISM, KEY_BYTES);
  return ['scrypt', String(DEFAULT_LOG2_N).padStart(2, '0'), BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether `password` matches `stored`. Without a stored hash (unknown user) it still does
 * the same work against a throwaway hash, so timing does not tell which names exist.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parsed = stored === undefined ? undefined : STORED_PATTERN.exec(stored);
  const candidate = password.length > MAX_PASSWORD_LENGTH ? '' : password;
  if (!parsed) {
    await derive(candidate, randomBytes(SALT_BYTES), DEFAULT_LOG2_N, BLOCK_SIZE, PARALLELISM, KEY_BYTES);
    return false;
  }
  const [, log2N, r, p, saltText, hashText] = parsed;
  const expected = Buffer.from(hashText ?? '', 'base64');
  const key = await derive(candidate, Buffer.from(saltText ?? '', 'base64'), Number(log2N), Number(r), Number(p), expected.length);
  return expected.length > 0 && key.length === expected.length && timingSafeEqual(key, expected) && candidate === password;
}
