/**
 * `lina support ...`: the console's staff accounts, from the command line only (there is
 * no sign-up page). Passwords are read without echo from a terminal, or from standard
 * input with `--password-stdin` for scripts; they never appear in arguments or history.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Readable, Writable } from 'node:stream';

import { SUPPORT_ROLES, SupportUserExistsError, isSupportRole, type SupportRole, type SupportUserStore } from '../../bot/ports/support/users.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword } from './passwords.js';

/** Where the commands read and write; the process's own streams unless a test says otherwise. */
export interface SupportCliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
}

/** The staff accounts for one command, and how to let them go when it is done. */
export interface OpenedUserStore {
  users: SupportUserStore;
  close(): void;
}

const NAME_PATTERN = /^[\p{L}\p{N}._-]{3,64}$/u;

function parseName(value: string): string {
  const name = value.trim();
  if (!NAME_PATTERN.test(name)) throw new InvalidArgumentError('3 to 64 letters, digits, dots, dashes or underscores');
  return name;
}

function parseRole(value: string): SupportRole {
  if (!isSupportRole(value)) throw new InvalidArgumentError(`role must be one of ${SUPPORT_ROLES.join(', ')}`);
  return value;
}

class CliError extends Error {
  override readonly name = 'CliError';
}

/** Everything standard input holds, without its final line break. */
async function readAll(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** One line typed at the terminal with echo off. Ctrl-C or Ctrl-D abandons. */
function readHidden(io: SupportCliIo, prompt: string): Promise<string> {
  const { stdin, stdout } = io;
  return new Promise((resolve, reject) => {
    stdout.write(prompt);
    let typed = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    const finish = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of String(chunk)) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003' || character === '\u0004') return finish(new CliError('cancelled'));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else if (character >= ' ') typed += character;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new password: from stdin with `--password-stdin`, else asked twice at the terminal. */
async function readNewPassword(io: SupportCliIo, fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = await readAll(io.stdin);
  } else if (io.stdin.isTTY) {
    password = await readHidden(io, 'Password: ');
    const again = await readHidden(io, 'Repeat the password: ');
    if (again !== password) throw new CliError('the passwords do not match');
  } else {
    throw new CliError('no terminal to ask the password on: pipe it in with --password-stdin');
  }
  if (password.length < MIN_PASSWORD_LENGTH) throw new CliError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new CliError(`the password may have at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}

/**
 * Adds `support add-user | list-users | set-password | disable-user | enable-user` to the
 * `lina` program. `openUsers` opens the accounts (the composition root opens Lina's database
 * for them); they are closed after each command.
 *
 * @example
 * npm run support -- add-user ana.gomez --role agent
 * printf '%s\n' "$PASSWORD" | npm run support -- add-user ana.gomez --role agent --password-stdin
 */
export function registerSupportCommands(
  program: Command,
  openUsers: () => OpenedUserStore,
  io: SupportCliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Command {
  const support = program.command('support').description('support console accounts (agents, supervisors, analysts)');

  const withUsers = async (work: (users: SupportUserStore) => void | Promise<void>) => {
    const opened = openUsers();
    try {
      await work(opened.users);
    } catch (error) {
      if (error instanceof CliError || error instanceof SupportUserExistsError) {
        io.stderr.write(`lina support: ${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    } finally {
      opened.close();
    }
  };

  support
    .command('add-user')
    .description('create a console account; asks the password without echo')
    .argument('<name>', 'sign-in name', parseName)
    .addOption(new Option('--role <role>', 'agent, supervisor or analyst').argParser(parseRole).makeOptionMandatory())
    .option('--password-stdin', 'read the password from standard input (scripts)')
    .action(async (name: string, flags: { role: SupportRole; passwordStdin?: boolean }) =>
      withUsers(async (users) => {
        if (users.findByName(name)) throw new CliError(`a user named ${name} already exists`);
        const passwordHash = await hashPassword(await readNewPassword(io, flags.passwordStdin === true));
        const user = users.create({ name, role: flags.role, passwordHash, now: Date.now() });
        io.stdout.write(`Created ${user.name} (${user.role}).\n`);
      }),
    );

  support
    .command('list-users')
    .description('list console accounts')
    .action(async () =>
      withUsers((users) => {
        const all = users.list();
        if (all.length === 0) io.stdout.write('No support users yet. Add one with: support add-user <name> --role agent\n');
        for (const user of all) {
          io.stdout.write(`${user.name}\t${user.role}\t${user.disabled ? 'disabled' : 'active'}\t${new Date(user.createdAt).toISOString()}\n`);
        }
      }),
    );

  support
    .command('set-password')
    .description("change a user's password (signs the user out everywhere)")
    .argument('<name>', 'sign-in name', parseName)
    .option('--password-stdin', 'read the password from standard input (scripts)')
    .action(async (name: string, flags: { passwordStdin?: boolean }) =>
      withUsers(async (users) => {
        if (!users.findByName(name)) throw new CliError(`no user named ${name}`);
        const passwordHash = await hashPassword(await readNewPassword(io, flags.passwordStdin === true));
        users.setPassword({ name, passwordHash, now: Date.now() });
        io.stdout.write(`Password of ${name} changed; their sessions were closed.\n`);
      }),
    );

  for (const [command, disabled] of [
    ['disable-user', true],
    ['enable-user', false],
  ] as const) {
    support
      .command(command)
      .description(disabled ? 'block an account and close its sessions' : 'allow a blocked account again')
      .argument('<name>', 'sign-in name', parseName)
      .action(async (name: string) =>
        withUsers((users) => {
          if (!users.setDisabled({ name, disabled, now: Date.now() })) throw new CliError(`no user named ${name}`);
          io.stdout.write(`${name} ${disabled ? 'disabled' : 'enabled'}.\n`);
        }),
      );
  }

  return support;
}
