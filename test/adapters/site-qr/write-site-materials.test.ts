import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { SiteQrInputError } from '../../../adapters/site-qr/site-qr.errors.js';
import { writeSiteMaterials, type SiteMaterialsResult } from '../../../adapters/site-qr/write-site-materials.js';
import { SITES, type SiteCode } from '../../../bot/domain.js';
import { readSiteTag } from '../../../bot/site-tag.js';
import { decodeQrPng, decodeQrSvg, readPdf } from './read-materials.js';

const NUMBER = '+57 300 123 4567';
const PUBLIC_URL = 'https://lina.example.co';
const STEPS = ['Di Hola', 'Sigue el flujo de opciones', 'Lee siempre las opciones'];
const A4 = { width: 595.28, height: 841.89 };

const tempDirs: string[] = [];
async function makeOutDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lina-site-qr-'));
  tempDirs.push(dir);
  return join(dir, 'qr');
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const read = (path: string) => readFile(path, 'utf8');
/** pdfkit wraps long lines; compare text with every run of whitespace as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ');
const assertA4 = (page: { width: number; height: number }) => {
  assert.ok(Math.abs(page.width - A4.width) < 0.01, `width ${page.width}`);
  assert.ok(Math.abs(page.height - A4.height) < 0.01, `height ${page.height}`);
};

/** The external references an HTML page would load: scripts, stylesheets, images, fonts. */
function assetReferences(html: string): string[] {
  return [...html.matchAll(/<(?:script|link|img|iframe|object|embed|source|image|use)\b[^>]*>|\burl\(|@import|\bsrc=/gi)].map((match) => match[0]);
}

describe('writeSiteMaterials with a WhatsApp number', () => {
  let outDir: string;
  let result: SiteMaterialsResult;
  const siteDir = (code: SiteCode) => join(outDir, code);
  // Decoding a 1000 px PNG is the slow part; several checks compare against the same code.
  const decoded = new Map<string, string | undefined>();
  const scanPng = async (code: SiteCode, kind: 'whatsapp' | 'web') => {
    const key = `${code}/${kind}`;
    if (!decoded.has(key)) decoded.set(key, decodeQrPng(await readFile(join(siteDir(code), `${kind}.png`))));
    return decoded.get(key);
  };

  beforeAll(async () => {
    outDir = await makeOutDir();
    result = await writeSiteMaterials({ outDir, whatsappNumber: NUMBER, publicUrl: `${PUBLIC_URL}/` });
  });

  it('writes the documented layout for every site and reports each file', () => {
    const expected = SITES.flatMap(({ code }) =>
      ['whatsapp.png', 'whatsapp.svg', 'web.png', 'web.svg', 'poster.html', 'poster.pdf'].map((name) => join(outDir, code, name)),
    ).concat(join(outDir, 'posters.pdf'), join(outDir, 'index.html'));
    assert.deepEqual([...result.files].sort(), [...expected].sort());
    for (const file of expected) assert.ok(existsSync(file), file);
    assert.deepEqual(result.warnings, []);
  });

  it('each WhatsApp PNG scans to wa.me with the number and a greeting that names its site', async () => {
    for (const { code } of SITES) {
      const text = await scanPng(code, 'whatsapp');
      assert.ok(text, `${code}: no QR code found`);
      const url = new URL(text);
      assert.equal(url.protocol, 'https:');
      assert.equal(url.host, 'wa.me');
      assert.equal(url.pathname, '/573001234567');
      assert.equal(readSiteTag(url.searchParams.get('text') ?? ''), code);
    }
  });

  it('each web PNG scans to the web chat tagged with its site', async () => {
    for (const { code } of SITES) {
      const text = await scanPng(code, 'web');
      assert.equal(text, `${PUBLIC_URL}/?site=${code}`);
      assert.equal(new URL(text).searchParams.get('site'), code);
    }
  });

  it('PNGs are large enough to print sharply', async () => {
    const png = await readFile(join(siteDir('SUBA'), 'whatsapp.png'));
    assert.ok(png.readUInt32BE(16) >= 1000, 'width');
    assert.equal(png.readUInt32BE(16), png.readUInt32BE(20));
  });

  it('each SVG is a standalone SVG document holding the same code as its PNG', async () => {
    for (const { code } of SITES) {
      for (const kind of ['whatsapp', 'web'] as const) {
        const svg = await read(join(siteDir(code), `${kind}.svg`));
        assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
        assert.match(svg, /<\/svg>\s*$/);
        assert.match(svg, /<title>[^<]+<\/title>/);
        assert.equal(decodeQrSvg(svg), await scanPng(code, kind), `${code}/${kind}.svg`);
      }
    }
  });

  it('posters.pdf has one A4 page per site, in site order', async () => {
    const pages = await readPdf(await readFile(join(outDir, 'posters.pdf')));
    assert.equal(pages.length, SITES.length);
    pages.forEach((page, index) => {
      assertA4(page);
      assert.ok(page.text.includes(`Estás en la ${SITES[index]!.name}`), `page ${index + 1}: ${page.text.slice(0, 80)}`);
    });
  });

  it("each site's poster.pdf is one A4 page with its name (accents intact), the number, the steps and the web address", async () => {
    for (const { code, name } of SITES) {
      const pages = await readPdf(await readFile(join(siteDir(code), 'poster.pdf')));
      assert.equal(pages.length, 1, code);
      assertA4(pages[0]!);
      const text = squash(pages[0]!.text);
      assert.ok(text.includes(name), `${code}: site name`);
      assert.ok(text.includes('+57 300 123 4567'), `${code}: number`);
      for (const step of STEPS) assert.ok(text.includes(step), `${code}: ${step}`);
      assert.ok(text.includes('¿No tienes WhatsApp?'), `${code}: web alternative`);
      assert.ok(text.includes(`lina.example.co/?site=${code}`), `${code}: short web address`);
    }
    const facatativa = (await readPdf(await readFile(join(siteDir('FACATATIVA'), 'poster.pdf'))))[0]!.text;
    assert.ok(facatativa.includes('USS Facatativá') && facatativa.includes('médicas'), 'WinAnsi accents');
  });

  it('each poster.html is a self-contained A4 page with the site, the steps and both codes', async () => {
    for (const { code, name } of SITES) {
      const html = await read(join(siteDir(code), 'poster.html'));
      const whatsapp = await scanPng(code, 'whatsapp');
      const web = `${PUBLIC_URL}/?site=${code}`;
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /<html lang="es-CO">/);
      assert.match(html, /<meta charset="utf-8">/);
      assert.match(html, /@page \{ size: A4;/);
      assert.ok(html.includes(name), `${code}: site name`);
      for (const step of STEPS) assert.ok(html.includes(step), `${code}: ${step}`);
      assert.ok(html.includes('+57 300 123 4567'), `${code}: number`);
      assert.ok(html.includes(`lina.example.co/?site=${code}`), `${code}: short web address`);

      assert.deepEqual(assetReferences(html), [], `${code}: external assets`);
      const addresses = new Set(html.match(/https?:\/\/[^"'<>\s]+/g));
      assert.deepEqual([...addresses].sort(), [web, whatsapp].sort(), `${code}: only the QR targets`);

      const inlineCodes = [...html.matchAll(/<svg viewBox="0 0 \d+ \d+"[\s\S]*?<\/svg>/g)].map((match) => decodeQrSvg(match[0]));
      assert.deepEqual(inlineCodes.filter(Boolean), [whatsapp, web], `${code}: inline codes`);
    }
  });

  it('index.html links every file that exists, and only those', async () => {
    const html = await read(join(outDir, 'index.html'));
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    const written = result.files.filter((file) => !file.endsWith('index.html')).map((file) => relative(outDir, file));
    assert.deepEqual([...hrefs].sort(), [...written].sort());
    for (const { name } of SITES) assert.ok(html.includes(name), name);
    assert.deepEqual(assetReferences(html), []);
  });
});

describe('writeSiteMaterials without a WhatsApp number', () => {
  it('writes web-chat codes and posters only, removes old WhatsApp codes and warns', async () => {
    const outDir = await makeOutDir();
    await writeSiteMaterials({ outDir, whatsappNumber: '573001234567', publicUrl: PUBLIC_URL, sites: ['SUBA'] });
    assert.ok(existsSync(join(outDir, 'SUBA', 'whatsapp.png')));

    const result = await writeSiteMaterials({ outDir, whatsappNumber: undefined, publicUrl: 'http://localhost:3978', sites: ['SUBA', 'CHIA', 'SUBA'] });

    assert.equal(result.warnings.length, 2);
    assert.match(result.warnings[0]!, /set WHATSAPP_NUMBER to add WhatsApp codes/);
    assert.match(result.warnings[1]!, /LINA_PUBLIC_URL/);
    assert.ok(result.files.every((file) => !/whatsapp/.test(file)));
    for (const code of ['SUBA', 'CHIA'] as const) {
      assert.ok(!existsSync(join(outDir, code, 'whatsapp.png')), `${code}/whatsapp.png`);
      assert.ok(!existsSync(join(outDir, code, 'whatsapp.svg')), `${code}/whatsapp.svg`);
      assert.equal(decodeQrPng(await readFile(join(outDir, code, 'web.png'))), `http://localhost:3978/?site=${code}`);
      assert.equal(decodeQrSvg(await read(join(outDir, code, 'web.svg'))), `http://localhost:3978/?site=${code}`);

      const html = await read(join(outDir, code, 'poster.html'));
      assert.doesNotMatch(html, /wa\.me|WhatsApp/);
      for (const step of STEPS) assert.ok(html.includes(step), `${code}: ${step}`);
      assert.ok(html.includes(`http://localhost:3978/?site=${code}`));

      const [page, ...rest] = await readPdf(await readFile(join(outDir, code, 'poster.pdf')));
      assert.equal(rest.length, 0);
      assert.doesNotMatch(page!.text, /WhatsApp/);
      assert.ok(squash(page!.text).includes(`http://localhost:3978/?site=${code}`));
    }
    const pages = await readPdf(await readFile(join(outDir, 'posters.pdf')));
    assert.deepEqual(
      pages.map((page) => ['USS Suba', 'USS Chía'].find((name) => page.text.includes(`Estás en la ${name}`))),
      ['USS Suba', 'USS Chía'],
    );
    const index = await read(join(outDir, 'index.html'));
    assert.doesNotMatch(index, /whatsapp\.(png|svg)/);
  });

  it('treats a blank number as no number', async () => {
    const outDir = await makeOutDir();
    const result = await writeSiteMaterials({ outDir, whatsappNumber: '  ', publicUrl: PUBLIC_URL, sites: ['KENNEDY'] });
    assert.deepEqual(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /WHATSAPP_NUMBER/);
    assert.ok(!existsSync(join(outDir, 'KENNEDY', 'whatsapp.png')));
  });
});

describe('writeSiteMaterials with bad input', () => {
  const rejectsWith = async (options: Parameters<typeof writeSiteMaterials>[0], code: SiteQrInputError['code'], message: RegExp) => {
    await assert.rejects(writeSiteMaterials(options), (error: unknown) => {
      assert.ok(error instanceof SiteQrInputError);
      assert.equal(error.code, code);
      assert.match(error.message, message);
      return true;
    });
    assert.ok(!existsSync(options.outDir), 'nothing written');
  };

  it('refuses a malformed WhatsApp number before writing anything', async () => {
    const outDir = await makeOutDir();
    await rejectsWith({ outDir, whatsappNumber: '300-12', publicUrl: PUBLIC_URL }, 'INVALID_WHATSAPP_NUMBER', /8 to 15 digits/);
    await rejectsWith({ outDir, whatsappNumber: '+57 300 123 4567 8901 2', publicUrl: PUBLIC_URL }, 'INVALID_WHATSAPP_NUMBER', /country code/);
  });

  it('refuses a public URL that is not http(s)', async () => {
    const outDir = await makeOutDir();
    await rejectsWith({ outDir, whatsappNumber: NUMBER, publicUrl: 'lina.example.co' }, 'INVALID_PUBLIC_URL', /http/);
    await rejectsWith({ outDir, whatsappNumber: NUMBER, publicUrl: 'ftp://lina.example.co' }, 'INVALID_PUBLIC_URL', /http or https/);
  });

  it('refuses unknown sites and an empty choice', async () => {
    const outDir = await makeOutDir();
    await rejectsWith({ outDir, publicUrl: PUBLIC_URL, sites: ['SUBA', 'ATLANTIS' as SiteCode] }, 'INVALID_SITES', /Unknown site ATLANTIS; the sites are CALLE42/);
    await rejectsWith({ outDir, publicUrl: PUBLIC_URL, sites: [] }, 'INVALID_SITES', /No sites/);
  });
});
