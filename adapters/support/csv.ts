/**
 * CSV for spreadsheets: a BOM so Excel reads the accents, CRLF line ends, every field quoted
 * when needed, and nothing a spreadsheet could run as a formula.
 *
 * The file is comma-separated, but Colombian spreadsheets split on `;` and some importers on
 * tabs, and they trim leading spaces: a member's "hola;=HYPERLINK(…)" becomes a cell of its
 * own that starts with `=`. So every formula sign (`=`, `+`, `-`, `@`, and their full-width
 * forms `＝`, `＋`, `－`, `＠`, which some spreadsheets read as the same signs) that could
 * begin a cell under any of those readings gets an apostrophe right before it: at the start
 * of the text, or after a separator (`,`, `;`, tab), a line break, whitespace or a double quote
 * (a parser splitting on another separator may open a quoted field there). An apostrophe
 * makes a spreadsheet take what follows as text.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Signs a spreadsheet reads as the start of a formula, half-width and full-width. */
const FORMULA_SIGN = '=+\\-@\uFF1D\uFF0B\uFF0D\uFF20';
/** Where a cell may begin under some reading: the start, a separator, a line break, whitespace, a quote. */
const CELL_START = '^|[,;\\s"]';
const FORMULA_AT_CELL_START = new RegExp(`(${CELL_START})(?=[${FORMULA_SIGN}])`, 'gu');

/** A text with every formula sign that could begin a cell made literal (see `toCsv`). */
export function neutralizeFormulas(text: string): string {
  return text.replace(FORMULA_AT_CELL_START, (boundary) => `${boundary}'`);
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormulas(value);
  return /[",;\t\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
