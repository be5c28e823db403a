/**
 * CSV for spreadsheets: a BOM so Excel reads the accents, CRLF line ends, every field quoted
 * when needed, and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) kept
 * as text.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
