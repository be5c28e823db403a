import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';

import fc from 'fast-check';

import { Renderer } from '../../bot/rendering/renderer.js';
import { formatDay } from '../../bot/rendering/spanish-dates.js';
import { maskEmail } from '../../bot/rendering/mask-email.js';

/** Monday 23 November 2026, 08:00 in Bogotá: the default "now" of the dialog scripts. */
const NOW = new Date('2026-11-23T08:00:00-05:00');

describe('maskEmail', () => {
  it('keeps the first and last letter of the local part and the whole domain', () => {
    assert.equal(maskEmail('laura.gomez@example.com'), 'l***z@example.com');
    assert.equal(maskEmail('pedro.morales@correo.com'), 'p***s@correo.com');
  });

  it('does not repeat the only letter of a one-letter local part', () => {
    assert.equal(maskEmail('a@example.com'), 'a***@example.com');
  });

  it('masks a two-letter local part between its two letters', () => {
    assert.equal(maskEmail('ab@example.com'), 'a***b@example.com');
  });

  it('hides everything when there is no local part or no @', () => {
    assert.equal(maskEmail('no-at-sign.example.com'), '***');
    assert.equal(maskEmail('@example.com'), '***');
    assert.equal(maskEmail(''), '***');
  });

  it('splits at the last @, so the domain shown is the real one', () => {
    assert.equal(maskEmail('odd@local@example.com'), 'o***l@example.com');
  });

  it('never shows a local part of three or more characters', () => {
    const local = fc.stringMatching(/^[a-z0-9._%+-]{3,30}$/);
    const domain = fc.stringMatching(/^[a-z0-9-]{1,20}\.[a-z]{2,6}$/);
    fc.assert(
      fc.property(local, domain, (name, host) => {
        const masked = maskEmail(`${name}@${host}`);
        assert.equal(masked, `${name[0]}***${name.at(-1)}@${host}`);
        assert.ok(!masked.includes(`${name}@`), masked);
      }),
    );
  });
});

describe('formatDay with a bare date (due dates travel as YYYY-MM-DD)', () => {
  it('reads 2026-11-30 as that day in Bogotá, not as UTC midnight (Sunday 29 in Bogotá)', () => {
    assert.equal(formatDay('2026-11-30', NOW), 'lunes 30 de noviembre');
  });

  it('adds the year when the date is not in the current year', () => {
    assert.equal(formatDay('2027-01-04', NOW), 'lunes 4 de enero de 2027');
    assert.equal(formatDay('2026-11-30', new Date('2027-01-10T08:00:00-05:00')), 'lunes 30 de noviembre de 2026');
  });

  it('takes the current year in Bogotá: 31 December at 22:00 there is already 2027 in UTC', () => {
    const newYearsEveEvening = new Date('2027-01-01T03:00:00Z');
    assert.equal(formatDay('2026-12-31', newYearsEveEvening), 'jueves 31 de diciembre');
  });
});

describe('a filed RISS case as the member reads it', () => {
  it('shows the due date in words and only the masked email', () => {
    const renderer = new Renderer({ supportPhone: '601 4441234', supportHours: 'lunes a sábado' });
    const text = renderer.text('riss.filed', { radicado: 'RISS-2026-000101', dueDate: '2026-11-30', email: 'laura.gomez@example.com' }, NOW);
    assert.match(text, /RISS-2026-000101/);
    assert.match(text, /lunes 30 de noviembre/);
    assert.match(text, /l\*\*\*z@example\.com/);
    assert.doesNotMatch(text, /laura\.gomez/);
    assert.doesNotMatch(text, /2026-11-30/);
  });
});
