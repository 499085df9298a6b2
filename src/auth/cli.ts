/**
 * `vessel user add|passwd|role|list` and `vessel audit <person>`: accounts for a self-hosted
 * install (password resets happen here, by whoever runs the machine). Passwords are read from
 * the terminal without echo, or from the first line of standard input when it is a pipe.
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import type { Vessel } from '../app/vessel.js';
import { ROLES, type Role } from '../store/accounts.js';
import type { Store } from '../store/store.js';
import { PasskeysRepo } from '../store/passkeys.js';
import { AuthError, changePassword, createAccount, normalizeUsername, setRole } from './accounts.js';

type WithVessel = <T>(fn: (v: Vessel) => Promise<T>) => Promise<T>;

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      // Mute the echo of typed characters after the prompt.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(q)) process.stderr.write(q);
      };
      rl.question(q, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  const again = await ask('again: ');
  if (first !== again) throw new AuthError('bad_request', 'the two passwords differ');
  return first;
}

/**
 * The account a command-line import belongs to: the one named, else the only account there
 * is; with several accounts the user must say which. No accounts yet: the operator's ('').
 */
export async function importScope(store: Store, username?: string): Promise<string> {
  if (username) {
    const a = await store.accounts.byUsername(normalizeUsername(username));
    if (!a) throw new AuthError('not_found', `no account named ${username} (see vessel user list)`);
    return a.id;
  }
  const accounts = await store.accounts.list();
  if (accounts.length === 0) return '';
  if (accounts.length === 1) return accounts[0].id;
  throw new AuthError('bad_request', `say whose records these are: --user <name> (one of ${accounts.map((a) => a.username).join(', ')})`);
}

export function registerAuthCommands(program: Command, withVessel: WithVessel): void {
  const user = program.command('user').description('Accounts that can sign in, and their access to people\'s records.');

  user
    .command('add')
    .description('Create an account (the first one also owns everything imported so far).')
    .argument('<username>')
    .action(async (username: string) => {
      const password = await readPassword(`password for ${username}: `);
      await withVessel(async (v) => {
        const a = await createAccount(v.store, username, password);
        await v.store.audit.record({ actor: 'local', accountId: a.id, action: 'account.create' });
        console.log(`account ${a.username} created`);
      });
    });

  // A new password keeps the account's passkeys: a forgotten password is the usual reason for
  // a reset and says nothing about the passkeys, which live on the user's own devices. A lost
  // or stolen device is the other reason: --remove-passkeys then takes them all away.
  user
    .command('passwd')
    .description('Set a new password (ends the account\'s sessions and lifts a lockout; passkeys stay unless --remove-passkeys).')
    .argument('<username>')
    .option('--remove-passkeys', 'also remove every passkey of the account (a lost or stolen device)')
    .action(async (username: string, opts: { removePasskeys?: boolean }) => {
      const password = await readPassword(`new password for ${username}: `);
      await withVessel(async (v) => {
        const a = await changePassword(v.store, username, password);
        await v.store.audit.record({ actor: 'local', accountId: a.id, action: 'account.password' });
        let removed = 0;
        if (opts.removePasskeys) {
          const repo = new PasskeysRepo(v.store.db);
          for (const p of await repo.ofAccount(a.id)) {
            await repo.remove(a.id, p.id);
            await v.store.audit.record({ actor: 'local', accountId: a.id, action: 'passkey.remove', target: p.name, detail: { passkey: p.id } });
            removed++;
          }
        }
        const keys = (await new PasskeysRepo(v.store.db).ofAccount(a.id)).length;
        console.log(`password of ${a.username} changed; its sessions were ended${opts.removePasskeys ? `; ${removed} passkey${removed === 1 ? '' : 's'} removed` : keys ? `; its ${keys} passkey${keys === 1 ? '' : 's'} still work${keys === 1 ? 's' : ''} (--remove-passkeys to remove them)` : ''}`);
      });
    });

  user
    .command('role')
    .description(`Give an account a role on a person's record (${ROLES.join(', ')}), or take it away with "none".`)
    .argument('<username>')
    .argument('<person-id>')
    .argument('<role>')
    .action(async (username: string, personId: string, role: string) => {
      if (role !== 'none' && !ROLES.includes(role as Role)) throw new AuthError('bad_request', `role is one of ${ROLES.join(', ')} or none`);
      await withVessel(async (v) => {
        if (!(await v.store.people.get(personId))) throw new AuthError('not_found', `no person ${personId} (see vessel people)`);
        await setRole(v.store, 'local', personId, username, role === 'none' ? null : (role as Role));
        console.log(role === 'none' ? `${username} no longer has access to ${personId}` : `${username} is now ${role} of ${personId}`);
      });
    });

  user
    .command('list')
    .description('Accounts and the records each can reach.')
    .option('--json', 'machine-readable')
    .action(async (opts: { json?: boolean }) => {
      await withVessel(async (v) => {
        const out = [];
        const passkeys = await new PasskeysRepo(v.store.db).countByAccount();
        for (const a of await v.store.accounts.list()) out.push({ username: a.username, locked: !!a.lockedUntil && a.lockedUntil > new Date().toISOString(), passkeys: passkeys.get(a.id) ?? 0, roles: Object.fromEntries(await v.store.accounts.rolesOf(a.id)) });
        if (opts.json) console.log(JSON.stringify(out));
        else for (const a of out) console.log(`${a.username}${a.locked ? ' (locked)' : ''}${a.passkeys ? ` [${a.passkeys} passkey${a.passkeys === 1 ? '' : 's'}]` : ''}: ${Object.entries(a.roles).map(([p, r]) => `${r} of ${p}`).join(', ') || 'no records'}`);
      });
    });

  program
    .command('audit')
    .description('Who looked at or did what with a person\'s record, newest first.')
    .argument('<person-id>')
    .option('--limit <n>', 'how many events', (x) => Number(x), 100)
    .option('--json', 'machine-readable')
    .action(async (personId: string, opts: { limit: number; json?: boolean }) => {
      await withVessel(async (v) => {
        const events = await v.store.audit.list(personId, opts.limit);
        if (opts.json) console.log(JSON.stringify(events));
        else for (const e of events) console.log(`${e.at}  ${e.actor.padEnd(16)} ${e.action.padEnd(22)} ${e.target ?? ''}${e.ip ? `  from ${e.ip}` : ''}`);
      });
    });
}
