import "server-only";

import { createHash } from "node:crypto";

import type { Sql } from "@/lib/generated/prisma/internal/prismaNamespace";

import { pool } from "./client";

/**
 * Runs a query as a named prepared statement on the shared pool. The Contact
 * API answers every call with the same two or three statements; preparing
 * them once per connection spares PostgreSQL the planning (about as long as
 * running them) and skips Prisma's per-query work, which the benchmark showed
 * to be most of a list call's cost. Everything else goes through Prisma.
 *
 * Values are sent as parameters, never spliced into the text; the name is a
 * digest of the text, so a filter combination gets a statement of its own.
 */
export async function queryPrepared<Row>(query: Sql): Promise<Row[]> {
  const name = createHash("sha1").update(query.text).digest("hex");
  const result = await pool.query({
    name,
    text: query.text,
    values: query.values,
  });

  return result.rows as Row[];
}
