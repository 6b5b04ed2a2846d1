import { z } from "zod";

// Keyset paging for the Email Contacts table. The cursor is a contact id;
// the page order is the chosen sort key with the contact id as tie-breaker,
// so a page never repeats or skips a contact while others are added.

export const CONTACTS_PAGE_SIZE = 25;

export type PageRequest =
  { direction: "first" } | { direction: "after" | "before"; cursor: string };

export type Page<T> = {
  items: T[];
  hasPrevious: boolean;
  hasNext: boolean;
};

export const CONTACT_SORTS = ["name", "email", "updated"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

/** What narrows and orders the table; shared by the page and the CSV export. */
export type ContactListFilter = {
  search: string;
  department: string;
  location: string;
  sort: ContactSort;
};

export type SearchParams = Record<string, string | string[] | undefined>;

const contactIdSchema = z.uuid();
const MAX_FILTER_LENGTH = 200;

/**
 * `?cursor=<id>` asks for the page after that contact, `?before=<id>` for the
 * page before it. Anything malformed reads as the first page.
 */
export function parsePageRequest(params: {
  cursor?: string | string[];
  before?: string | string[];
}): PageRequest {
  const after = contactIdSchema.safeParse(first(params.cursor));
  if (after.success) return { direction: "after", cursor: after.data };

  const before = contactIdSchema.safeParse(first(params.before));
  if (before.success) return { direction: "before", cursor: before.data };

  return { direction: "first" };
}

/** `?q`, `?department`, `?location`, `?sort`; anything unknown is ignored. */
export function parseListFilter(params: SearchParams): ContactListFilter {
  const sort = first(params.sort);

  return {
    search: text(params.q),
    department: text(params.department),
    location: text(params.location),
    sort: CONTACT_SORTS.includes(sort as ContactSort)
      ? (sort as ContactSort)
      : "name",
  };
}

/**
 * The query string that keeps a filter (and optionally a cursor). Defaults
 * are left out so the first page reads as plain `/email-contacts`.
 */
export function filterQuery(
  filter: ContactListFilter,
  cursor?: { after?: string; before?: string },
): string {
  const params = new URLSearchParams();
  if (filter.search) params.set("q", filter.search);
  if (filter.department) params.set("department", filter.department);
  if (filter.location) params.set("location", filter.location);
  if (filter.sort !== "name") params.set("sort", filter.sort);
  if (cursor?.after) params.set("cursor", cursor.after);
  if (cursor?.before) params.set("before", cursor.before);

  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * Turns `pageSize + 1` fetched rows into a page. Rows for "before" arrive in
 * descending order (nearest the cursor first) and are put back in order.
 */
export function shapePage<T>(
  rows: T[],
  direction: PageRequest["direction"],
  pageSize: number = CONTACTS_PAGE_SIZE,
): Page<T> {
  const hasMore = rows.length > pageSize;
  const items = rows.slice(0, pageSize);

  if (direction === "before") {
    return { items: items.reverse(), hasPrevious: hasMore, hasNext: true };
  }

  return {
    items,
    hasPrevious: direction === "after",
    hasNext: hasMore,
  };
}

function text(value: string | string[] | undefined): string {
  return (first(value) ?? "").trim().slice(0, MAX_FILTER_LENGTH);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
