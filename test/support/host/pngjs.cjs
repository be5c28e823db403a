// pngjs as Node loads it, outside jest's sandbox (see qrcode.cjs next to this file).
const pngjs = globalThis.hostRequire('pngjs');
exports.PNG = pngjs.PNG;
