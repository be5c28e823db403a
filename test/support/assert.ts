/**
 * `node:assert/strict` as the tests import it under jest (jest.config.mjs maps the specifier
 * here): Node's own strict assertions, except that the deep comparisons see one realm.
 *
 * Jest runs each test file in a V8 context of its own, while Node's core modules and native
 * addons (better-sqlite3's rows, `fetch`'s JSON, `fs.readdirSync`'s arrays) build their objects
 * and arrays in the outer one. Node's `deepStrictEqual` compares prototypes, so
 * `assert.deepEqual(stmt.all(), [{ id: 1 }])` fails there with "no visual difference" although
 * both sides are plain arrays of plain objects. Here plain objects, arrays, Maps and Sets are
 * first copied into the test's realm (contents, null prototypes, holes, symbol keys and
 * cycles kept); everything else (class instances, dates, buffers, errors…) is compared as it
 * is. Under node:test, with a single realm, the copies change nothing: the assertions assert
 * exactly what they asserted.
 */
import { strict as node } from 'node:assert';

type Assert = typeof node;

/** `prototype` is `Constructor.prototype` of some realm (named `name`). */
function isIntrinsic(prototype: object, name: string): boolean {
  const constructor = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name === name && (constructor as { prototype?: unknown }).prototype === prototype;
}

function ownEnumerable(value: object): (string | symbol)[] {
  return [...Object.keys(value), ...Object.getOwnPropertySymbols(value).filter((key) => Object.prototype.propertyIsEnumerable.call(value, key))];
}

/** `value` with its plain objects, arrays, Maps and Sets rebuilt in this realm. */
function inThisRealm(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  const prototype = Object.getPrototypeOf(value) as object | null;
  const tag = Object.prototype.toString.call(value);
  const copyProperties = (copy: object) => {
    seen.set(value, copy);
    for (const key of ownEnumerable(value)) {
      Object.defineProperty(copy, key, { value: inThisRealm((value as Record<string | symbol, unknown>)[key], seen), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  if (Array.isArray(value) && prototype !== null && isIntrinsic(prototype, 'Array')) {
    const copy: unknown[] = [];
    copy.length = value.length;
    return copyProperties(copy);
  }
  if (tag === '[object Object]' && (prototype === null || (Object.getPrototypeOf(prototype) === null && isIntrinsic(prototype, 'Object')))) {
    return copyProperties(prototype === null ? (Object.create(null) as object) : {});
  }
  if (tag === '[object Map]' && prototype !== null && isIntrinsic(prototype, 'Map')) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [key, entry] of value as Map<unknown, unknown>) copy.set(inThisRealm(key, seen), inThisRealm(entry, seen));
    return copy;
  }
  if (tag === '[object Set]' && prototype !== null && isIntrinsic(prototype, 'Set')) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const entry of value as Set<unknown>) copy.add(inThisRealm(entry, seen));
    return copy;
  }
  return value;
}

/** A deep comparison of Node's over both values in this realm; a failure points at the caller. */
function deep(compare: (actual: unknown, expected: unknown, message?: string | Error) => void) {
  const assertion = (actual: unknown, expected: unknown, message?: string | Error): void => {
    try {
      compare(inThisRealm(actual), inThisRealm(expected), message);
    } catch (error) {
      if (error instanceof Error) Error.captureStackTrace(error, assertion);
      throw error;
    }
  };
  return assertion;
}

export const deepStrictEqual = deep(node.deepStrictEqual);
export const notDeepStrictEqual = deep(node.notDeepStrictEqual);
export const deepEqual = deepStrictEqual;
export const notDeepEqual = notDeepStrictEqual;
export const { AssertionError, doesNotMatch, doesNotReject, doesNotThrow, equal, fail, ifError, match, notEqual, notStrictEqual, ok, rejects, strictEqual, throws } = node;

function assertOk(value: unknown, message?: string | Error): asserts value {
  node.ok(value, message);
}

const assert: Assert = Object.assign(assertOk, node, { deepEqual, deepStrictEqual, notDeepEqual, notDeepStrictEqual });
assert.strict = assert;

export { assert as strict };
export default assert;
