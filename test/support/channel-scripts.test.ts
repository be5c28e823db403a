import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { fromQrCode, isBareGreeting, scriptsWrittenFor, startsFromQrCode } from './channel-scripts.js';

describe('dialog scripts played through a channel', () => {
  it('send a script’s first message from the QR code: a bare greeting as the prefilled one, other words with its tag', () => {
    for (const greeting of ['hola', 'Hola!', 'buenas', '¡Buenos días, Lina!', 'buen dia', 'Buenas tardes']) {
      assert.equal(fromQrCode(greeting, 'SUBA'), 'Hola Lina, vengo de USS Suba (sede SUBA)', greeting);
    }
    assert.equal(fromQrCode('hola necesito una cita', 'KENNEDY'), 'hola necesito una cita (sede KENNEDY)');
    assert.equal(fromQrCode('agendar', 'CHIA'), 'agendar (sede CHIA)');
    assert.equal(fromQrCode('👍', 'CHIA'), '👍 (sede CHIA)');
  });

  it('tell a line that only greets from one that says more', () => {
    for (const greeting of ['hola', 'Hola Lina', 'buenas noches 🙂', 'Buenos días!']) assert.ok(isBareGreeting(greeting), greeting);
    for (const line of ['hola q citas tengo', 'Hola buen dia, me pueden colaborar con una cita medica?', 'sí', '👍', '']) assert.ok(!isBareGreeting(line), line);
  });

  it('take the scripts whose channel line names the channel, those from a QR code among them', () => {
    const whatsapp = scriptsWrittenFor('whatsapp');
    const webchat = scriptsWrittenFor('webchat');
    assert.ok(whatsapp.length > 100 && webchat.length > 20);
    assert.deepEqual(
      whatsapp.filter((file) => webchat.includes(file)),
      [],
      'no script is on both',
    );
    assert.ok(whatsapp.some(startsFromQrCode) && webchat.some(startsFromQrCode));
    assert.ok(!whatsapp.every(startsFromQrCode), 'most start without one');
  });
});
