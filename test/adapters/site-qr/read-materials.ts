/**
 * Independent readers of what `npm run qr` writes: a QR decoder (jsqr) for the PNGs and for
 * the SVGs (rasterised here from their path), and a text reader for pdfkit's pages.
 */
import jsQRModule from 'jsqr';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';

// jsqr is a webpack bundle: Node hands ESM the bundle's exports, whose `default` is the decoder.
const jsQR = jsQRModule.default;

/** The text a PNG QR code holds, or undefined when the decoder finds no code. */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/**
 * The text an SVG QR code holds: the SVG's rectangles (`M x y h w v1 h-w z`, module units
 * on a white `viewBox` square) are painted into an RGBA bitmap and handed to the decoder.
 */
export function decodeQrSvg(svg: string, pixelsPerModule = 6): string | undefined {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path[^>]*\sd="([^"]+)"/.exec(svg);
  if (!viewBox || !path) return undefined;
  const side = Number(viewBox[1]) * pixelsPerModule;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const run of path[1]!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, width] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let row = y * pixelsPerModule; row < (y + 1) * pixelsPerModule; row += 1) {
      for (let column = x * pixelsPerModule; column < (x + width) * pixelsPerModule; column += 1) {
        const at = (row * side + column) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text, line by line as pdfkit placed it, joined with spaces. */
  text: string;
}

/**
 * The pages of a PDF with their size and text. pdfkit writes each line of standard-font
 * text as a `TJ` array of WinAnsi hex strings split by kerning numbers.
 */
export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const document = await PDFDocument.load(pdf);
  const winAnsi = new TextDecoder('windows-1252');
  return document.getPages().map((page) => {
    const contents = page.node.Contents();
    const stream = contents instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(contents).decode()).toString('latin1') : '';
    const lines = [...stream.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)].map((line) =>
      [...line[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((hex) => winAnsi.decode(Buffer.from(hex[1]!, 'hex'))).join(''),
    );
    const { width, height } = page.getSize();
    return { width, height, text: lines.join(' ') };
  });
}
