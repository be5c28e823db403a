import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  formatPhoneNumber,
  isLocalAddress,
  normalizePublicUrl,
  normalizeWhatsappNumber,
  shortWebChatLink,
  webChatLink,
  whatsappLink,
} from '../../../adapters/site-qr/site-links.js';
import { SiteQrInputError } from '../../../adapters/site-qr/site-qr.errors.js';
import { readSiteTag, siteGreeting } from '../../../bot/site-tag.js';
import { SITES } from '../../../bot/domain.js';

const withCode = (code: SiteQrInputError['code']) => (error: unknown) => error instanceof SiteQrInputError && error.code === code;

describe('whatsappLink', () => {
  it('opens Lina on wa.me with the site greeting typed, and the engine reads the site back', () => {
    for (const { code } of SITES) {
      const url = new URL(whatsappLink('573001234567', code));
      assert.equal(url.origin, 'https://wa.me');
      assert.equal(url.pathname, '/573001234567');
      const text = url.searchParams.get('text');
      assert.equal(text, siteGreeting(code));
      assert.equal(readSiteTag(text ?? ''), code);
    }
  });

  it('percent-encodes the greeting, accents included', () => {
    assert.equal(whatsappLink('573001234567', 'CHIA'), 'https://wa.me/573001234567?text=Hola%20Lina%2C%20vengo%20de%20USS%20Ch%C3%ADa%20(sede%20CHIA)');
  });

  it('accepts the number as people write it and links the bare digits', () => {
    assert.equal(normalizeWhatsappNumber('+57 300 123-4567'), '573001234567');
    assert.equal(normalizeWhatsappNumber(' (57) 300.123.4567 '), '573001234567');
    assert.match(whatsappLink('+57 300 123 4567', 'SUBA'), /^https:\/\/wa\.me\/573001234567\?text=/);
  });

  it('refuses numbers that could not be a WhatsApp account', () => {
    for (const bad of ['', '1234567', '3001234567890123', '0573001234567', '57300abc4567', '57 300 123 4567 ext 2']) {
      assert.throws(() => whatsappLink(bad, 'SUBA'), withCode('INVALID_WHATSAPP_NUMBER'), bad);
    }
    assert.throws(() => normalizeWhatsappNumber('123'), /8 to 15 digits/);
  });
});

describe('webChatLink', () => {
  it('tags the public address with the site', () => {
    assert.equal(webChatLink('http://localhost:3978', 'SUBA'), 'http://localhost:3978/?site=SUBA');
    assert.equal(webChatLink('https://lina.example.co/', 'KENNEDY'), 'https://lina.example.co/?site=KENNEDY');
    assert.equal(webChatLink('https://eps.example.co/lina//', 'CHIA'), 'https://eps.example.co/lina/?site=CHIA');
    const url = new URL(webChatLink('https://lina.example.co', 'PRIMEROMAYO'));
    assert.equal(url.searchParams.get('site'), 'PRIMEROMAYO');
  });

  it('prints https addresses without the scheme, http ones whole', () => {
    assert.equal(shortWebChatLink('https://lina.example.co', 'SUBA'), 'lina.example.co/?site=SUBA');
    assert.equal(shortWebChatLink('http://lina.example.co', 'SUBA'), 'http://lina.example.co/?site=SUBA');
  });

  it('refuses addresses a phone could not open or that would lose the site tag', () => {
    for (const bad of [
      '',
      'lina.example.co',
      'ftp://lina.example.co',
      'javascript:alert(1)',
      'https://user:pw@lina.example.co',
      'https://lina.example.co/?a=1',
      'https://lina.example.co/#x',
    ]) {
      assert.throws(() => webChatLink(bad, 'SUBA'), withCode('INVALID_PUBLIC_URL'), bad);
    }
    assert.throws(() => normalizePublicUrl('nope'), /Invalid public URL "nope"/);
  });

  it('knows which addresses only this machine can open', () => {
    for (const local of ['http://localhost:3978', 'http://127.0.0.1:3978', 'http://[::1]:3978', 'http://0.0.0.0']) {
      assert.equal(isLocalAddress(local), true, local);
    }
    assert.equal(isLocalAddress('https://lina.example.co'), false);
    assert.equal(isLocalAddress('http://192.168.1.20:3978'), false);
  });
});

describe('formatPhoneNumber', () => {
  it('groups Colombian and North American numbers as people read them', () => {
    assert.equal(formatPhoneNumber('573001234567'), '+57 300 123 4567');
    assert.equal(formatPhoneNumber('576014441234'), '+57 601 444 1234');
    assert.equal(formatPhoneNumber('14155550100'), '+1 415 555 0100');
  });

  it('keeps other numbers whole after the plus sign', () => {
    assert.equal(formatPhoneNumber('34612345678'), '+34612345678');
  });
});
