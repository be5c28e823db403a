/**
 * Baileys' auth state (credentials and signal keys) over the channel's auth store: values go
 * in as JSON through Baileys' `BufferJSON`, so Buffers and Uint8Arrays come back intact, and
 * app-state sync keys come back as the protobuf objects Baileys expects.
 */
import type { AuthEntry, WhatsAppAuthStore } from '../../bot/ports/whatsapp.js';
import type { AuthToolkit, AuthenticationState, SignalDataSet, SignalDataTypeMap } from './socket.js';

/** The entry that holds the credentials; keys use their Baileys type as category. */
const CREDS = { category: 'creds', id: 'creds' } as const;

export interface StoredAuthState {
  /** What the socket gets: `creds` is mutated in place by Baileys, then saved. */
  readonly state: AuthenticationState;
  /** Writes the current credentials (call on every `creds.update`). */
  saveCreds(): Promise<void>;
  /** Forgets everything (after a logout): the next socket pairs from scratch. */
  clear(): Promise<void>;
}

/** Loads (or starts) the auth state kept in `store`. */
export function createAuthState(params: { store: WhatsAppAuthStore; toolkit: AuthToolkit }): StoredAuthState {
  const { store, toolkit } = params;
  const { replacer, reviver } = toolkit.bufferJson;
  const encode = (value: unknown) => JSON.stringify(value, replacer);
  const decode = (text: string): unknown => JSON.parse(text, reviver);

  const stored = store.get(CREDS.category, CREDS.id);
  const state: { creds: AuthenticationState['creds']; keys: AuthenticationState['keys'] } = {
    creds: stored !== undefined ? (decode(stored) as AuthenticationState['creds']) : toolkit.initAuthCreds(),
    keys: {
      get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
        const found: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const row of store.getMany(type, ids)) {
          const value = decode(row.value);
          found[row.id] = (type === 'app-state-sync-key' && value && typeof value === 'object' ? toolkit.appStateSyncKey(value) : value) as SignalDataTypeMap[T];
        }
        return found;
      },
      set(data: SignalDataSet) {
        // Encoded first: a value JSON cannot hold fails the batch before anything is written.
        const entries: AuthEntry[] = [];
        for (const [category, values] of Object.entries(data)) {
          for (const [id, value] of Object.entries(values ?? {})) {
            entries.push({ category, id, value: value === null || value === undefined ? null : encode(value) });
          }
        }
        store.write(entries);
      },
    },
  };

  return {
    state,
    // eslint-disable-next-line @typescript-eslint/require-await -- a failed write must be a rejection, which the connection catches, not a throw
    async saveCreds() {
      store.write([{ ...CREDS, value: encode(state.creds) }]);
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- a failed write must be a rejection, which the connection catches, not a throw
    async clear() {
      store.clear();
      state.creds = toolkit.initAuthCreds();
    },
  };
}
