import "server-only";

import { queryPrepared } from "@/lib/db/prepared";
import { Prisma } from "@/lib/generated/prisma/client";

import { decodeCursor, encodeCursor } from "./ids";
import type { ContactListQuery, ContactOutput } from "./schema";

export type ContactPage = {
  data: ContactOutput[];
  nextCursor: string | null;
};

const EXACT_FILTERS = [
  "email",
  "firstName",
  "lastName",
  "location",
  "department",
  "jobTitle",
  "phone",
] as const;

const SEARCHED_COLUMNS = [
  "firstName",
  "lastName",
  "email",
  "department",
  "jobTitle",
  "location",
] as const;

/**
 * One page of contacts as the JSON text of the response body, built by
 * PostgreSQL: the page is read by an index range scan on (organizationId,
 * id) and no row passes through JavaScript objects on its way out.
 *
 * The columns are named one by one below; organizationId and uniqueId are
 * not among them, so they cannot leak whatever the table gains later.
 */
export async function listContactsJson(
  organizationId: string,
  query: ContactListQuery,
): Promise<string> {
  const afterId =
    query.cursor === undefined ? undefined : decodeCursor(query.cursor);

  // Ordered by id (uuid v7) and resumed strictly after the last id seen, so
  // a page never repeats or skips a contact, whatever is written meanwhile.
  const [row] = await queryPrepared<{ data: string; last: string | null }>(
    Prisma.sql`
    WITH page AS (
      SELECT "id", "email", "firstName", "lastName", "location", "department",
             "jobTitle", "phone", "customFields", "createdAt", "updatedAt",
             row_number() OVER (ORDER BY "id") AS n
      FROM "Contact"
      WHERE ${Prisma.join(conditions(organizationId, query, afterId), " AND ")}
      ORDER BY "id"
      LIMIT ${query.limit + 1}
    )
    SELECT
      coalesce(json_agg(json_build_object(
        'id', "id",
        'email', "email",
        'firstName', "firstName",
        'lastName', "lastName",
        'location', "location",
        'department', "department",
        'jobTitle', "jobTitle",
        'phone', "phone",
        'customFields', "customFields",
        'createdAt', ${isoTimestamp("createdAt")},
        'updatedAt', ${isoTimestamp("updatedAt")}
      ) ORDER BY "id") FILTER (WHERE n <= ${query.limit}), '[]')::text AS data,
      CASE WHEN count(*) > ${query.limit}
        THEN (array_agg("id"::text ORDER BY "id") FILTER (WHERE n <= ${query.limit}))[${query.limit}]
      END AS last
    FROM page`,
  );

  const nextCursor = row?.last
    ? JSON.stringify(encodeCursor(row.last))
    : "null";
  return `{"data":${row?.data ?? "[]"},"nextCursor":${nextCursor}}`;
}

/** The same page as objects, for callers inside the server. */
export async function listContacts(
  organizationId: string,
  query: ContactListQuery,
): Promise<ContactPage> {
  return JSON.parse(
    await listContactsJson(organizationId, query),
  ) as ContactPage;
}

function conditions(
  organizationId: string,
  query: ContactListQuery,
  afterId: string | undefined,
): Prisma.Sql[] {
  const where = [Prisma.sql`"organizationId" = ${organizationId}::uuid`];

  if (afterId) where.push(Prisma.sql`"id" > ${afterId}::uuid`);

  for (const column of EXACT_FILTERS) {
    const value = query[column];
    if (value !== undefined) {
      where.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
    }
  }

  if (query.updatedSince !== undefined) {
    // updatedAt is a UTC timestamp without time zone, as Prisma writes it.
    where.push(
      Prisma.sql`"updatedAt" >= (${query.updatedSince}::timestamptz AT TIME ZONE 'UTC')`,
    );
  }

  if (query.q !== undefined) {
    const pattern = `%${escapeLike(query.q)}%`;
    const matches = SEARCHED_COLUMNS.map(
      (column) =>
        Prisma.sql`${Prisma.raw(`"${column}"`)} ILIKE ${pattern} ESCAPE '\\'`,
    );
    where.push(Prisma.sql`(${Prisma.join(matches, " OR ")})`);
  }

  return where;
}

/** A search text with LIKE's wildcards taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function isoTimestamp(column: "createdAt" | "updatedAt"): Prisma.Sql {
  return Prisma.raw(`to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}
