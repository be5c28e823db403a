/**
 * An in-memory `SessionStore` that behaves like the SQLite one (a turn without a new session
 * only touches `updatedAt`) and keeps everything it was given, for assertions.
 */
import type { OutboundMessage } from '../../bot/messages.js';
import type { SessionStore, StoredSession, TranscriptLine, TurnCommit } from '../../bot/ports.js';

export interface FakeSessionStore extends SessionStore {
  readonly sessions: Map<string, StoredSession>;
  readonly commits: TurnCommit[];
  readonly transcript: Array<TranscriptLine & { conversationId: string; at: number }>;
  readonly consents: Array<TurnCommit['consents'][number] & { channel: string; userId: string; conversationId: string; at: number }>;
  /** Plants a saved session as if an earlier turn (or an older Lina) had written it. */
  put(sessionKey: string, session: StoredSession): void;
}

export function createFakeSessionStore(): FakeSessionStore {
  const sessions = new Map<string, StoredSession>();
  const processed = new Map<string, OutboundMessage[]>();
  const commits: TurnCommit[] = [];
  const transcript: FakeSessionStore['transcript'] = [];
  const consents: FakeSessionStore['consents'] = [];

  return {
    sessions,
    commits,
    transcript,
    consents,

    put(sessionKey, session) {
      sessions.set(sessionKey, { ...session });
    },

    // eslint-disable-next-line @typescript-eslint/require-await -- the fake of an async port keeps its shape: a failure is a rejection, as the real store's
    async load(sessionKey) {
      const session = sessions.get(sessionKey);
      return session ? { ...session } : undefined;
    },

    // eslint-disable-next-line @typescript-eslint/require-await -- the fake of an async port keeps its shape: a failure is a rejection, as the real store's
    async answerTo(sessionKey, messageId) {
      const replies = processed.get(`${sessionKey}\u0000${messageId}`);
      return replies ? structuredClone(replies) : undefined;
    },

    // eslint-disable-next-line @typescript-eslint/require-await -- the fake of an async port keeps its shape: a failure is a rejection, as the real store's
    async hasConsent({ channel, userId, policyVersion }) {
      const last = consents.filter((consent) => consent.channel === channel && consent.userId === userId).at(-1);
      return last !== undefined && last.accepted && last.policyVersion === policyVersion;
    },

    // eslint-disable-next-line @typescript-eslint/require-await -- the fake of an async port keeps its shape: a failure is a rejection, as the real store's
    async commitTurn(turn) {
      commits.push(structuredClone(turn));
      const { conversationId, at } = turn;
      if (turn.session) {
        sessions.set(turn.sessionKey, { ...turn.session, conversationId, updatedAt: at });
      } else {
        const existing = sessions.get(turn.sessionKey);
        if (existing) existing.updatedAt = at;
      }
      processed.set(`${turn.sessionKey}\u0000${turn.messageId}`, structuredClone(turn.replies ?? []));
      for (const line of turn.transcript) transcript.push({ ...line, conversationId, at });
      for (const consent of turn.consents) {
        consents.push({ ...consent, channel: turn.channel, userId: turn.userId, conversationId, at });
      }
    },
  };
}
