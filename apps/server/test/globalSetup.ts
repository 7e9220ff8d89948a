import pg from 'pg';

/** After a PostgreSQL run (`COCREA_TEST_POSTGRES`), drops the databases the harness created. */
export async function teardown(): Promise<void> {
  const base = process.env.COCREA_TEST_POSTGRES;
  if (!base) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'cocrea\\_t\\_%'");
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
