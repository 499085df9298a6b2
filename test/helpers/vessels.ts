/**
 * Runs a test body against both store dialects: SQLite in a fresh temp folder, and
 * PostgreSQL in a fresh schema of DATABASE_URL (skipped, with the reason, where no server
 * answers). Everything is removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openVessel, type OpenVesselOptions, type Vessel } from '../../src/app/vessel.js';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<string | false> | undefined;

/** false when PostgreSQL answers; otherwise the reason to skip. */
export function postgresSkipReason(): Promise<string | false> {
  pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('select 1');
      return false;
    } catch (err) {
      return `PostgreSQL not reachable at ${DATABASE_URL}: ${(err as Error).message}`;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export function tempDir(prefix = 'vessel-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestVessel {
  vessel: Vessel;
  dataDir: string;
  pgSchema?: string;
  cleanup(): Promise<void>;
}

export async function openTestVessel(dialect: 'sqlite' | 'postgres', extra: OpenVesselOptions = {}): Promise<TestVessel> {
  const dataDir = tempDir();
  const pgSchema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const vessel = await openVessel({
    dataDir,
    key: randomBytes(32).toString('base64'),
    databaseUrl: dialect === 'postgres' ? DATABASE_URL : undefined,
    pgSchema,
    ...extra,
  });
  return {
    vessel,
    dataDir,
    pgSchema,
    async cleanup() {
      await vessel.close();
      if (pgSchema) {
        const c = new pg.Client({ connectionString: DATABASE_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const DIALECTS = ['sqlite', 'postgres'] as const;
