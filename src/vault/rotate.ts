/**
 * `vessel rotate-key`: seal everything again with a new key, safely if killed at any point.
 * 1. The new key is written to the key file beside the old one (new first) — from here on
 *    every process opens objects sealed with either (the vault header names the key).
 * 2. The embedded database is re-encrypted under the new key when Vessel opens it with the
 *    keyring (src/store/sqlite-encryption.ts: encrypted copy, fsync, rename — the old file or
 *    the new one, each openable with a key in the ring). Each vault object is re-encrypted to
 *    a temp file and renamed over the old one; each secret in the database (SMART tokens,
 *    share keys) is re-sealed row by row.
 * 3. Only when everything is under the new key (the database opened with it) does the key
 *    file drop the old one.
 * Killed anywhere, the key file still holds both keys and a new run carries on where the
 * last one stopped. Run it with the server and workers stopped: a process still holding
 * only the old key would write objects the new key cannot open.
 */
import { randomBytes } from 'node:crypto';
import type { Vessel } from '../app/vessel.js';
import { ConnectionsRepo } from '../smart/repo.js';
import { loadKeyring, writeKeyring } from './key.js';

export interface RotationPlan {
  /** Keyring to open Vessel with (new key first). */
  keyring: Buffer[];
  /** Whether this run continues an interrupted rotation. */
  resuming: boolean;
  /** Where the keyring lives: the key file, or VESSEL_KEY (which the user edits). */
  source: 'file' | 'env';
}

/** Step 1: puts the new key first in the key file (or checks VESSEL_KEY lists new,old). */
export function beginRotation(dataDir: string, envKey?: string): RotationPlan {
  if (envKey) {
    const ring = loadKeyring(dataDir, envKey);
    if (ring.length < 2) throw new Error('the key comes from VESSEL_KEY: set VESSEL_KEY=<new key>,<old key> and run rotate-key again (make a new key with: openssl rand -base64 32)');
    return { keyring: ring, resuming: false, source: 'env' };
  }
  const ring = loadKeyring(dataDir);
  if (ring.length > 1) return { keyring: ring, resuming: true, source: 'file' };
  const keyring = [randomBytes(32), ring[0]];
  writeKeyring(dataDir, keyring);
  return { keyring, resuming: false, source: 'file' };
}

export interface RotationReport {
  /** The embedded database: re-encrypted by this run, or already under the new key (or PostgreSQL: not Vessel's to encrypt). */
  database: 'rekeyed' | 'already' | 'postgres';
  objects: number;
  resealed: number;
  tokens: number;
  shares: number;
  pendingDropped: number;
}

/** Step 2: everything sealed with an older key is sealed again with `vessel.key`. */
export async function resealAll(v: Vessel, onProgress: (done: number) => void = () => {}): Promise<RotationReport> {
  const database = v.store.dialect === 'postgres' ? 'postgres' : v.store.sqliteKey === 'rekeyed' ? 'rekeyed' : 'already';
  const report: RotationReport = { database, objects: 0, resealed: 0, tokens: 0, shares: 0, pendingDropped: 0 };
  for await (const sha of v.vault.list()) {
    if (await v.vault.reseal(sha)) report.resealed++;
    onProgress(++report.objects);
  }
  const connections = new ConnectionsRepo(v.store.db, v.keyring);
  for (const c of await connections.list()) {
    const tokens = await connections.tokens(c.id);
    if (!tokens) continue;
    await connections.saveTokens(c.id, tokens);
    report.tokens++;
  }
  // An authorization in flight lasts minutes; dropping it is simpler than re-sealing it.
  const dropped = await v.store.db.deleteFrom('smart_authorizations').executeTakeFirst();
  report.pendingDropped = Number(dropped.numDeletedRows ?? 0);
  const { resealShareKey } = await import('../share/shl.js');
  for (const r of await v.store.db.selectFrom('shares').select(['id', 'key_enc']).execute()) {
    await v.store.db.updateTable('shares').set({ key_enc: resealShareKey(v, r.id, r.key_enc) }).where('id', '=', r.id).execute();
    report.shares++;
  }
  return report;
}

/** Step 3: the key file keeps only the new key. */
export function finishRotation(dataDir: string, plan: RotationPlan): void {
  if (plan.source === 'file') writeKeyring(dataDir, [plan.keyring[0]]);
}
