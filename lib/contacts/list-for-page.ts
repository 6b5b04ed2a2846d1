import "server-only";

import { db } from "@/lib/db/client";

import {
  CONTACTS_PAGE_SIZE,
  shapePage,
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

export type ContactListPage = Page<ContactListItem> & { total: number };

/**
 * One page of the organization's contacts for the Email Contacts table.
 * The organization id must come from the signed-in user; it is in every
 * `where`, so a cursor from another organization finds nothing.
 */
export async function listContactsForPage(
  organizationId: string,
  request: PageRequest,
): Promise<ContactListPage> {
  const afterUniqueId = await resolveCursor(organizationId, request);
  const direction = afterUniqueId === null ? "first" : request.direction;
  const backwards = direction === "before";

  const [rows, total] = await Promise.all([
    db.contact.findMany({
      where: {
        organizationId,
        ...(afterUniqueId !== null && {
          uniqueId: backwards ? { lt: afterUniqueId } : { gt: afterUniqueId },
        }),
      },
      orderBy: { uniqueId: backwards ? "desc" : "asc" },
      take: CONTACTS_PAGE_SIZE + 1,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        department: true,
        jobTitle: true,
        location: true,
        updatedAt: true,
      },
    }),
    db.contact.count({ where: { organizationId } }),
  ]);

  return { ...shapePage(rows, direction), total };
}

// The Unique Contact ID of the cursor contact, the key the pages are ordered
// by; null for the first page or a cursor that is not this organization's.
async function resolveCursor(
  organizationId: string,
  request: PageRequest,
): Promise<string | null> {
  if (request.direction === "first") return null;

  const contact = await db.contact.findFirst({
    where: { id: request.cursor, organizationId },
    select: { uniqueId: true },
  });

  return contact?.uniqueId ?? null;
}
