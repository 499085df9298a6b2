/**
 * A PostgreSQL dialect whose introspection sees only Vessel's own schema.
 *
 * Kysely's Migrator asks `introspection.getTables()` whether its migration tables exist, and the
 * stock PostgreSQL introspector answers by listing every column of every table in the database,
 * calling `pg_get_serial_sequence` on each. When another schema is dropped meanwhile (a test, or a
 * second Vessel in the same database being removed), that call fails with "schema … does not
 * exist" and the migration with it — seen as a flaky start in CI. Listing the tables of our own
 * schema from pg_class is all the migrator needs (it reads only table names and schemas), and it
 * does not grow with the number of schemas in the database.
 */
import { PostgresDialect, sql, type DatabaseIntrospector, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

export class ScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new ScopedPostgresIntrospector(db);
  }
}

class ScopedPostgresIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows.map((r) => ({ name: r.name }));
  }

  /** Tables and views of the connection's current schema (the search_path Vessel set), without columns. */
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<{ tables: TableMetadata[] }> {
    return { tables: await this.getTables() };
  }
}
