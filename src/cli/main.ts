/**
 * The `vessel` command line. Each command opens Vessel from the environment (VESSEL_DATA,
 * VESSEL_DATABASE_URL, VESSEL_KEY), does one job and closes it.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { openVessel, type Vessel } from '../app/vessel.js';
import { Progress } from './progress.js';
import type { ImportEvent } from '../ingest/importer.js';
import type { DocumentState } from '../core/types.js';
import { registerSmartCommands } from '../smart/cli.js';
import { importScope, registerAuthCommands } from '../auth/cli.js';

const program = new Command();
program.name('vessel').description('Vessel: all of a person\'s health records, from every channel, in one place.').showHelpAfterError();

/** The first start after upgrading encrypts the existing database (src/store/sqlite-encryption.ts): say so. */
function noteDatabaseEncryption(v: Vessel): void {
  if (v.store.sqliteKey === 'encrypted-plaintext') console.error('the database is now encrypted (with a key derived from the vault key); nothing else changed');
  if (v.store.sqliteKey === 'reencrypted-aegis') console.error('the database is now encrypted with AEGIS-256 instead of SQLCipher 4 (faster writes); nothing else changed');
}

async function withVessel<T>(fn: (v: Vessel) => Promise<T>): Promise<T> {
  const v = await openVessel();
  noteDatabaseEncryption(v);
  try {
    return await fn(v);
  } finally {
    await v.close();
  }
}

const STATUS_MARK: Record<string, string> = { stored: '+', duplicate: '=', failed: '!', skipped: '-' };

program
  .command('import')
  .description('Import files, folders and zips: each file is stored in the vault, then read.')
  .argument('<paths...>', 'files or folders')
  .option('--no-wait', 'return after storing; let a running server or worker read the files')
  .option('--json', 'print one JSON object per file and a summary')
  .option('--user <name>', 'the account whose records these are (needed when there are several)')
  .action(async (paths: string[], opts: { wait: boolean; json?: boolean; user?: string }) => {
    await withVessel(async (v) => {
      const scope = await importScope(v.store, opts.user);
      const progress = new Progress(process.stderr, opts.json ? false : undefined);
      let n = 0;
      const events = await v.importer.importPaths(paths, {
        channel: 'cli',
        scope,
        onEvent: (e: ImportEvent) => {
          n++;
          if (opts.json) return;
          progress.line(`${STATUS_MARK[e.status]} ${e.status.padEnd(9)} ${e.format ?? ''} ${e.path}${e.message ? `  (${e.message})` : ''}`);
          progress.bar('importing', n, undefined, path.basename(e.path));
        },
      });
      progress.done();
      if (opts.wait) {
        const ids = new Set(events.map((e) => e.documentId).filter(Boolean) as string[]);
        const ticker = setInterval(async () => {
          const c = await v.queue.counts();
          progress.bar('reading', ids.size - c.queued - c.running, ids.size, `${c.running} running`);
        }, 200);
        try {
          await v.runJobsUntilIdle();
        } finally {
          clearInterval(ticker);
          progress.done();
        }
      }
      const finals = [];
      for (const e of events) {
        const d = e.documentId ? await v.store.documents.get(e.documentId) : undefined;
        finals.push({ ...e, state: d?.state, error: d?.error, resources: (d?.label as { resources?: number } | undefined)?.resources });
      }
      const byState: Record<string, number> = {};
      for (const f of finals) byState[f.state ?? f.status] = (byState[f.state ?? f.status] ?? 0) + 1;
      if (opts.json) {
        for (const f of finals) console.log(JSON.stringify(f));
        console.log(JSON.stringify({ files: finals.length, byState }));
      } else {
        if (opts.wait) for (const f of finals.filter((x) => x.state === 'failed' || x.state === 'unsupported')) console.log(`${f.state}: ${f.path}: ${f.error}`);
        console.log(`${finals.length} files: ${Object.entries(byState).map(([k, c]) => `${c} ${k}`).join(', ')}`);
      }
    });
  });

program
  .command('serve')
  .description('Serve the web app and API (and read imported files in the background).')
  .option('--port <port>', 'port', (x) => Number(x))
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--no-worker', 'do not process jobs in this process (use `vessel worker`)')
  .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (also VESSEL_TLS_CERT)')
  .option('--tls-key <file>', 'and this PEM private key (also VESSEL_TLS_KEY)')
  .action(async (opts: { port?: number; host?: string; worker: boolean; tlsCert?: string; tlsKey?: string }) => {
    const certFile = opts.tlsCert ?? process.env.VESSEL_TLS_CERT;
    const keyFile = opts.tlsKey ?? process.env.VESSEL_TLS_KEY;
    if (!!certFile !== !!keyFile) throw new Error('give both --tls-cert and --tls-key');
    const { readFileSync } = await import('node:fs');
    const https = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined;
    const v = await openVessel({ port: opts.port, host: opts.host });
    noteDatabaseEncryption(v);
    const { buildServer } = await import('../server/app.js');
    const app = await buildServer(v, { logger: false, https });
    const host = v.config.host;
    if (!https && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
      console.error('');
      console.error(`WARNING: WARNING: listening on ${host} WITHOUT TLS. Health records would cross the network unencrypted.`);
      console.error('         Use --tls-cert/--tls-key, put a TLS proxy in front, or listen on 127.0.0.1.');
      console.error('');
    }
    const stop = new AbortController();
    const worker = opts.worker ? v.runWorker(stop.signal) : Promise.resolve();
    await app.listen({ port: v.config.port, host });
    console.log(`Vessel is running at ${https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${v.config.port} (data: ${v.config.dataDir}, store: ${v.store.dialect}${v.store.dialect === 'sqlite' ? ', encrypted' : ''})`);
    // Browsers bind passkeys to a host name and refuse them at an IP address.
    if (!v.config.origin && ['127.0.0.1', '::1'].includes(host)) console.log(`for passkeys, open it as ${https ? 'https' : 'http'}://localhost:${v.config.port}`);
    const shutdown = async () => {
      stop.abort();
      await app.close();
      await worker;
      await v.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('worker')
  .description('Process queued jobs until stopped (scale-out: run several against PostgreSQL).')
  .option('--concurrency <n>', 'jobs at once', (x) => Number(x))
  .action(async (opts: { concurrency?: number }) => {
    const v = await openVessel();
    noteDatabaseEncryption(v);
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
    console.log(`worker ${v.queue.workerId} taking jobs from ${v.store.dialect}`);
    await v.runWorker(stop.signal, { concurrency: opts.concurrency });
    await v.close();
  });

program
  .command('status')
  .description('Documents by state and jobs waiting.')
  .option('--json', 'machine-readable')
  .action(async (opts: { json?: boolean }) => {
    await withVessel(async (v) => {
      const s = { documents: await v.store.documents.countByState(), jobs: await v.queue.counts(), store: v.store.dialect, data: v.config.dataDir };
      if (opts.json) return console.log(JSON.stringify(s));
      console.log(`store: ${s.store} (${s.data})`);
      console.log(`documents: ${Object.entries(s.documents).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`);
      console.log(`jobs: ${s.jobs.queued} waiting, ${s.jobs.running} running, ${s.jobs.failed} failed, ${s.jobs.done} done`);
    });
  });

program
  .command('people')
  .description('The people of the household, with their ids and counts.')
  .option('--json', 'machine-readable')
  .action(async (opts: { json?: boolean }) => {
    await withVessel(async (v) => {
      const counts = await v.store.people.counts();
      const people = (await v.store.people.list()).map((p) => ({ id: p.id, name: p.displayName, birthDate: p.birthDate, gender: p.gender, ...(counts.get(p.id) ?? { documents: 0, resources: 0 }) }));
      if (opts.json) return console.log(JSON.stringify(people));
      if (!people.length) return console.log('no people yet: import a record first');
      for (const p of people) console.log(`${p.id}  ${p.name}${p.birthDate ? `  born ${p.birthDate}` : ''}  ${p.documents} documents, ${p.resources} resources`);
    });
  });

program
  .command('export')
  .description('Write every original and the record as FHIR NDJSON (one file per resource type).')
  .argument('<dir>', 'output folder')
  .option('--person <id>', 'only this person')
  .action(async (dir: string, opts: { person?: string }) => {
    await withVessel(async (v) => {
      if (opts.person && !(await v.store.people.get(opts.person))) {
        console.error(`no person with id ${opts.person} (see: vessel people)`);
        process.exitCode = 2;
        return;
      }
      const { exportRecord } = await import('./export.js');
      const s = await exportRecord(v, path.resolve(dir), opts.person);
      console.log(`exported ${s.originals} originals and ${Object.values(s.resources).reduce((a, b) => a + b, 0)} resources to ${s.dir}`);
    });
  });

program
  .command('backup')
  .description('Write a consistent, encrypted backup (records and every original) while Vessel runs.')
  .argument('<file>', 'backup file to write')
  .action(async (file: string) => {
    await withVessel(async (v) => {
      const { backup } = await import('../backup/backup.js');
      const s = await backup(v, path.resolve(file));
      console.log(`backup written to ${file}: ${s.originals} originals, ${Object.entries(s.tables).map(([t, n]) => `${n} ${t}`).join(', ')} (${s.bytes} bytes)`);
      console.log('It is encrypted with your vault key: keep the key (VESSEL_KEY or the key file) safe and apart from the backup.');
    });
  });

program
  .command('restore')
  .description('Restore a backup into an empty Vessel (a new data folder or database), with the same key.')
  .argument('<file>', 'backup file')
  .action(async (file: string) => {
    await withVessel(async (v) => {
      const { restore } = await import('../backup/backup.js');
      const s = await restore(v, path.resolve(file));
      console.log(`restored ${s.originals} originals and ${Object.entries(s.tables).map(([t, n]) => `${n} ${t}`).join(', ')}`);
    });
  });

program
  .command('reprocess')
  .description('Read stored documents again (after an upgrade that reads more formats).')
  .argument('[ids...]', 'document ids (default: every unsupported and failed document)')
  .addOption(new Option('--state <state>', 'documents in this state').choices(['unsupported', 'failed', 'done']))
  .option('--no-wait', 'only queue them')
  .action(async (ids: string[], opts: { state?: DocumentState; wait: boolean }) => {
    await withVessel(async (v) => {
      let docs = ids.length
        ? ((await Promise.all(ids.map((id) => v.store.documents.get(id)))).filter(Boolean) as NonNullable<Awaited<ReturnType<typeof v.store.documents.get>>>[])
        : [...(await v.store.documents.list({ state: opts.state ?? 'unsupported', limit: 1e6 })), ...(opts.state ? [] : await v.store.documents.list({ state: 'failed', limit: 1e6 }))];
      docs = docs.filter((d) => d.format !== 'zip');
      for (const d of docs) {
        await v.store.documents.setState(d.id, 'queued', { error: null });
        await v.queue.enqueue('ingest', { documentId: d.id }, { dedupeKey: `ingest:${d.id}` });
      }
      if (opts.wait) await v.runJobsUntilIdle();
      const states: Record<string, number> = {};
      for (const d of docs) {
        const s = (await v.store.documents.get(d.id))?.state ?? 'gone';
        states[s] = (states[s] ?? 0) + 1;
      }
      console.log(`${docs.length} documents re-processed: ${Object.entries(states).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`);
    });
  });

program
  .command('eval')
  .description('Score extraction against ground truth (suites: all, ccda, fhir, fax, dicom, …; see docs/ARCHITECTURE.md).')
  .argument('<suite>', 'suite name, or "all"')
  .requiredOption('--corpus <dir>', 'corpus root laid out <category>/<source>/…')
  .option('--json', 'last line is one JSON object per suite')
  .option('--limit <n>', 'only the first n inputs', (x) => Number(x))
  .action(async (name: string, opts: { corpus: string; json?: boolean; limit?: number }) => {
    // Suites load every extractor (OCR, PDF, DICOM codecs): only when asked for.
    const { evalSuite, evalSuiteNames } = await import('../eval/suites.js');
    const names = name === 'all' ? evalSuiteNames() : [name];
    for (const n of names) {
      const suite = await evalSuite(n);
      if (!suite) {
        console.error(`unknown eval suite "${n}"; known: ${evalSuiteNames().join(', ') || 'none yet'}`);
        process.exitCode = 2;
        return;
      }
      const report = await suite.run(path.resolve(opts.corpus), { verbose: !opts.json, limit: opts.limit });
      const { table, ...json } = report;
      if (opts.json) {
        console.log(JSON.stringify(json));
      } else {
        console.log(`\n== eval ${n}: ${json.documents} documents, ${json.failed} failed, ${json.crashes} crashes`);
        if (table) console.log(table);
        console.log(JSON.stringify(json.metrics, null, 2));
      }
    }
  });

program
  .command('rotate-key')
  .description('Seal the database, every original and stored secret with a new key (stop the server and workers first; safe to re-run if interrupted).')
  .action(async () => {
    const { configFromEnv } = await import('../core/config.js');
    const { beginRotation, resealAll, finishRotation } = await import('../vault/rotate.js');
    const config = configFromEnv();
    const plan = beginRotation(config.dataDir, config.key);
    if (plan.resuming) console.error('continuing an interrupted key rotation');
    const v = await openVessel({ key: plan.source === 'env' ? config.key : undefined });
    try {
      const progress = new Progress(process.stderr);
      const report = await resealAll(v, (n) => progress.bar('re-sealing', n, undefined));
      progress.done();
      finishRotation(config.dataDir, plan);
      await v.store.audit.record({ actor: 'local', action: 'key.rotate', detail: { ...report } });
      const database = { rekeyed: 'database re-encrypted', already: 'database under the new key', postgres: 'PostgreSQL database not encrypted by Vessel' }[report.database];
      console.log(`key rotated: ${database}, ${report.resealed} of ${report.objects} originals re-sealed, ${report.tokens} connection tokens, ${report.shares} share keys${report.pendingDropped ? `, ${report.pendingDropped} unfinished connection attempts dropped` : ''}`);
      if (plan.source === 'env') console.log('now set VESSEL_KEY to the new key alone (the first one you listed)');
      console.log('backups made before today open with the old key: keep it with them');
    } finally {
      await v.close();
    }
  });

// --- accounts and the audit trail: user add|passwd|role|list, audit (src/auth/cli.ts) ---
registerAuthCommands(program, withVessel);

// --- SMART on FHIR: connect, sync, connections (src/smart/cli.ts) ---
registerSmartCommands(program, withVessel);

// --- help with the doctor and sharing: answers, form, ips, share (src/doctor/cli.ts) ---
(await import('../doctor/cli.js')).registerDoctorCommands(program, withVessel);

program.parseAsync(process.argv).catch((err) => {
  console.error(`vessel: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
