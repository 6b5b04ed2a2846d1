import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

import {
  CONTACTS_PAGE_SIZE,
  shapePage,
  type ContactListFilter,
  type ContactSort,
  type Page,
  type PageRequest,
} from "./page-cursor";

export type ContactListItem = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string;
  department: string | null;
  jobTitle: string | null;
  location: string | null;
  updatedAt: Date;
};

export type ContactListPage = Page<ContactListItem>;

type SortSpec = { key: Prisma.Sql; descending: boolean };

// Each key has a matching index on ("organizationId", key, "id") (see the
// contacts_list_sort_indexes migration), so a page is an index range scan
// of 26 rows whatever the size of the organization: no OFFSET, no COUNT.
const SORTS: Record<ContactSort, SortSpec> = {
  name: {
    key: Prisma.raw(
      `lower(coalesce("firstName", '') || ' ' || coalesce("lastName", ''))`,
    ),
    descending: false,
  },
  email: { key: Prisma.raw(`"email"`), descending: false },
  updated: { key: Prisma.raw(`"updatedAt"`), descending: true },
};

/**
 * One page of the organization's contacts for the Email Contacts table and
 * the CSV export. The organization id must come from the signed-in user; it
 * is in every `where`, so a cursor from another organization finds nothing.
 */
export async function listContactsForPage(
  organizationId: string,
  filter: ContactListFilter,
  request: PageRequest,
  pageSize: number = CONTACTS_PAGE_SIZE,
): Promise<ContactListPage> {
  const rows = await queryPage<ContactListItem>(
    LIST_COLUMNS,
    organizationId,
    filter,
    request,
    pageSize,
  );

  return shapePage(rows, request.direction, pageSize);
}

export type ContactExportRow = ContactListItem & {
  phone: string | null;
  customFields: unknown;
  createdAt: Date;
};

/**
 * Every contact the filter selects, in its order, as batches of `batchSize`:
 * the export streams them without holding the organization in memory.
 */
export async function* exportContactBatches(
  organizationId: string,
  filter: ContactListFilter,
  batchSize = 1000,
): AsyncGenerator<ContactExportRow[]> {
  let request: PageRequest = { direction: "first" };

  for (;;) {
    const rows: ContactExportRow[] = await queryPage<ContactExportRow>(
      EXPORT_COLUMNS,
      organizationId,
      filter,
      request,
      batchSize,
    );
    const batch: ContactExportRow[] = rows.slice(0, batchSize);
    if (batch.length > 0) yield batch;
    if (rows.length <= batchSize) return;

    request = { direction: "after", cursor: batch[batch.length - 1]!.id };
  }
}

const LIST_COLUMNS = Prisma.raw(
  `"id", "firstName", "lastName", "email", "department", "jobTitle", ` +
    `"location", "updatedAt"`,
);

const EXPORT_COLUMNS = Prisma.raw(
  `"id", "firstName", "lastName", "email", "department", "jobTitle", ` +
    `"location", "phone", "customFields", "createdAt", "updatedAt"`,
);

// Fetches pageSize + 1 rows, the extra one telling whether more follow.
async function queryPage<Row>(
  columns: Prisma.Sql,
  organizationId: string,
  filter: ContactListFilter,
  request: PageRequest,
  pageSize: number,
): Promise<Row[]> {
  const sort = SORTS[filter.sort];
  // "before" walks the index the other way and shapePage restores the order.
  const backwards = request.direction === "before";
  const descending = sort.descending !== backwards;
  const order = Prisma.raw(descending ? "DESC" : "ASC");

  const conditions = [
    Prisma.sql`"organizationId" = ${organizationId}::uuid`,
    ...filterConditions(filter),
  ];
  if (request.direction !== "first") {
    conditions.push(cursorCondition(organizationId, sort, request, descending));
  }

  return db.$queryRaw<Row[]>`
    SELECT ${columns}
    FROM "Contact"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sort.key} ${order}, "id" ${order}
    LIMIT ${pageSize + 1}`;
}

export type ContactFilterOptions = {
  departments: string[];
  locations: string[];
};

const MAX_OPTIONS = 500;

/**
 * The distinct departments and locations of the organization, for the filter
 * menus. A recursive "skip scan" jumps from one value to the next through the
 * (organizationId, column) index instead of reading every contact.
 */
export async function listContactFilterOptions(
  organizationId: string,
): Promise<ContactFilterOptions> {
  const [departments, locations] = await Promise.all([
    distinctValues(organizationId, Prisma.raw(`"department"`)),
    distinctValues(organizationId, Prisma.raw(`"location"`)),
  ]);

  return { departments, locations };
}

async function distinctValues(
  organizationId: string,
  column: Prisma.Sql,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ value: string | null }[]>`
    WITH RECURSIVE "values"("value") AS (
      SELECT min(${column}) FROM "Contact"
      WHERE "organizationId" = ${organizationId}::uuid
      UNION ALL
      SELECT (SELECT min(${column}) FROM "Contact"
              WHERE "organizationId" = ${organizationId}::uuid
                AND ${column} > "values"."value")
      FROM "values" WHERE "values"."value" IS NOT NULL
    )
    SELECT "value" FROM "values" WHERE "value" IS NOT NULL
    LIMIT ${MAX_OPTIONS}`;

  return rows.map((row) => row.value as string);
}

function filterConditions(filter: ContactListFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];

  if (filter.department) {
    conditions.push(Prisma.sql`"department" = ${filter.department}`);
  }
  if (filter.location) {
    conditions.push(Prisma.sql`"location" = ${filter.location}`);
  }
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    // A substring search cannot use a btree index; it filters while the sort
    // index is walked, which stops as soon as a page is full.
    conditions.push(Prisma.sql`(
      (coalesce("firstName", '') || ' ' || coalesce("lastName", '')) ILIKE ${pattern}
      OR "email" ILIKE ${pattern}
      OR "department" ILIKE ${pattern}
      OR "jobTitle" ILIKE ${pattern}
      OR "location" ILIKE ${pattern})`);
  }

  return conditions;
}

// The cursor contact's own sort key is read in the same statement, and only
// from this organization: a foreign or deleted cursor matches nothing.
function cursorCondition(
  organizationId: string,
  sort: SortSpec,
  request: Extract<PageRequest, { cursor: string }>,
  descending: boolean,
): Prisma.Sql {
  const comparison = Prisma.raw(descending ? "<" : ">");

  return Prisma.sql`(${sort.key}, "id") ${comparison} (
    SELECT ${sort.key}, "id" FROM "Contact"
    WHERE "id" = ${request.cursor}::uuid
      AND "organizationId" = ${organizationId}::uuid)`;
}

/** `%`, `_` and `\` match themselves in a search. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
