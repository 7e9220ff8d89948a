import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` inside `BEGIN`/`COMMIT` on one pooled connection; any error rolls back and is
 * rethrown. A connection whose rollback failed, or whose socket died, is destroyed rather than
 * returned to the pool.
 */
export async function transaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose socket dies (PostgreSQL killed mid-transaction) emits 'error'
  // besides failing its query; the pool listens only to idle clients, and an 'error' nobody
  // listens to kills the process. The failed query already carries the error: record it only.
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
    }
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * `VALUES` rows of a multi-row INSERT: `($1, $2), ($3, $4)` with their parameters in order, so a
 * whole batch goes to the server in one statement.
 */
export function valuesOf(rows: readonly (readonly unknown[])[], offset = 0): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((v) => {
      params.push(v);
      return `$${params.length + offset}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}

/** Bytes as node-postgres sends BYTEA, without copying. */
export const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
