/**
 * The little SQL surface the store needs, so that one implementation (`createSqlEventStore`) and
 * one set of migrations serve both PGlite and PostgreSQL. Parameters are `$1, $2 …`, as both
 * speak the PostgreSQL protocol.
 */
export interface SqlExecutor {
  /** One statement, with parameters; the rows it returns. */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements separated by semicolons, without parameters (migrations). */
  script(text: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). PostgreSQL hands each transaction its own pooled connection; PGlite has
   * one connection and runs its transactions one at a time.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
