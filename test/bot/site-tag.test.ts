import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readSiteTag, siteGreeting } from '../../bot/site-tag.js';
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
});
