import { z } from "zod";

// Keyset paging for the Email Contacts table. The cursor is a contact id;
// the page order is the Unique Contact ID, unique within an organization,
// so a page never repeats or skips a contact while others are added.

export const CONTACTS_PAGE_SIZE = 25;

export type PageRequest =
  { direction: "first" } | { direction: "after" | "before"; cursor: string };

export type Page<T> = {
  items: T[];
  hasPrevious: boolean;
  hasNext: boolean;
};

const contactIdSchema = z.uuid();

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

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
