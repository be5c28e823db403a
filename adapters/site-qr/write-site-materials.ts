/**
 * `npm run qr`: the QR codes and printable posters members scan at each site to reach Lina.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITES, isSiteCode, siteName, type SiteCode } from '../../bot/domain.js';
import { renderIndexHtml } from './index-html.js';
import { composePoster, type Poster } from './poster-content.js';
import { renderPosterHtml } from './poster-html.js';
import { renderPostersPdf } from './poster-pdf.js';
import { posterText } from './poster-texts.js';
import { renderQrImages } from './qr-images.js';
import { formatPhoneNumber, isLocalAddress, normalizePublicUrl, normalizeWhatsappNumber, shortWebChatLink, webChatLink, whatsappLink } from './site-links.js';
import { SiteQrInputError } from './site-qr.errors.js';

export interface WriteSiteMaterialsOptions {
  /** Folder to write into (created if missing); the CLI's default is `var/qr`. */
  outDir: string;
  /** Lina's WhatsApp number, country code first; without it only web-chat codes are made. */
  whatsappNumber?: string | undefined;
  /** The web chat's public address (http or https), e.g. `https://lina.example.co`. */
  publicUrl: string;
  /** Which sites, in poster order; all of `SITES` by default. */
  sites?: readonly SiteCode[] | undefined;
}

export interface SiteMaterialsResult {
  /** Every file written, as paths joined onto `outDir`. */
  files: string[];
  /** What the operator should fix before printing (no WhatsApp number, a local URL). */
  warnings: string[];
}

/**
 * Writes the QR codes and posters of each site:
 *
 * ```
 * <outDir>/<CODE>/whatsapp.png   WhatsApp code (only with a number): wa.me link, site greeting typed
 * <outDir>/<CODE>/whatsapp.svg
 * <outDir>/<CODE>/web.png        web-chat code: <publicUrl>/?site=<CODE>
 * <outDir>/<CODE>/web.svg
 * <outDir>/<CODE>/poster.html    A4 poster, self-contained (codes inlined as SVG)
 * <outDir>/<CODE>/poster.pdf     the same poster, one A4 page
 * <outDir>/posters.pdf           every site's poster, one A4 page each, in site order
 * <outDir>/index.html            links to all of the above
 * ```
 *
 * Inputs are checked before anything is written. Without a WhatsApp number the posters carry
 * the web-chat code alone, any WhatsApp code left from an earlier run is removed (it could
 * point at an old number), and a warning says how to add them.
 * @throws SiteQrInputError on a malformed number or URL, or an unknown site
 */
export async function writeSiteMaterials(options: WriteSiteMaterialsOptions): Promise<SiteMaterialsResult> {
  const publicUrl = normalizePublicUrl(options.publicUrl);
  const number = options.whatsappNumber?.trim() ? normalizeWhatsappNumber(options.whatsappNumber) : undefined;
  const sites = chooseSites(options.sites);

  const warnings: string[] = [];
  if (!number) warnings.push('No WhatsApp number: wrote web-chat codes only; set WHATSAPP_NUMBER to add WhatsApp codes');
  if (isLocalAddress(publicUrl)) {
    warnings.push(`The web-chat codes point at ${publicUrl}, which members' phones cannot open; set LINA_PUBLIC_URL to Lina's public address before printing`);
  }

  const files: string[] = [];
  const write = async (path: string, content: string | Buffer) => {
    await writeFile(path, content);
    files.push(path);
  };

  const posters: Poster[] = [];
  for (const site of sites) {
    const folder = join(options.outDir, site);
    await mkdir(folder, { recursive: true });
    const name = siteName(site);
    const web = await renderQrImages(webChatLink(publicUrl, site), posterText('web.qrTitle', { site: name }));
    const whatsapp = number ? await renderQrImages(whatsappLink(number, site), posterText('whatsapp.qrTitle', { site: name })) : undefined;

    if (whatsapp) {
      await write(join(folder, 'whatsapp.png'), whatsapp.png);
      await write(join(folder, 'whatsapp.svg'), whatsapp.svg);
    } else {
      await rm(join(folder, 'whatsapp.png'), { force: true });
      await rm(join(folder, 'whatsapp.svg'), { force: true });
    }
    await write(join(folder, 'web.png'), web.png);
    await write(join(folder, 'web.svg'), web.svg);

    const poster = composePoster({
      site,
      ...(whatsapp && number ? { whatsapp: { url: whatsapp.text, matrix: whatsapp.matrix, humanNumber: formatPhoneNumber(number) } } : {}),
      web: { url: web.text, shortUrl: shortWebChatLink(publicUrl, site), matrix: web.matrix },
    });
    posters.push(poster);
    await write(join(folder, 'poster.html'), renderPosterHtml(poster));
    await write(join(folder, 'poster.pdf'), await renderPostersPdf([poster], poster.documentTitle));
  }

  await write(join(options.outDir, 'posters.pdf'), await renderPostersPdf(posters, posterText('collectionTitle')));
  await write(
    join(options.outDir, 'index.html'),
    renderIndexHtml(
      posters.map((poster) => ({ siteName: poster.siteName, folder: poster.site, hasWhatsapp: poster.main.kind === 'whatsapp' })),
      'posters.pdf',
    ),
  );
  return { files, warnings };
}

/** The requested sites, known and without repeats, or every site. */
function chooseSites(requested: readonly string[] | undefined): SiteCode[] {
  if (requested === undefined) return SITES.map((site) => site.code);
  const unknown = requested.filter((code) => !isSiteCode(code));
  if (unknown.length > 0) {
    throw new SiteQrInputError('INVALID_SITES', `Unknown site ${unknown.join(', ')}; the sites are ${SITES.map((site) => site.code).join(', ')}`);
  }
  if (requested.length === 0) throw new SiteQrInputError('INVALID_SITES', 'No sites chosen');
  return [...new Set(requested)] as SiteCode[];
}
