import assert from 'node:assert/strict';
import { beforeAll, describe, it } from '@jest/globals';
import { openDatabase, type SqliteDatabase } from '../../../data/database.js';
import { createAuthState } from '../../../adapters/whatsapp/auth-state.js';
import { createWhatsAppAuthStore } from '../../../data/whatsapp/auth-state.store.js';
import { loadAuthToolkit, type AuthToolkit, type SignalDataSet } from '../../../adapters/whatsapp/socket.js';

let toolkit: AuthToolkit;

beforeAll(async () => {
  toolkit = await loadAuthToolkit();
});

function rowCount(db: SqliteDatabase, category?: string): number {
  const row = category
    ? db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM whatsapp_auth WHERE category = ?').get(category)
    : db.prepare<[], { n: number }>('SELECT count(*) AS n FROM whatsapp_auth').get();
  return row?.n ?? 0;
}

const bytes = (...values: number[]) => Buffer.from(values);

describe('WhatsApp auth state, kept in SQLite', () => {
  it('starts with fresh credentials and keeps them across a restart, Buffers included', async () => {
    const db = openDatabase(':memory:');
    const first = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
    assert.equal(first.state.creds.registered, false);
    assert.ok(Buffer.isBuffer(first.state.creds.noiseKey.public));
    first.state.creds.me = { id: '573001112233:4@s.whatsapp.net', name: 'Lina' };
    first.state.creds.registered = true;
    await first.saveCreds();

    const again = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
    assert.deepEqual(again.state.creds.me, { id: '573001112233:4@s.whatsapp.net', name: 'Lina' });
    assert.equal(again.state.creds.registered, true);
    assert.ok(Buffer.isBuffer(again.state.creds.noiseKey.public));
    assert.deepEqual(again.state.creds.noiseKey, first.state.creds.noiseKey);
    assert.deepEqual(again.state.creds.signedPreKey, first.state.creds.signedPreKey);
    assert.equal(again.state.creds.advSecretKey, first.state.creds.advSecretKey);
  });

  it('round-trips pre-keys, sessions and app-state sync keys', async () => {
    const db = openDatabase(':memory:');
    const { state } = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
    const preKey = { public: bytes(1, 2, 3), private: bytes(4, 5, 6) };
    const session = new Uint8Array([9, 8, 7, 6]);
    const appStateKey = { keyData: bytes(10, 11, 12), fingerprint: { rawId: 7, currentIndex: 1, deviceIndexes: [0, 1] }, timestamp: 1_795_000_000 };
    await state.keys.set({
      'pre-key': { '1': preKey, '2': { public: bytes(7), private: bytes(8) } },
      session: { '573001112233.0': session },
      'app-state-sync-key': { AAAAAE1b: appStateKey },
    });

    const preKeys = await state.keys.get('pre-key', ['1', '2', '3']);
    assert.deepEqual(Object.keys(preKeys).sort(), ['1', '2'], 'a missing key is simply absent');
    assert.ok(Buffer.isBuffer(preKeys['1']?.public));
    assert.deepEqual(preKeys['1'], preKey);

    const sessions = await state.keys.get('session', ['573001112233.0']);
    assert.deepEqual([...(sessions['573001112233.0'] ?? [])], [9, 8, 7, 6]);

    const syncKeys = await state.keys.get('app-state-sync-key', ['AAAAAE1b']);
    const syncKey = syncKeys['AAAAAE1b'];
    assert.equal(syncKey?.constructor.name, 'AppStateSyncKeyData', 'a protobuf object, as Baileys expects');
    assert.deepEqual([...(syncKey?.keyData ?? [])], [10, 11, 12]);
    assert.equal(syncKey?.fingerprint?.rawId, 7);
    assert.deepEqual(await state.keys.get('pre-key', []), {});
  });

  it('deletes keys set to null or undefined and overwrites the rest', async () => {
    const db = openDatabase(':memory:');
    const { state } = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
    await state.keys.set({ 'pre-key': { '1': { public: bytes(1), private: bytes(2) }, '2': { public: bytes(3), private: bytes(4) } } });
    await state.keys.set({ 'pre-key': { '1': null, '2': { public: bytes(5), private: bytes(6) } }, session: { gone: undefined } } as unknown as SignalDataSet);
    const preKeys = await state.keys.get('pre-key', ['1', '2']);
    assert.deepEqual(Object.keys(preKeys), ['2']);
    assert.deepEqual(preKeys['2'], { public: bytes(5), private: bytes(6) });
    assert.equal(rowCount(db, 'pre-key'), 1);
  });

  it('writes a batch whole or not at all', async () => {
    const db = openDatabase(':memory:');
    const { state } = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
    await state.keys.set({ session: { kept: new Uint8Array([1]) } });
    const broken = {
      session: { kept: null, fresh: new Uint8Array([2]) },
      // A value JSON cannot hold (a BigInt) fails the batch halfway through.
      'pre-key': { '5': { public: bytes(1), private: 10n } },
    } as unknown as SignalDataSet;
    await assert.rejects(async () => state.keys.set(broken), TypeError);
    assert.deepEqual(Object.keys(await state.keys.get('session', ['kept', 'fresh'])), ['kept'], 'nothing of the failed batch stayed');
    assert.equal(rowCount(db), 1);
  });

  it('forgets everything on clear, for a fresh pairing', async () => {
    const db = openDatabase(':memory:');
    const auth = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
    const oldNoiseKey = auth.state.creds.noiseKey.public;
    auth.state.creds.registered = true;
    await auth.saveCreds();
    await auth.state.keys.set({ session: { a: new Uint8Array([1]) }, 'pre-key': { '1': { public: bytes(1), private: bytes(2) } } });
    assert.equal(rowCount(db), 3);

    await auth.clear();
    assert.equal(rowCount(db), 0);
    assert.equal(auth.state.creds.registered, false);
    assert.notDeepEqual(auth.state.creds.noiseKey.public, oldNoiseKey);
    assert.equal(createAuthState({ store: createWhatsAppAuthStore(db), toolkit }).state.creds.registered, false);
  });
});
