import Link from "next/link";

import type { ContactListItem } from "@/lib/contacts/list-for-page";

// Dates are shown in UTC so that the server and every viewer agree on them.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeZone: "UTC",
});

const COLUMNS = [
  "Name",
  "Email",
  "Department",
  "Job title",
  "Location",
  "Updated",
];

export function ContactsTable({ contacts }: { contacts: ContactListItem[] }) {
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Email contacts</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {contacts.map((contact) => (
            <ContactRow key={contact.id} contact={contact} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContactRow({ contact }: { contact: ContactListItem }) {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");

  return (
    <tr className="text-zinc-800 hover:bg-zinc-50">
      <th scope="row" className="px-4 py-3 font-medium text-zinc-900">
        <Link
          href={`/email-contacts/${contact.id}`}
          className="text-accent-800 underline-offset-2 hover:underline"
        >
          {name || contact.email}
        </Link>
      </th>
      <td className="px-4 py-3">{contact.email}</td>
      <td className="px-4 py-3">{contact.department ?? <Empty />}</td>
      <td className="px-4 py-3">{contact.jobTitle ?? <Empty />}</td>
      <td className="px-4 py-3">{contact.location ?? <Empty />}</td>
      <td className="px-4 py-3 whitespace-nowrap">
        <time dateTime={contact.updatedAt.toISOString()}>
          {dateFormat.format(contact.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

function Empty() {
  return (
    <>
      <span aria-hidden="true" className="text-zinc-400">
        —
      </span>
      <span className="sr-only">Not set</span>
    </>
  );
}
