/**
 * Posters as an A4 PDF, one page per poster, drawn with pdfkit: the QR codes and the mark are
 * vector paths (sharp at any printer resolution), the text uses the standard Helvetica fonts,
 * whose WinAnsi encoding covers Spanish (á é í ó ú ü ñ ¿ ¡).
 */
import PDFDocument from 'pdfkit';
import { LINA_MARK_BUBBLE, LINA_MARK_CROSS, LINA_MARK_SIZE, POSTER_COLORS } from './lina-mark.js';
import type { Poster, PosterCode } from './poster-content.js';
import { POSTER_LANGUAGE } from './poster-texts.js';
import { QUIET_ZONE_MODULES, qrPathData } from './qr-images.js';

type Doc = PDFKit.PDFDocument;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const c = POSTER_COLORS;

/**
 * Renders the posters into one PDF, one A4 page each, in order. Throws if any poster would
 * spill onto a second page, which would break the one-page-per-site layout.
 */
export async function renderPostersPdf(posters: readonly Poster[], title: string): Promise<Buffer> {
  if (posters.length === 0) throw new Error('renderPostersPdf needs at least one poster');
  // Margins stay at zero so pdfkit never breaks a page on its own: every element is placed.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    lang: POSTER_LANGUAGE,
    displayTitle: true,
    info: { Title: title, Author: 'Lina', Subject: posters.map((poster) => poster.siteName).join(', ') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  for (const poster of posters) {
    doc.addPage({ size: 'A4', margin: 0 });
    drawPoster(doc, poster);
  }
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await finished;
  if (pages !== posters.length) {
    throw new Error(`Poster layout overflowed: ${pages} pages for ${posters.length} posters`);
  }
  return Buffer.concat(chunks);
}

function drawPoster(doc: Doc, poster: Poster): void {
  drawHeader(doc, poster);

  let y = 132;
  y = centeredLine(doc, poster.atSite, { font: BOLD, size: 26, color: c.ink, y });
  y = centeredLine(doc, poster.headline, { font: BOLD, size: 18, color: c.brand, y: y + 6 });
  y = centeredLine(doc, poster.intro, { font: REGULAR, size: 11.5, color: c.muted, y: y + 5 });

  // Alone on the poster, the web-chat code takes the room the smaller second code would use.
  const mainSide = poster.alternative ? 260 : 300;
  drawQr(doc, poster.main, (A4.width - mainSide) / 2, y + 6, mainSide);
  y += 6 + mainSide + 2;
  y = centeredLine(doc, poster.main.caption, { font: REGULAR, size: 12, color: c.ink, y });
  const labelTop = y + 2;
  y = centeredLine(doc, poster.main.label, { font: BOLD, size: 24, color: c.ink, y: labelTop });
  doc.link(MARGIN, labelTop, CONTENT_WIDTH, y - labelTop, poster.main.url);

  y = drawSteps(doc, poster, y + 18);
  if (poster.alternative) drawAlternative(doc, poster.alternative, y + 16);

  doc
    .font(REGULAR)
    .fontSize(8.5)
    .fillColor(c.muted)
    .text(poster.footer, MARGIN, A4.height - 34, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
}

function drawHeader(doc: Doc, poster: Poster): void {
  const height = 104;
  doc.rect(0, 0, A4.width, height).fill(c.brand);
  const markSide = 62;
  const markTop = (height - markSide) / 2;
  doc
    .save()
    .translate(MARGIN, markTop)
    .scale(markSide / LINA_MARK_SIZE);
  doc.path(LINA_MARK_BUBBLE).fill(c.white);
  doc.path(LINA_MARK_CROSS).fill(c.brand);
  doc.restore();
  const textLeft = MARGIN + markSide + 16;
  doc.font(BOLD).fontSize(34).fillColor(c.white).text(poster.brand, textLeft, 24, { lineBreak: false });
  doc
    .font(REGULAR)
    .fontSize(14)
    .text(poster.tagline, textLeft, 64, { width: A4.width - textLeft - MARGIN, lineBreak: false });
}

/** The three steps side by side, each with its number in a circle. Returns the bottom edge. */
function drawSteps(doc: Doc, poster: Poster, top: number): number {
  let y = centeredLine(doc, poster.stepsTitle, { font: BOLD, size: 15, color: c.ink, y: top });
  y += 8;
  const gap = 14;
  const columnWidth = (CONTENT_WIDTH - gap * (poster.steps.length - 1)) / poster.steps.length;
  const radius = 13;
  const textOffset = 2 * radius + 8;
  let bottom = y;
  poster.steps.forEach((step, index) => {
    const left = MARGIN + index * (columnWidth + gap);
    doc.circle(left + radius, y + radius, radius).fill(c.brand);
    doc
      .font(BOLD)
      .fontSize(14)
      .fillColor(c.white)
      .text(String(index + 1), left, y + radius - 6, { width: 2 * radius, align: 'center', lineBreak: false });
    const textWidth = columnWidth - textOffset;
    doc
      .font(BOLD)
      .fontSize(12.5)
      .fillColor(c.ink)
      .text(step.title, left + textOffset, y + 1, { width: textWidth });
    doc
      .font(REGULAR)
      .fontSize(10.5)
      .fillColor(c.muted)
      .text(step.detail, left + textOffset, doc.y + 3, { width: textWidth });
    bottom = Math.max(bottom, doc.y, y + 2 * radius);
  });
  return bottom;
}

/** The smaller web-chat code in a tinted box, with its title, caption and short address. */
function drawAlternative(doc: Doc, alternative: NonNullable<Poster['alternative']>, top: number): void {
  const padding = 12;
  const side = 88;
  const height = side + 2 * padding;
  doc.roundedRect(MARGIN, top, CONTENT_WIDTH, height, 10).fill(c.brandLight);
  drawQr(doc, alternative.code, MARGIN + padding, top + padding, side);
  const textLeft = MARGIN + padding + side + 16;
  const textWidth = MARGIN + CONTENT_WIDTH - padding - textLeft;
  doc
    .font(BOLD)
    .fontSize(15)
    .fillColor(c.ink)
    .text(alternative.title, textLeft, top + padding + 8, { width: textWidth });
  doc
    .font(REGULAR)
    .fontSize(11)
    .fillColor(c.ink)
    .text(alternative.code.caption, textLeft, doc.y + 4, { width: textWidth });
  const labelTop = doc.y + 4;
  const labelSize = fittingSize(doc, alternative.code.label, BOLD, 13, textWidth);
  doc.font(BOLD).fontSize(labelSize).fillColor(c.brand).text(alternative.code.label, textLeft, labelTop, { width: textWidth, lineBreak: false });
  doc.link(textLeft, labelTop, textWidth, doc.currentLineHeight(), alternative.code.url);
}

/** The code as vector modules on a white square (quiet zone included), linked to its URL. */
function drawQr(doc: Doc, code: PosterCode, x: number, y: number, side: number): void {
  const modules = code.matrix.size + 2 * QUIET_ZONE_MODULES;
  doc.rect(x, y, side, side).fill(c.white);
  doc
    .save()
    .translate(x, y)
    .scale(side / modules);
  doc.path(qrPathData(code.matrix)).fill('#000000');
  doc.restore();
  doc.link(x, y, side, side, code.url);
}

interface LineStyle {
  font: string;
  size: number;
  color: string;
  y: number;
}

/** One centred line, shrunk to fit the content width if it must. Returns the next line's top. */
function centeredLine(doc: Doc, text: string, style: LineStyle): number {
  const size = fittingSize(doc, text, style.font, style.size, CONTENT_WIDTH);
  doc.font(style.font).fontSize(size).fillColor(style.color);
  doc.text(text, MARGIN, style.y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  return style.y + doc.currentLineHeight(true);
}

/** The largest size up to `preferred` at which `text` fits `width` on one line. */
function fittingSize(doc: Doc, text: string, font: string, preferred: number, width: number): number {
  doc.font(font).fontSize(preferred);
  const natural = doc.widthOfString(text);
  return natural <= width ? preferred : Math.floor(((preferred * width) / natural) * 10) / 10;
}
