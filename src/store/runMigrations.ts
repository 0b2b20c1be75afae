import { DevolveError } from '../core/errors/DevolveError.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { SqlDatabase } from './SqlDatabase.js';

/** Any fixed number: it names the advisory lock that keeps two starting servers from racing. */
const MIGRATION_LOCK = 4_747_001;

export interface MigrationRun {
  /** Ids of the migrations applied by this run (empty when the schema was up to date). */
  readonly applied: readonly number[];
}

/**
 * Brings a database's schema up to date, idempotently: safe at every start-up, and safe when
 * several processes start at once against one PostgreSQL (they queue on an advisory lock, and
 * each migration commits together with its record). A database migrated by a newer Devolve is
 * refused rather than written to.
 *
 * @example
 * await runMigrations({ db }); // { applied: [1] } the first time, { applied: [] } afterwards
 */
export async function runMigrations(args: {
  db: SqlDatabase;
  migrations?: readonly Migration[];
}): Promise<MigrationRun> {
  const migrations = args.migrations ?? MIGRATIONS;
  return args.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.script(
      'CREATE TABLE IF NOT EXISTS devolve_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ id: number }>('SELECT id FROM devolve_migrations ORDER BY id');
    const done = new Set(rows.map((row) => row.id));
    const known = new Set(migrations.map((m) => m.id));
    const unknown = [...done].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DevolveError({
        code: 'store/schema-too-new',
        message: `the database has migration ${Math.max(...unknown)}, which this version of Devolve does not know`,
        hint: 'upgrade Devolve, or point it at another database',
        details: { migrations: unknown },
      });
    }
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(migration.id)) continue;
      await tx.script(migration.sql);
      await tx.query('INSERT INTO devolve_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      applied.push(migration.id);
    }
    return { applied };
  });
}
