import type { ReactNode } from "react";

type LabelledValueProps = {
  id: string;
  label: string;
  children: ReactNode;
  /** A copy button or a note, shown after the value. */
  after?: ReactNode;
};

/**
 * One term of a description list whose value carries the term as its
 * accessible name: an <output> is labelable, a plain <span> is not. It is
 * kept out of the live region it would otherwise be, so a screen reader does
 * not read a whole key aloud when it appears.
 */
export function LabelledValue({
  id,
  label,
  children,
  after,
}: LabelledValueProps) {
  return (
    <div className="grid gap-1 sm:grid-cols-[9rem_1fr] sm:items-center sm:gap-4">
      <dt className="text-sm font-medium text-zinc-600">
        <label htmlFor={id}>{label}</label>
      </dt>
      <dd className="flex flex-wrap items-center gap-3">
        <output
          id={id}
          aria-live="off"
          className="rounded bg-zinc-100 px-2 py-1 font-mono text-sm break-all text-zinc-900"
        >
          {children}
        </output>
        {after}
      </dd>
    </div>
  );
}
