/**
 * `vessel connect`, `vessel sync`, `vessel connections`. Connect listens on a loopback port for
 * the authorization redirect (RFC 8252 §7.3), or takes `--code/--state` pasted by the user.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import type { Vessel } from '../app/vessel.js';
import { SmartService } from './service.js';
import type { PublicConnection } from './repo.js';

type WithVessel = <T>(fn: (v: Vessel) => Promise<T>) => Promise<T>;

const service = (v: Vessel) => new SmartService({ store: v.store, key: v.keyring, queue: v.queue });

function describe(c: PublicConnection): string {
  const counts = c.lastCounts ? `${c.lastCounts.resources} resources in ${c.lastCounts.pages} pages, ${c.lastCounts.attachments} attachments` : 'not synced yet';
  const progress = c.status === 'syncing' && c.progress ? ` (at ${c.progress.step}, ${c.progress.stepIndex + 1}/${c.progress.steps}, ${c.progress.resources} resources so far)` : '';
  return [
    `${c.id}  ${c.status}${progress}`,
    `  server:    ${c.server}`,
    `  patient:   ${c.patient ?? '?'}${c.fhirUser ? `  (signed in as ${c.fhirUser})` : ''}`,
    `  last sync: ${c.lastSyncAt ?? 'never'}: ${counts}`,
    `  next sync: ${c.nextSyncAt ?? (c.status === 'needs-reauthorization' ? 'after you sign in again (vessel connect)' : 'only when asked (scheduled syncs are off)')}`,
    ...(c.error ? [`  error:     ${c.error}`] : []),
  ].join('\n');
}

/** Waits for one GET /callback on 127.0.0.1; answers the browser with a short page. */
function loopbackListener(port: number): Promise<{ redirectUri: string; result: Promise<URLSearchParams>; close: () => void }> {
  return new Promise((resolve, reject) => {
    let deliver!: (q: URLSearchParams) => void;
    const result = new Promise<URLSearchParams>((r) => (deliver = r));
    const server = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (u.pathname !== '/callback') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Vessel received the authorization. You can close this tab and return to the terminal.\n');
      deliver(u.searchParams);
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address() as AddressInfo;
      resolve({ redirectUri: `http://127.0.0.1:${p}/callback`, result, close: () => server.close() });
    });
  });
}

async function syncAndReport(v: Vessel, ids: string[]): Promise<void> {
  const svc = service(v);
  for (const id of ids) await svc.requestSync(id);
  const ticker = setInterval(async () => {
    for (const c of await svc.list()) if (ids.includes(c.id) && c.status === 'syncing' && c.progress) process.stderr.write(`\rsyncing ${c.server}: ${c.progress.step} (${c.progress.stepIndex + 1}/${c.progress.steps}), ${c.progress.resources} resources   `);
  }, 500);
  try {
    await v.runJobsUntilIdle();
  } finally {
    clearInterval(ticker);
    process.stderr.write('\n');
  }
  let failed = false;
  for (const id of ids) {
    const c = (await svc.get(id))!;
    console.log(describe(c));
    if (c.status !== 'connected') failed = true;
  }
  if (failed) process.exitCode = 1;
}

export function registerSmartCommands(program: Command, withVessel: WithVessel): void {
  program
    .command('connect')
    .description('Connect to a patient portal\'s FHIR API (SMART on FHIR): authorize in the browser, then sync.')
    .argument('[fhir-base-url]', 'the FHIR base URL of the portal')
    .option('--client-id <id>', 'the client id registered with that server', 'vessel')
    .option('--port <port>', 'loopback port for the redirect (default: any free port)', (x) => Number(x), 0)
    .option('--redirect-uri <uri>', 'a redirect URI registered elsewhere: print the address and exit; finish with --code/--state')
    .option('--code <code>', 'finish an authorization with the code from the redirect')
    .option('--state <state>', 'the state from the same redirect')
    .option('--timeout <seconds>', 'how long to wait for the browser', (x) => Number(x), 600)
    .option('--no-sync', 'do not sync right after connecting')
    .action(async (base: string | undefined, opts: { clientId: string; port: number; redirectUri?: string; code?: string; state?: string; timeout: number; sync: boolean }) => {
      await withVessel(async (v) => {
        const svc = service(v);
        let conn: PublicConnection;
        if (opts.code || opts.state) {
          conn = await svc.complete({ code: opts.code, state: opts.state }, { sync: false });
        } else {
          if (!base) throw new Error('give the FHIR base URL, or --code and --state to finish an authorization');
          if (opts.redirectUri) {
            const r = await svc.begin({ fhirBaseUrl: base, clientId: opts.clientId, redirectUri: opts.redirectUri });
            console.log(`Open this address in a browser to authorize Vessel:\n${r.authorizeUrl}\nThen run: vessel connect --code <code> --state ${r.state}`);
            return;
          }
          const listener = await loopbackListener(opts.port);
          try {
            const r = await svc.begin({ fhirBaseUrl: base, clientId: opts.clientId, redirectUri: listener.redirectUri });
            console.log(`Open this address in a browser to authorize Vessel:\n${r.authorizeUrl}`);
            console.error(`waiting for the redirect on ${listener.redirectUri} …`);
            let timer: NodeJS.Timeout | undefined;
            const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no authorization arrived within ${opts.timeout} s`)), opts.timeout * 1000)));
            const q = await Promise.race([listener.result, timeout]).finally(() => clearTimeout(timer));
            conn = await svc.complete(Object.fromEntries(q), { sync: false });
          } finally {
            listener.close();
          }
        }
        console.log(`connected: ${conn.id} (${conn.server}, patient ${conn.patient ?? '?'})`);
        if (opts.sync) await syncAndReport(v, [conn.id]);
      });
    });

  program
    .command('sync')
    .description('Pull what changed from connected FHIR servers (all, or one).')
    .option('--connection <id>', 'only this connection')
    .action(async (opts: { connection?: string }) => {
      await withVessel(async (v) => {
        const all = await service(v).list();
        const ids = opts.connection ? [opts.connection] : all.filter((c) => c.status !== 'needs-reauthorization').map((c) => c.id);
        if (!ids.length) {
          console.log(all.length ? 'every connection needs re-authorization: run vessel connect again' : 'no connections yet: vessel connect <fhir-base-url>');
          return;
        }
        await syncAndReport(v, ids);
      });
    });

  program
    .command('connections')
    .description('List SMART on FHIR connections with their status.')
    .option('--json', 'one JSON object per connection')
    .action(async (opts: { json?: boolean }) => {
      await withVessel(async (v) => {
        const list = await service(v).list();
        if (opts.json) for (const c of list) console.log(JSON.stringify(c));
        else console.log(list.length ? list.map(describe).join('\n\n') : 'no connections yet: vessel connect <fhir-base-url>');
      });
    });

  program
    .command('disconnect')
    .description('Remove a SMART on FHIR connection: its access tokens are deleted; what it imported stays in the record.')
    .argument('<connection-id>', 'the id shown by vessel connections')
    .action(async (id: string) => {
      await withVessel(async (v) => {
        const r = await service(v).remove(id);
        await v.store.audit.record({ actor: 'local', action: 'connection.remove', target: r.id, detail: { server: r.server, documentsKept: r.documentsKept } });
        console.log(r.message);
      });
    });
}
