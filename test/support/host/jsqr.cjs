// jsqr as Node loads it, outside jest's sandbox (see qrcode.cjs next to this file).
module.exports = globalThis.hostRequire('jsqr');
