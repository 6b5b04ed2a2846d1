import Link from "next/link";

import type {
  ContactListFilter,
  ContactSort,
} from "@/lib/contacts/page-cursor";

type ContactsToolbarProps = {
  filter: ContactListFilter;
  departments: string[];
  locations: string[];
};

const SORT_LABELS: Record<ContactSort, string> = {
  name: "Name",
  email: "Email",
  updated: "Recently updated",
};

const FIELD = "mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2";

// A plain GET form: the filter lives in the URL, so a filtered page can be
// bookmarked, shared and exported, and works before any script has loaded.
export function ContactsToolbar({
  filter,
  departments,
  locations,
}: ContactsToolbarProps) {
  return (
    <form
      role="search"
      aria-label="Filter contacts"
      action="/email-contacts"
      className="card grid gap-4 p-4 text-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <label className="font-medium text-zinc-800">
        Search contacts
        <input
          type="search"
          name="q"
          defaultValue={filter.search}
          placeholder="Name, email, department, job title, location"
          className={FIELD}
        />
      </label>
      <Choice
        label="Department"
        name="department"
        value={filter.department}
        options={departments}
      />
      <Choice
        label="Location"
        name="location"
        value={filter.location}
        options={locations}
      />
      <label className="font-medium text-zinc-800">
        Sort by
        <select name="sort" defaultValue={filter.sort} className={FIELD}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">
          Apply
        </button>
        <Link href="/email-contacts" className="btn-secondary">
          Reset
        </Link>
      </div>
    </form>
  );
}

function Choice({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string;
  options: string[];
}) {
  // A value no longer in the list (the last contact of it was deleted) stays
  // selectable, so the form shows the filter that is really applied.
  const all = value && !options.includes(value) ? [value, ...options] : options;

  return (
    <label className="font-medium text-zinc-800">
      {label}
      <select name={name} defaultValue={value} className={FIELD}>
        <option value="">All</option>
        {all.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
