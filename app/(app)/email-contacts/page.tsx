import type { Metadata } from "next";

import { ContactsTable } from "@/components/email-contacts/contacts-table";
import { ImportMenu } from "@/components/email-contacts/import-menu";
import { Pagination } from "@/components/email-contacts/pagination";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import { listContactsForPage } from "@/lib/contacts/list-for-page";
import { parsePageRequest } from "@/lib/contacts/page-cursor";

export const metadata: Metadata = { title: "Email Contacts" };

type EmailContactsPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EmailContactsPage({
  searchParams,
}: EmailContactsPageProps) {
  const user = await requireEmailContactsAccess();

  const request = parsePageRequest(await searchParams);
  const page = await listContactsForPage(user.organization.id, request);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-zinc-900">
            Email Contacts
          </h1>
          <p className="mt-1 text-sm text-zinc-600">
            {describeTotal(page.total)} in {user.organization.name}
          </p>
        </div>
        <ImportMenu />
      </div>

      {page.items.length > 0 ? (
        <ContactsTable contacts={page.items} />
      ) : (
        <EmptyState firstPage={request.direction === "first"} />
      )}

      <Pagination
        firstId={page.items.at(0)?.id}
        lastId={page.items.at(-1)?.id}
        hasPrevious={page.hasPrevious}
        hasNext={page.hasNext}
      />
    </div>
  );
}

function describeTotal(total: number): string {
  return total === 1 ? "1 contact" : `${total.toLocaleString("en")} contacts`;
}

function EmptyState({ firstPage }: { firstPage: boolean }) {
  return (
    <div className="card p-8 text-center text-zinc-700">
      {firstPage
        ? "No contacts yet. Use Import to add contacts, for example through the Contact API."
        : "No more contacts on this page."}
    </div>
  );
}
