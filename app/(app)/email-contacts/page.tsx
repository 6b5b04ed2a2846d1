import type { Metadata } from "next";
import Link from "next/link";

import { ContactsTable } from "@/components/email-contacts/contacts-table";
import { ContactsToolbar } from "@/components/email-contacts/contacts-toolbar";
import { ImportMenu } from "@/components/email-contacts/import-menu";
import { Pagination } from "@/components/email-contacts/pagination";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import {
  listContactFilterOptions,
  listContactsForPage,
} from "@/lib/contacts/list-for-page";
import {
  filterQuery,
  parseListFilter,
  parsePageRequest,
  type ContactListFilter,
} from "@/lib/contacts/page-cursor";

export const metadata: Metadata = { title: "Email Contacts" };

type EmailContactsPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EmailContactsPage({
  searchParams,
}: EmailContactsPageProps) {
  const user = await requireEmailContactsAccess();

  const params = await searchParams;
  const filter = parseListFilter(params);
  const request = parsePageRequest(params);

  // No total: counting 100,000 contacts on every page view costs more than
  // the page itself, and keyset paging does not need it.
  const [page, options] = await Promise.all([
    listContactsForPage(user.organization.id, filter, request),
    listContactFilterOptions(user.organization.id),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-zinc-900">
            Email Contacts
          </h1>
          <p className="mt-1 text-sm text-zinc-600">
            The contacts of {user.organization.name}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/email-contacts/fields" className="btn-secondary">
            Fields
          </Link>
          <a
            href={`/email-contacts/export${filterQuery(filter)}`}
            className="btn-secondary"
            download
          >
            Export CSV
          </a>
          <ImportMenu />
        </div>
      </div>

      <ContactsToolbar filter={filter} {...options} />

      {page.items.length > 0 ? (
        <ContactsTable contacts={page.items} />
      ) : (
        <EmptyState filter={filter} firstPage={request.direction === "first"} />
      )}

      <Pagination
        filter={filter}
        firstId={page.items.at(0)?.id}
        lastId={page.items.at(-1)?.id}
        hasPrevious={page.hasPrevious}
        hasNext={page.hasNext}
      />
    </div>
  );
}

function EmptyState({
  filter,
  firstPage,
}: {
  filter: ContactListFilter;
  firstPage: boolean;
}) {
  const filtered = Boolean(
    filter.search || filter.department || filter.location,
  );
  const message = !firstPage
    ? "No more contacts on this page."
    : filtered
      ? "No contacts match this search."
      : "No contacts yet. Use Import to add contacts, for example through the Contact API.";

  return (
    <div role="status" className="card p-8 text-center text-zinc-700">
      {message}
    </div>
  );
}
