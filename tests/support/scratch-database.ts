import { randomUUID } from "node:crypto";

import pg from "pg";

// A database of its own on the test server, for tests that need an empty
// schema (migrations, seed) rather than the shared, migrated test database.

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();

  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type ScratchDatabase = {
  name: string;
  url: string;
  drop(): Promise<void>;
};

export async function createScratchDatabase(
  prefix = "ee_scratch",
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  await onServer(`CREATE DATABASE "${name}"`);

  return {
    name,
    url: serverUrl(name),
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Runs one query on the database at `url` and returns its rows. */
export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
