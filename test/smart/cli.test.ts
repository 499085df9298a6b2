/**
 * `vessel connect` as a user runs it: the real command prints the authorize URL and listens on
 * a loopback port; "the browser" (fetch) authorizes at oauth2-mock-server and follows the
 * redirect to that port; the command finishes, syncs and prints the connection. Then
 * `vessel connections --json` shows it, without tokens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { tempDir } from '../helpers/vessels.js';
import { startPeers } from './peers.js';

/** Runs the CLI without blocking this process: the FHIR server it talks to lives here. */
function vessel(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/vessel.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

test('vessel connect (loopback redirect), vessel connections, vessel sync', async () => {
  const peers = await startPeers();
  const dataDir = tempDir();
  const env = { ...process.env, VESSEL_DATA: dataDir, VESSEL_KEY: randomBytes(32).toString('base64'), VESSEL_DATABASE_URL: '' };
  try {
    const child = spawn(process.execPath, ['bin/vessel.js', 'connect', peers.fhir.base, '--client-id', 'cli-test', '--timeout', '60'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)$/m.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`vessel connect exited ${code}: ${out}${err}`)));
    });
    const auth = await fetch(url, { redirect: 'manual' });
    const callback = auth.headers.get('location')!;
    assert.match(callback, /^http:\/\/127\.0\.0\.1:\d+\/callback\?code=/);
    const page = await fetch(callback);
    assert.match(await page.text(), /You can close this tab/);
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    assert.equal(code, 0, out + err);
    assert.match(out, /connected: [0-9a-f-]{36} \(http:\/\/127\.0\.0\.1:\d+\/fhir, patient p1\)/);
    assert.match(out, /last sync: \S+: 13 resources in 9 pages, 1 attachments/);

    const list = await vessel(['connections', '--json'], env);
    const c = JSON.parse(list.stdout.trim().split('\n')[0]) as Record<string, any>;
    assert.equal(c.status, 'connected');
    assert.equal(c.clientId, 'cli-test');
    assert.ok(!/access|refresh|token/i.test(Object.keys(c).join(' ')));

    const sync = await vessel(['sync'], env);
    assert.equal(sync.status, 0, sync.stdout + sync.stderr);
    assert.match(sync.stdout, /connected[\s\S]*last sync: \S+: 0 resources in 0 pages/);
    assert.match(sync.stdout, /next sync: \d{4}-\d\d-\d\dT/, 'when it syncs again on its own');

    const gone = await vessel(['disconnect', c.id as string], env);
    assert.equal(gone.status, 0, gone.stdout + gone.stderr);
    assert.match(gone.stdout, /deleted its access tokens.*The 10 documents already imported from it stay in your record/);
    assert.match((await vessel(['connections'], env)).stdout, /no connections yet/);
    const status = JSON.parse((await vessel(['status', '--json'], env)).stdout) as { documents: Record<string, number> };
    assert.equal(status.documents.done, 10, 'what it imported is still there');
  } finally {
    await peers.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
