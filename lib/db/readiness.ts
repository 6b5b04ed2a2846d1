import "server-only";

import { readdir } from "node:fs/promises";
import path from "node:path";

import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "migrations-pending"; pending: string[] };

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma/migrations");
const TIMEOUT_MS = 3000;

/** The migrations this build ships with, by folder name. */
async function shippedMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((e) => e.name);
}

async function appliedMigrations(db: PrismaClient): Promise<Set<string>> {
  // The table `prisma migrate deploy` and lib/db/migrations.ts both keep.
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((row) => row.migration_name));
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * Whether this instance can serve: the database answers and every migration
 * of this build has been applied. Migrations the database has and this build
 * lacks (a newer version already migrated) do not make it unready.
 * Throws DatabaseUnreachable when the database does not answer in time.
 */
export async function checkReadiness(db: PrismaClient): Promise<Readiness> {
  const shipped = await shippedMigrations();

  let applied: Set<string>;
  try {
    applied = await withTimeout(appliedMigrations(db));
  } catch (error) {
    // A missing _prisma_migrations table means nothing was ever applied.
    if (isMissingTable(error)) applied = new Set();
    else throw new DatabaseUnreachable(error);
  }

  const pending = shipped.filter((name) => !applied.has(name)).sort();
  return pending.length
    ? { ready: false, reason: "migrations-pending", pending }
    : { ready: true };
}

export class DatabaseUnreachable extends Error {
  constructor(cause: unknown) {
    super("The database did not answer the readiness check.", { cause });
    this.name = "DatabaseUnreachable";
  }
}

function isMissingTable(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /_prisma_migrations.*does not exist|42P01/.test(text);
}
