import Link from "next/link";

import {
  filterQuery,
  type ContactListFilter,
} from "@/lib/contacts/page-cursor";

type PaginationProps = {
  filter: ContactListFilter;
  firstId: string | undefined;
  lastId: string | undefined;
  hasPrevious: boolean;
  hasNext: boolean;
};

export function Pagination({
  filter,
  firstId,
  lastId,
  hasPrevious,
  hasNext,
}: PaginationProps) {
  if (!hasPrevious && !hasNext) return null;

  // An empty page (everything after the cursor was deleted) still needs a
  // way back, so "Previous" falls back to the first page.
  const previousHref = `/email-contacts${filterQuery(
    filter,
    firstId ? { before: firstId } : undefined,
  )}`;

  return (
    <nav aria-label="Pagination" className="flex justify-between gap-4">
      {hasPrevious ? (
        <Link href={previousHref} className="btn-secondary" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {hasNext && lastId && (
        <Link
          href={`/email-contacts${filterQuery(filter, { after: lastId })}`}
          className="btn-secondary"
          rel="next"
        >
          Next →
        </Link>
      )}
    </nav>
  );
}
