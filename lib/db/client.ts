import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one client per process, shared: Prisma runs on the pool, and
// the Contact API's hot queries use it directly (see ./prepared). In
// development Next reloads modules on every edit, so both are parked on
// globalThis to avoid opening a pool per reload.
const globalForDb = globalThis as unknown as {
  pool?: Pool;
  prisma?: PrismaClient;
};

function databaseUrl(): string {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev`, which " +
        "starts the embedded PostgreSQL, or set DATABASE_URL.",
    );
  }

  return connectionString;
}

export const pool: Pool =
  globalForDb.pool ?? new Pool({ connectionString: databaseUrl() });

export const db: PrismaClient =
  globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });

if (process.env.NODE_ENV !== "production") {
  globalForDb.pool = pool;
  globalForDb.prisma = db;
}
