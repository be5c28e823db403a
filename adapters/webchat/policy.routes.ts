/**
 * `GET /politica-de-datos`: Lina's data-processing policy, the page the consent message links
 * to by default (LINA_POLICY_URL may point elsewhere). Static for a given configuration, so it
 * is rendered once; it needs nothing of the web chat (botbuilder is not loaded for it).
 */
import express, { type Router } from 'express';
import { POLICY_PAGE_CSP, renderPolicyPage, type PolicyPageOptions } from './policy.html.js';

/** Where the policy page lives on Lina's web server (config's default `policyUrl` ends with it). */
export const POLICY_PATH = '/politica-de-datos';

export type PolicyRoutesOptions = PolicyPageOptions;

export function createPolicyRouter(options: PolicyRoutesOptions): Router {
  const router = express.Router();
  const html = renderPolicyPage(options);
  router.get(POLICY_PATH, (_req, res) => {
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': POLICY_PAGE_CSP,
      // Revalidated (ETag) each time: a new version shows at once.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.send(html);
  });
  return router;
}
