/**
 * Azure's Direct Line, for deployments that use it (a `DIRECT_LINE_SECRET` configured): the
 * secret never reaches the browser; Lina exchanges it for a conversation token.
 * API: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-authentication
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DirectLineError } from './directline/directline.errors.js';

export const AZURE_DIRECT_LINE_URL = 'https://directline.botframework.com/v3/directline';

const TokenResponseSchema = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

export type AzureDirectLineToken = z.infer<typeof TokenResponseSchema>;

export interface ExchangeOptions {
  secret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * A token for a new Azure Direct Line conversation, for one anonymous member id (`dl_…`, which
 * Azure binds into the token so the page cannot impersonate anyone else).
 * @throws DirectLineError `ServiceError` when Azure does not answer with a token
 */
export async function exchangeDirectLineSecret(options: ExchangeOptions): Promise<AzureDirectLineToken> {
  const request = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await request(`${AZURE_DIRECT_LINE_URL}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: `dl_${randomBytes(12).toString('base64url')}` } }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch {
    throw new DirectLineError('ServiceError', 'Azure Direct Line unreachable');
  }
  if (!response.ok) throw new DirectLineError('ServiceError', `Azure Direct Line refused the token request (${response.status})`);
  const parsed = TokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new DirectLineError('ServiceError', 'Azure Direct Line answered without a token');
  return parsed.data;
}
