import Link from "next/link";

type PaginationProps = {
  firstId: string | undefined;
  lastId: string | undefined;
  hasPrevious: boolean;
  hasNext: boolean;
};

export function Pagination({
  firstId,
  lastId,
  hasPrevious,
  hasNext,
}: PaginationProps) {
  if (!hasPrevious && !hasNext) return null;

  // An empty page (everything after the cursor was deleted) still needs a
  // way back, so "Previous" falls back to the first page.
  const previousHref = firstId
    ? `/email-contacts?before=${firstId}`
    : "/email-contacts";

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
          href={`/email-contacts?cursor=${lastId}`}
          className="btn-secondary"
          rel="next"
        >
          Next →
        </Link>
      )}
    </nav>
  );
}
