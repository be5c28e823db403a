import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, it } from '@jest/globals';
import { Command } from 'commander';

import { verifyPassword } from '../../../adapters/support/passwords.js';
import { registerSupportCommands, type SupportCliIo } from '../../../adapters/support/support.cli.js';
import { openDatabase } from '../../../data/database.js';
import { createSupportUserStore } from '../../../data/support/support-users.store.js';

describe('lina support (CLI)', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lina-support-cli-'));
    dbPath = join(dir, 'lina.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = 0;
  });

  async function run(args: string[], stdin: SupportCliIo['stdin'] = Readable.from([])): Promise<{ out: string; err: string }> {
    let out = '';
    let err = '';
    const sink = (append: (text: string) => void) =>
      new (class extends PassThrough {
        override write(chunk: unknown): boolean {
          append(String(chunk));
          return true;
        }
      })();
    const program = new Command().exitOverride().configureOutput({ writeErr: (text) => (err += text), writeOut: (text) => (out += text) });
    registerSupportCommands(
      program,
      () => {
        const db = openDatabase(dbPath);
        return { users: createSupportUserStore(db), close: () => db.close() };
      },
      {
        stdin,
        stdout: sink((text) => (out += text)),
        stderr: sink((text) => (err += text)),
      },
    );
    await program.parseAsync(['node', 'lina', 'support', ...args]);
    return { out, err };
  }

  const users = () => {
    const db = openDatabase(dbPath);
    try {
      return createSupportUserStore(db).list();
    } finally {
      db.close();
    }
  };

  it('adds a user with a password read from stdin, hashed', async () => {
    const { out } = await run(['add-user', 'ana.asesora', '--role', 'agent', '--password-stdin'], Readable.from(['una clave larga y segura\n']));
    assert.equal(out, 'Created ana.asesora (agent).\n');
    const db = openDatabase(dbPath);
    const stored = createSupportUserStore(db).findByName('ana.asesora');
    db.close();
    assert.equal(stored?.role, 'agent');
    assert.ok(stored && !stored.passwordHash.includes('una clave'));
    assert.equal(await verifyPassword('una clave larga y segura', stored?.passwordHash), true);
  });

  it('asks the password twice without echo on a terminal', async () => {
    const terminal = Object.assign(new PassThrough(), {
      isTTY: true,
      rawModes: [] as boolean[],
      setRawMode(mode: boolean) {
        terminal.rawModes.push(mode);
      },
    });
    const running = run(['add-user', 'sergio.supervisor', '--role', 'supervisor'], terminal);
    setImmediate(() => terminal.write('otra clave bien larga\r'));
    setTimeout(() => terminal.write('otra clave bien larga\r'), 20);
    const { out } = await running;
    assert.match(out, /^Password: \nRepeat the password: \nCreated sergio\.supervisor \(supervisor\)\.\n$/);
    assert.ok(!out.includes('otra clave'));
    assert.deepEqual(terminal.rawModes, [true, false, true, false]);
  });

  it('refuses a short password, a duplicate name, an unknown role, and no way to read a password', async () => {
    assert.match((await run(['add-user', 'corta', '--role', 'agent', '--password-stdin'], Readable.from(['corta\n']))).err, /at least 12 characters/);
    assert.match((await run(['add-user', 'ANA.ASESORA', '--role', 'agent', '--password-stdin'], Readable.from(['una clave larga y segura\n']))).err, /already exists/);
    assert.equal(process.exitCode, 1);
    await assert.rejects(run(['add-user', 'pedro', '--role', 'admin', '--password-stdin']), /role must be one of agent, supervisor, analyst/);
    assert.match((await run(['add-user', 'pedro', '--role', 'agent'], Object.assign(Readable.from([]), { isTTY: false }))).err, /--password-stdin/);
    assert.deepEqual(
      users().map((user) => user.name),
      ['ana.asesora', 'sergio.supervisor'],
    );
  });

  it('lists, disables, enables and changes passwords', async () => {
    assert.match((await run(['list-users'])).out, /^ana\.asesora\tagent\tactive\t.*\nsergio\.supervisor\tsupervisor\tactive\t/);
    assert.equal((await run(['disable-user', 'ana.asesora'])).out, 'ana.asesora disabled.\n');
    assert.match((await run(['list-users'])).out, /ana\.asesora\tagent\tdisabled/);
    assert.equal((await run(['enable-user', 'ana.asesora'])).out, 'ana.asesora enabled.\n');
    const changed = await run(['set-password', 'ana.asesora', '--password-stdin'], Readable.from(['nueva clave muy larga']));
    assert.match(changed.out, /Password of ana\.asesora changed/);
    const db = openDatabase(dbPath);
    const hash = createSupportUserStore(db).findByName('ana.asesora')?.passwordHash;
    db.close();
    assert.equal(await verifyPassword('nueva clave muy larga', hash), true);
    assert.match((await run(['disable-user', 'nadie'])).err, /no user named nadie/);
  });
});
