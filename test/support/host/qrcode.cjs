// qrcode as Node loads it, outside jest's sandbox (jest.config.mjs maps `qrcode` here; see
// test/support/jest-environment.mjs, hostRequire): its PNG encoder is ~50 times slower in a
// sandboxed context than in Node itself, which made the QR tests take minutes.
module.exports = globalThis.hostRequire('qrcode');
