/**
 * A site's poster as one self-contained HTML page, sized for an A4 sheet: the codes are
 * inline SVG, the mark is inline SVG, the fonts are the system's, so it prints offline.
 */
import { POSTER_COLORS, linaMarkSvg } from './lina-mark.js';
import type { Poster, PosterCode } from './poster-content.js';
import { POSTER_LANGUAGE } from './poster-texts.js';
import { escapeXml, renderQrSvg } from './qr-images.js';

const c = POSTER_COLORS;

const STYLE = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { background: #d9dfe0; color: ${c.ink}; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; height: 297mm; margin: 10mm auto; background: ${c.white}; overflow: hidden;
  display: flex; flex-direction: column; }
header { background: ${c.brand}; color: ${c.white}; display: flex; align-items: center; gap: 5mm; padding: 8mm 14mm; }
header .brand { font-size: 30pt; font-weight: bold; margin: 0; line-height: 1; }
header .tagline { font-size: 13pt; margin: 1.5mm 0 0; }
main { flex: 1; display: flex; flex-direction: column; align-items: center; padding: 7mm 14mm 0; text-align: center; }
h1 { font-size: 25pt; margin: 0; }
.headline { font-size: 17pt; color: ${c.brand}; font-weight: bold; margin: 2mm 0 0; }
.intro { font-size: 11.5pt; color: ${c.muted}; margin: 1.5mm 0 0; }
.main-code { display: block; width: 90mm; height: 90mm; margin: 4mm auto 0; }
.main-code.alone { width: 105mm; height: 105mm; }
.main-code svg, .alternative svg { width: 100%; height: 100%; display: block; }
.caption { font-size: 12pt; margin: 1mm 0 0; }
.label { font-size: 22pt; font-weight: bold; margin: 1mm 0 0; color: ${c.ink}; text-decoration: none; display: inline-block; }
.steps-title { font-size: 15pt; margin: 6mm 0 3mm; }
ol.steps { list-style: none; padding: 0; margin: 0; display: flex; gap: 5mm; width: 100%; }
ol.steps li { flex: 1; text-align: left; display: flex; gap: 3mm; align-items: flex-start; }
.number { flex: none; width: 10mm; height: 10mm; border-radius: 50%; background: ${c.brand}; color: ${c.white};
  font-weight: bold; font-size: 14pt; display: flex; align-items: center; justify-content: center; }
.step-title { font-weight: bold; font-size: 12.5pt; margin: 0; }
.step-detail { font-size: 10.5pt; color: ${c.muted}; margin: 1mm 0 0; }
.alternative { margin: 7mm 0 0; width: 100%; background: ${c.brandLight}; border-radius: 4mm; padding: 4mm 6mm;
  display: flex; align-items: center; gap: 6mm; text-align: left; }
.alternative .small-code { flex: none; width: 30mm; height: 30mm; display: block; }
.alternative h2 { font-size: 14pt; margin: 0; }
.alternative p { font-size: 11pt; margin: 1mm 0 0; }
.alternative .label { font-size: 13pt; word-break: break-all; }
footer { font-size: 8.5pt; color: ${c.muted}; text-align: center; padding: 4mm 14mm 6mm; }
@media print {
  body { background: none; }
  .sheet { margin: 0; page-break-after: always; break-after: page; }
}
`;

function codeSvg(code: PosterCode): string {
  return renderQrSvg(code.matrix, { title: code.title, standalone: false });
}

/** The poster as a complete HTML document. */
export function renderPosterHtml(poster: Poster): string {
  const e = escapeXml;
  const steps = poster.steps
    .map(
      (step, index) =>
        `<li><span class="number" aria-hidden="true">${index + 1}</span>` +
        `<div><p class="step-title">${e(step.title)}</p><p class="step-detail">${e(step.detail)}</p></div></li>`,
    )
    .join('\n        ');
  const alternative = poster.alternative
    ? `
      <section class="alternative">
        <a class="small-code" href="${e(poster.alternative.code.url)}">${codeSvg(poster.alternative.code)}</a>
        <div>
          <h2>${e(poster.alternative.title)}</h2>
          <p>${e(poster.alternative.code.caption)}</p>
          <a class="label" href="${e(poster.alternative.code.url)}">${e(poster.alternative.code.label)}</a>
        </div>
      </section>`
    : '';
  return `<!DOCTYPE html>
<html lang="${POSTER_LANGUAGE}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(poster.documentTitle)}</title>
  <style>${STYLE}</style>
</head>
<body>
  <div class="sheet">
    <header>
      ${linaMarkSvg('22mm')}
      <div>
        <p class="brand">${e(poster.brand)}</p>
        <p class="tagline">${e(poster.tagline)}</p>
      </div>
    </header>
    <main>
      <h1>${e(poster.atSite)}</h1>
      <p class="headline">${e(poster.headline)}</p>
      <p class="intro">${e(poster.intro)}</p>
      <a class="main-code${poster.alternative ? '' : ' alone'}" href="${e(poster.main.url)}">${codeSvg(poster.main)}</a>
      <p class="caption">${e(poster.main.caption)}</p>
      <a class="label" href="${e(poster.main.url)}">${e(poster.main.label)}</a>
      <h2 class="steps-title">${e(poster.stepsTitle)}</h2>
      <ol class="steps">
        ${steps}
      </ol>${alternative}
    </main>
    <footer>${e(poster.footer)}</footer>
  </div>
</body>
</html>
`;
}
