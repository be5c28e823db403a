/** The page that lists every site's codes and posters, for whoever prints them. */
import { POSTER_COLORS } from './lina-mark.js';
import { POSTER_LANGUAGE, posterText } from './poster-texts.js';
import { escapeXml } from './qr-images.js';

export interface SiteMaterialsEntry {
  siteName: string;
  /** The site's folder, relative to the index page. */
  folder: string;
  hasWhatsapp: boolean;
}

/** A self-contained HTML page linking (relatively) to each site's files and to `posters.pdf`. */
export function renderIndexHtml(entries: readonly SiteMaterialsEntry[], postersPdf: string): string {
  const e = escapeXml;
  const t = (key: string) => e(posterText(`index.${key}`));
  const link = (href: string, text: string) => `<a href="${e(href)}">${e(text)}</a>`;
  const rows = entries
    .map((entry) => {
      const file = (name: string) => `${entry.folder}/${name}`;
      const whatsapp = entry.hasWhatsapp ? `${link(file('whatsapp.png'), 'PNG')} · ${link(file('whatsapp.svg'), 'SVG')}` : '–';
      return (
        `<tr><th scope="row">${e(entry.siteName)}</th>` +
        `<td>${link(file('poster.pdf'), 'PDF')} · ${link(file('poster.html'), 'HTML')}</td>` +
        `<td>${whatsapp}</td>` +
        `<td>${link(file('web.png'), 'PNG')} · ${link(file('web.svg'), 'SVG')}</td></tr>`
      );
    })
    .join('\n      ');
  const noWhatsapp = entries.some((entry) => entry.hasWhatsapp) ? '' : `\n  <p class="note">${t('noWhatsapp')}</p>`;
  return `<!DOCTYPE html>
<html lang="${POSTER_LANGUAGE}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${t('title')}</title>
  <style>
    body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: ${POSTER_COLORS.ink}; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
    h1 { color: ${POSTER_COLORS.brand}; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid #d0d7d9; }
    thead th { background: ${POSTER_COLORS.brandLight}; }
    a { color: ${POSTER_COLORS.brand}; }
    .note { background: #fff4d6; padding: 0.75rem 1rem; border-radius: 0.5rem; }
  </style>
</head>
<body>
  <h1>${t('title')}</h1>
  <p>${t('intro')}</p>${noWhatsapp}
  <p><strong>${link(postersPdf, posterText('index.allPosters'))}</strong></p>
  <table>
    <thead>
      <tr><th scope="col">${t('site')}</th><th scope="col">${t('poster')}</th><th scope="col">${t('whatsapp')}</th><th scope="col">${t('web')}</th></tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>
</body>
</html>
`;
}
