import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { createPrismaClient } from "./create-client";

// One client per process. In development Next reloads modules on every edit,
// so the client is parked on globalThis to avoid opening a pool per reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev`, which " +
        "starts the embedded PostgreSQL, or set DATABASE_URL.",
    );
  }

  return createPrismaClient(connectionString);
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
