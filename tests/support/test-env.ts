// Which database the integration suite runs on: SQLite by default,
// PostgreSQL with TEST_DATABASE=postgres (`npm run test:postgres`).
// TEST_POSTGRES_URL points at a server where the user may create databases;
// .ci/run sets one up (see README "Running the tests on PostgreSQL").
export function testDatabaseKind(): 'sqlite' | 'postgres' {
  return process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

export function postgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? 'postgresql://desk:desk@127.0.0.1:5432/postgres';
}

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
