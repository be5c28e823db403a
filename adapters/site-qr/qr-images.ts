/**
 * QR codes of the site links, as print-ready PNG and SVG. Every code uses error correction
 * level Q (a quarter of the symbol may be scuffed or covered) and the standard quiet zone of
 * four modules, so a poster still scans after weeks on a clinic wall.
 */
import QRCode from 'qrcode';

const ERROR_CORRECTION = 'Q';
/** Modules of white border around the symbol, as ISO/IEC 18004 requires. */
export const QUIET_ZONE_MODULES = 4;
/** Least width of a PNG: at 300 dpi that prints about 9 cm wide, room for any poster layout. */
const MIN_PNG_PIXELS = 1000;

/** A QR symbol's modules, quiet zone excluded; the renderers add the quiet zone themselves. */
export interface QrMatrix {
  /** Modules per side. */
  size: number;
  isDark(row: number, column: number): boolean;
}

export interface QrImages {
  /** The text the code holds. */
  text: string;
  matrix: QrMatrix;
  png: Buffer;
  /** A standalone SVG document, black on white, with the quiet zone. */
  svg: string;
}

/** The modules of the code holding `text`. */
export function encodeQrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/**
 * The dark modules as one SVG path in module units (quiet zone included in the offsets):
 * one `M x y h w v1 h-w z` rectangle per horizontal run of dark modules.
 */
export function qrPathData(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row += 1) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column += 1;
      const width = column - start;
      parts.push(`M${start + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h${width}v1h-${width}z`);
    }
  }
  return parts.join('');
}

export interface QrSvgOptions {
  /** Read by screen readers and shown as a tooltip. */
  title: string;
  /**
   * A file of its own (XML declaration, namespace, pixel size) rather than markup inlined
   * in HTML, where the namespace is implied and CSS sizes the code.
   */
  standalone: boolean;
}

/** The code as SVG: a white square with the quiet zone and the dark modules as one path. */
export function renderQrSvg(matrix: QrMatrix, options: QrSvgOptions): string {
  const side = matrix.size + 2 * QUIET_ZONE_MODULES;
  const title = escapeXml(options.title);
  const body = `<title>${title}</title>` + `<rect width="${side}" height="${side}" fill="#ffffff"/>` + `<path fill="#000000" d="${qrPathData(matrix)}"/>`;
  const common = `viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="${title}"`;
  if (!options.standalone) return `<svg ${common}>${body}</svg>`;
  const pixels = side * 10;
  return `<?xml version="1.0" encoding="UTF-8"?>\n` + `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" ${common}>${body}</svg>\n`;
}

/** The code holding `text` as a PNG at least 1000 px wide (whole pixels per module) and as SVG. */
export async function renderQrImages(text: string, title: string): Promise<QrImages> {
  const matrix = encodeQrMatrix(text);
  const side = matrix.size + 2 * QUIET_ZONE_MODULES;
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE_MODULES,
    scale: Math.ceil(MIN_PNG_PIXELS / side),
  });
  return { text, matrix, png, svg: renderQrSvg(matrix, { title, standalone: true }) };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
