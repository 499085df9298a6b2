/**
 * Runtime configuration from the environment, resolved once at the edge and passed down.
 * Nothing below the CLI/server reads process.env directly.
 */
import path from 'node:path';

export interface VesselConfig {
  /** Folder holding the vault, the SQLite file and the key file. */
  dataDir: string;
  /** postgres://… to scale out; absent = embedded SQLite in dataDir. */
  databaseUrl?: string;
  /** PostgreSQL schema holding Vessel's tables (one database, several installs or tests). */
  pgSchema?: string;
  /** 32-byte vault key as base64 or hex; absent = key file in dataDir. */
  key?: string;
  host: string;
  port: number;
  /**
   * The address users open Vessel at (VESSEL_ORIGIN, e.g. https://vessel.home.example; several
   * separated by commas), where it differs from the listening address: passkeys are bound to it.
   */
  origin?: string;
  limits: ImportLimits;
}

export interface ImportLimits {
  /** Largest single file accepted, bytes. */
  maxFileBytes: number;
  /** Largest total bytes expanded from one zip (zip-bomb guard). */
  maxZipTotalBytes: number;
  /** Largest compression ratio accepted for a zip entry. */
  maxZipRatio: number;
  /** Deepest zip-in-zip nesting followed. */
  maxZipDepth: number;
  /** Most entries in one zip. */
  maxZipEntries: number;
}

export const defaultLimits: ImportLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxZipTotalBytes: 4 * 1024 ** 3,
  maxZipRatio: 200,
  maxZipDepth: 3,
  maxZipEntries: 50_000,
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): VesselConfig {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    dataDir: path.resolve(env.VESSEL_DATA ?? 'vessel-data'),
    databaseUrl: env.VESSEL_DATABASE_URL || undefined,
    pgSchema: env.VESSEL_PG_SCHEMA || undefined,
    key: env.VESSEL_KEY || undefined,
    host: env.VESSEL_HOST ?? '127.0.0.1',
    port: num(env.VESSEL_PORT ?? env.PORT, 4780),
    origin: env.VESSEL_ORIGIN || undefined,
    limits: {
      ...defaultLimits,
      maxFileBytes: num(env.VESSEL_MAX_FILE_BYTES, defaultLimits.maxFileBytes),
    },
  };
}
