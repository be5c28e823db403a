import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readSiteTag, siteGreeting, withoutSiteGreeting } from '../../bot/site-tag.js';
import { SITES } from '../../bot/domain.js';

describe('site tag of a QR greeting', () => {
  it('reads back the site of every greeting it writes', () => {
    for (const { code, name } of SITES) {
      const greeting = siteGreeting(code);
      assert.ok(greeting.includes(name));
      assert.equal(readSiteTag(greeting), code);
    }
  });

  it('tolerates the member retyping the tag', () => {
    assert.equal(readSiteTag('hola (Sede  chia )'), 'CHIA');
    assert.equal(readSiteTag('hola (sede primeromayo)'), 'PRIMEROMAYO');
  });

  it('ignores unknown codes, look-alikes and plain mentions of a site', () => {
    assert.equal(readSiteTag('hola (sede MARTE)'), undefined);
    assert.equal(readSiteTag('quiero cita en la sede Suba'), undefined);
    assert.equal(readSiteTag('hola (sede SUBA'), undefined);
    assert.equal(readSiteTag(''), undefined);
  });

  it('leaves out of what the member says the greeting and tag the QR code prefilled', () => {
    assert.equal(withoutSiteGreeting(siteGreeting('KENNEDY'), 'KENNEDY'), 'Hola Lina');
    assert.equal(withoutSiteGreeting(`${siteGreeting('KENNEDY')} necesito una cita para mi hija`, 'KENNEDY'), 'Hola Lina necesito una cita para mi hija');
    assert.equal(withoutSiteGreeting('quiero una cita en suba (sede KENNEDY)', 'KENNEDY'), 'quiero una cita en suba');
    assert.equal(withoutSiteGreeting('(sede KENNEDY)', 'KENNEDY'), 'Hola');
    // Words of the member's own are kept as written.
    assert.equal(withoutSiteGreeting('quiero cita aquí en Kennedy', 'KENNEDY'), 'quiero cita aquí en Kennedy');
  });
});
