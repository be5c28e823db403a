/**
 * What a site's poster says and shows, independent of the format it is printed in: the HTML
 * and the PDF renderers draw the same content.
 */
import { siteName, type SiteCode } from '../../bot/domain.js';
import type { QrMatrix } from './qr-images.js';
import { posterText } from './poster-texts.js';

export interface PosterCode {
  kind: 'whatsapp' | 'web';
  /** What the code opens; also the link target on screen. */
  url: string;
  matrix: QrMatrix;
  /** Describes the code to screen readers. */
  title: string;
  /** The sentence printed under the code, leading to `label`. */
  caption: string;
  /** What people can type instead of scanning: the phone number or the short web address. */
  label: string;
}

export interface PosterStep {
  title: string;
  detail: string;
}

export interface Poster {
  site: SiteCode;
  siteName: string;
  documentTitle: string;
  brand: string;
  tagline: string;
  atSite: string;
  headline: string;
  intro: string;
  stepsTitle: string;
  steps: readonly PosterStep[];
  /** The big code: WhatsApp when Lina has a number, the web chat otherwise. */
  main: PosterCode;
  /** The smaller web-chat code for people without WhatsApp, when the main one is WhatsApp's. */
  alternative: { title: string; code: PosterCode } | undefined;
  footer: string;
}

export interface PosterCodes {
  site: SiteCode;
  /** Present only when Lina has a WhatsApp number. */
  whatsapp?: { url: string; matrix: QrMatrix; humanNumber: string };
  web: { url: string; shortUrl: string; matrix: QrMatrix };
}

/** The poster of one site, in Spanish, from its codes. */
export function composePoster({ site, whatsapp, web }: PosterCodes): Poster {
  const name = siteName(site);
  const webCode = (caption: string): PosterCode => ({
    kind: 'web',
    url: web.url,
    matrix: web.matrix,
    title: posterText('web.qrTitle', { site: name }),
    caption,
    label: web.shortUrl,
  });
  const channel = whatsapp ? 'whatsapp' : 'web';
  return {
    site,
    siteName: name,
    documentTitle: posterText('documentTitle', { site: name }),
    brand: posterText('brand'),
    tagline: posterText('tagline'),
    atSite: posterText('atSite', { site: name }),
    headline: posterText(`headline.${channel}`),
    intro: posterText('intro'),
    stepsTitle: posterText('steps.title'),
    steps: [
      { title: posterText('steps.sayHello.title'), detail: posterText(`steps.sayHello.${channel}`) },
      { title: posterText('steps.followFlow.title'), detail: posterText('steps.followFlow.detail') },
      { title: posterText('steps.readOptions.title'), detail: posterText('steps.readOptions.detail') },
    ],
    main: whatsapp
      ? {
          kind: 'whatsapp',
          url: whatsapp.url,
          matrix: whatsapp.matrix,
          title: posterText('whatsapp.qrTitle', { site: name }),
          caption: posterText('whatsapp.caption'),
          label: whatsapp.humanNumber,
        }
      : webCode(posterText('web.caption')),
    alternative: whatsapp ? { title: posterText('web.alternativeTitle'), code: webCode(posterText('web.alternativeCaption')) } : undefined,
    footer: posterText('footer'),
  };
}
