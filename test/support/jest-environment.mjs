// Jest's Node environment (jest.config.mjs), with three differences:
//
// 1. An error that Node's core modules or a native addon throw is `instanceof Error` in a test
//    file, as it is under plain Node.
//    Jest runs each test file in a V8 context of its own, whose Error is not the outer realm's
//    where `fs`, `http` or better-sqlite3 build their errors. Code such as
//    `error instanceof Error ? error.message : String(error)` then takes the wrong branch in
//    tests only. Each error constructor of the test's context also recognises the outer realm's
//    counterpart (subclasses keep the ordinary check).
// 2. `hostRequire`, Node's own require: the modules in test/support/host/ load the pure-JS PNG and
//    QR libraries with it, outside the sandbox, where their pixel loops run at Node's speed
//    (every global a sandboxed function reads goes through the context's interceptors, which
//    made them ~50 times slower).
// 3. Each test file starts with Node's own HTTP client: what a file patched in the worker's
//    shared core modules is put back when it ends. nock (through @mswjs/interceptors) replaces
//    http.request, http.get, http.ClientRequest, https.request, https.get and three methods of
//    Headers.prototype, and a file that never calls nock.restore() left them replaced for the
//    next file in that worker (node:test gave each file a process of its own): there, kept-alive
//    sockets were never reused and the keep-alive tests failed.
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { TestEnvironment } from 'jest-environment-node';

const hostRequire = createRequire(import.meta.url);

/** The worker's HTTP client as Node made it, read before any test file runs. */
const PRISTINE = [
  [http, ['ClientRequest', 'request', 'get']],
  [https, ['request', 'get']],
  [globalThis.Headers.prototype, ['set', 'append', 'delete']],
].map(([target, keys]) => [target, keys.map((key) => [key, target[key]])]);

function restoreHttp() {
  for (const [target, entries] of PRISTINE) {
    for (const [key, value] of entries) if (target[key] !== value) target[key] = value;
  }
}

const ERRORS = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError'];

export default class LinaTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    restoreHttp();
    this.global.hostRequire = hostRequire;
    for (const name of ERRORS) {
      const inner = this.global[name];
      const outer = globalThis[name];
      if (typeof inner !== 'function' || typeof outer !== 'function' || inner === outer) continue;
      Object.defineProperty(inner, Symbol.hasInstance, {
        configurable: true,
        value(instance) {
          return Function.prototype[Symbol.hasInstance].call(this, instance) || (this === inner && instance instanceof outer);
        },
      });
    }
  }

  async teardown() {
    restoreHttp();
    await super.teardown();
  }
}
