/** Lina's Direct Line tokens: signed, bound to a conversation and a scope, and expiring. */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { createDirectLineTokens } from '../../../adapters/webchat/directline/directline.tokens.js';

const CLAIMS = { conversationId: 'conversation-1', userId: 'dl_member', site: 'SUBA' as const };

function makeTokens(options: { secret?: string; lifetimeMs?: number; maxLifetimeMs?: number } = {}) {
  let now = Date.parse('2026-11-23T13:00:00Z');
  const tokens = createDirectLineTokens({ now: () => now, ...options });
  return { tokens, advance: (ms: number) => (now += ms) };
}

describe('Direct Line tokens', () => {
  it('verifies what they issued, with the claims and the scope', () => {
    const { tokens } = makeTokens();
    const issued = tokens.issue(CLAIMS, 'conversation');
    assert.equal(issued.expiresIn, 1800);
    assert.deepEqual(tokens.verify(issued.token, 'conversation'), {
      ...CLAIMS,
      scope: 'conversation',
      sessionStart: Date.parse('2026-11-23T13:00:00Z'),
      expiresAt: Date.parse('2026-11-23T13:30:00Z'),
    });
    assert.equal(issued.token.split('.').length, 3, 'a JWT, which DirectLineJS can read');
  });

  it('refuses another scope, a changed payload, another key and garbage', () => {
    const { tokens } = makeTokens();
    const { token } = tokens.issue(CLAIMS, 'conversation');
    assert.equal(tokens.verify(token, 'stream'), undefined);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ conv: 'someone-else', user: 'dl_member', scp: 'conversation', exp: 9_999_999_999 })).toString('base64url');
    assert.equal(tokens.verify(`${header}.${forged}.${signature}`, 'conversation'), undefined);
    assert.equal(makeTokens().tokens.verify(token, 'conversation'), undefined, 'each process signs with its own key');
    for (const garbage of ['', 'a.b', 'a.b.c', `${token}.extra`, 'x'.repeat(5000)]) {
      assert.equal(tokens.verify(garbage, 'conversation'), undefined);
    }
  });

  it('expire, and a configured secret keeps them valid across processes', () => {
    const first = makeTokens({ secret: 'configured secret' });
    const { token } = first.tokens.issue(CLAIMS, 'conversation');
    assert.ok(makeTokens({ secret: 'configured secret' }).tokens.verify(token, 'conversation'));
    first.advance(30 * 60_000 - 1000);
    assert.ok(first.tokens.verify(token, 'conversation'));
    first.advance(1000);
    assert.equal(first.tokens.verify(token, 'conversation'), undefined);
  });

  it('make stream tokens short-lived', () => {
    const { tokens, advance } = makeTokens();
    const { token, expiresIn } = tokens.issue(CLAIMS, 'stream');
    assert.equal(expiresIn, 300);
    advance(301_000);
    assert.equal(tokens.verify(token, 'stream'), undefined);
  });

  it('cannot be refreshed past the maximum lifetime of their conversation (issue 15, finding 5)', () => {
    const { tokens, advance } = makeTokens({ maxLifetimeMs: 60 * 60_000 });
    let current = tokens.verify(tokens.issue(CLAIMS, 'conversation').token, 'conversation');
    // Refreshing every 15 minutes, as a page left open does.
    for (let step = 0; step < 3; step++) {
      advance(15 * 60_000);
      assert.ok(current);
      current = tokens.verify(tokens.issue(current, 'conversation').token, 'conversation');
    }
    assert.ok(current);
    assert.equal(current.expiresAt, Date.parse('2026-11-23T14:00:00Z'), "the last refresh ends at the session's end, not 30 minutes later");
    advance(15 * 60_000);
    assert.equal(
      tokens.verify(tokens.issue(CLAIMS, 'conversation').token, 'conversation')?.sessionStart,
      Date.parse('2026-11-23T14:00:00Z'),
      'a new conversation starts a new session',
    );
    assert.throws(() => tokens.issue(current, 'conversation'), /maximum duration/);
    assert.throws(() => tokens.issue(current, 'stream'), /maximum duration/, 'nor can its stream be opened again');
  });
});
