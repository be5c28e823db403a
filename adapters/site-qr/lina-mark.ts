/**
 * Lina's mark: a speech bubble with a medical cross, drawn from SVG path data so the HTML
 * (inline SVG) and the PDF (pdfkit paths) show the same vector shape without image files.
 */

/** Side of the square the paths are drawn in. */
export const LINA_MARK_SIZE = 64;
export const LINA_MARK_BUBBLE = 'M32 6C17.6 6 6 16.7 6 30c0 6.6 2.9 12.6 7.6 16.9L10 58l13.2-6.2c2.8 0.8 5.8 1.2 8.8 1.2 14.4 0 26-10.7 26-24S46.4 6 32 6z';
export const LINA_MARK_CROSS = 'M27 17h10v8h8v10h-8v8h-10v-8h-8v-10h8z';

/** The brand colours, shared by both renderers. */
export const POSTER_COLORS = {
  brand: '#0b6e79',
  brandLight: '#e3f2f3',
  ink: '#1d2b2f',
  muted: '#4a5a5e',
  white: '#ffffff',
} as const;

/** The mark as inline SVG, white bubble and brand-coloured cross, for a brand-coloured band. */
export function linaMarkSvg(sizeCss: string): string {
  return (
    `<svg viewBox="0 0 ${LINA_MARK_SIZE} ${LINA_MARK_SIZE}" width="${sizeCss}" height="${sizeCss}" aria-hidden="true">` +
    `<path fill="${POSTER_COLORS.white}" d="${LINA_MARK_BUBBLE}"/>` +
    `<path fill="${POSTER_COLORS.brand}" d="${LINA_MARK_CROSS}"/>` +
    `</svg>`
  );
}
