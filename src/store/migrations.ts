/**
 * Versioned schema migrations, one list for both dialects. Where the dialects differ
 * (full-text search, identity columns) a migration branches on `dialect`; everything else
 * is Kysely's schema builder so the two stay in step. One file per migration under
 * migrations/, listed here in order; never edit a migration that has shipped.
 */
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './schema.js';
import { migration0001 } from './migrations/0001_core.js';
import { migration0002 } from './migrations/0002_record.js';
import { migration0003 } from './migrations/0003_connections.js';
import { migration0004 } from './migrations/0004_shares.js';
import { migration0005 } from './migrations/0005_accounts.js';
import { migration0006 } from './migrations/0006_speed.js';
import { migration0007 } from './migrations/0007_passkeys.js';
import { migration0008 } from './migrations/0008_views_filters.js';
import { migration0009 } from './migrations/0009_record_incremental.js';
import { migration0010 } from './migrations/0010_timeline_sources.js';
import { migration0011 } from './migrations/0011_timeline_month_document.js';
import { migration0013 } from './migrations/0013_fts_external_content.js';
import { migration0014 } from './migrations/0014_record_lean.js';
import { migration0015 } from './migrations/0015_timeline_month_counts.js';
import { migration0016 } from './migrations/0016_social_history_index.js';
import { migration0017 } from './migrations/0017_timeline_counts.js';
import { migration0018 } from './migrations/0018_record_normalized.js';
import { migration0019 } from './migrations/0019_timeline_counts_by_writer.js';
import { migration0020 } from './migrations/0020_person_waits.js';
import { migration0021 } from './migrations/0021_observation_codes_index.js';

type AnyDb = Kysely<any>;

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_core': migration0001(dialect),
    '0002_record': migration0002(dialect),
    '0003_connections': migration0003(dialect),
    '0004_shares': migration0004(dialect),
    '0005_accounts': migration0005(dialect),
    '0006_speed': migration0006(dialect),
    '0007_passkeys': migration0007(dialect),
    '0008_views_filters': migration0008(dialect),
    '0009_record_incremental': migration0009(dialect),
    '0010_timeline_sources': migration0010(dialect),
    '0011_timeline_month_document': migration0011(dialect),
    '0013_fts_external_content': migration0013(dialect),
    '0014_record_lean': migration0014(dialect),
    '0015_timeline_month_counts': migration0015(dialect),
    '0016_social_history_index': migration0016(dialect),
    '0017_timeline_counts': migration0017(dialect),
    '0018_record_normalized': migration0018(dialect),
    '0019_timeline_counts_by_writer': migration0019(dialect),
    '0020_person_waits': migration0020(dialect),
    '0021_observation_codes_index': migration0021(dialect),
  };
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations() {
    return migrationsFor(this.dialect);
  }
}

/**
 * `pgSchema`: the PostgreSQL schema holding Vessel's tables. Kysely must be told: it looks
 * for its bookkeeping tables across all schemas and would otherwise find another install's.
 */
export async function migrateToLatest(db: AnyDb, dialect: Dialect, pgSchema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(dialect), ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String((error as Error)?.message ?? error)}`);
  }
}
