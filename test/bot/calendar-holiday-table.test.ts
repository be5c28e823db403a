import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { testContext } from '../support/test-context.js';

import { buildHolidayTable, colombianHolidays, HOLIDAY_TABLE_FILE, HOLIDAY_TABLE_YEARS, readHolidayTable, type HolidayTable } from '../../bot/calendar.js';

// The table `scripts/build.mjs` writes so that `npm start` need not load date-holidays.
describe('the holiday table', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lina-holidays-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function writeTable(name: string, content: unknown): string {
    const file = join(folder, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }

  it("holds date-holidays' own entries for Colombia, Ley 2578's holiday and Easter Sunday included", () => {
    const table = buildHolidayTable({ from: 2026, to: 2026 });
    const days = table.years['2026'] ?? [];
    assert.ok(days.some(([date, type]) => date === '2026-07-13' && type === 'public'));
    // Easter Sunday stays in the table as date-holidays gives it; the calendar drops it.
    assert.deepEqual(
      days.find(([date]) => date === '2026-04-05'),
      ['2026-04-05', 'public', 'easter'],
    );
    assert.deepEqual(Object.keys(table.years), ['2026']);
  });

  it('is read back as written when the installed date-holidays computed it', () => {
    const table = buildHolidayTable({ from: 2026, to: 2027 });
    assert.deepEqual(readHolidayTable(writeTable('current.json', table)), table);
  });

  it('is ignored when another date-holidays, another parser or another format computed it', () => {
    const table = buildHolidayTable({ from: 2026, to: 2026 });
    const olderData = { ...table, versions: { ...table.versions, dateHolidays: '3.0.0' } };
    const olderParser = { ...table, versions: { ...table.versions, dateHolidaysParser: '3.0.0' } };
    const otherFormat = { ...table, format: 0 };
    assert.equal(readHolidayTable(writeTable('older-data.json', olderData)), undefined);
    assert.equal(readHolidayTable(writeTable('older-parser.json', olderParser)), undefined);
    assert.equal(readHolidayTable(writeTable('other-format.json', otherFormat)), undefined);
  });

  it('is ignored when missing or unreadable', () => {
    assert.equal(readHolidayTable(join(folder, 'missing.json')), undefined);
    assert.equal(readHolidayTable(writeTable('truncated.json', '{"format":1,"versions"')), undefined);
  });

  it('as the build wrote it, says for every year what date-holidays says', () => {
    const t = testContext();
    const written = readHolidayTable(HOLIDAY_TABLE_FILE);
    if (!written) {
      t.skip('no table for the installed date-holidays in dist/ (npm run build writes it)');
      return;
    }
    const expected: HolidayTable = buildHolidayTable(HOLIDAY_TABLE_YEARS);
    assert.deepEqual(written, expected);
  });
});

describe('colombianHolidays outside the table', () => {
  it('asks date-holidays itself: 2019, San Pedro and Sagrado Corazón on the same Monday', () => {
    assert.ok(2019 < HOLIDAY_TABLE_YEARS.from, 'a year the table does not cover');
    assert.deepEqual(colombianHolidays(2019), [
      '2019-01-01',
      '2019-01-07',
      '2019-03-25',
      '2019-04-18',
      '2019-04-19',
      '2019-05-01',
      '2019-06-03',
      '2019-06-24',
      '2019-07-01',
      '2019-07-20',
      '2019-08-07',
      '2019-08-19',
      '2019-10-14',
      '2019-11-04',
      '2019-11-11',
      '2019-12-08',
      '2019-12-25',
    ]);
  });
});
