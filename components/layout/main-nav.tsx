"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type MainNavProps = {
  /** Decided on the server from the role read for this request. */
  showEmailContacts: boolean;
};

export function MainNav({ showEmailContacts }: MainNavProps) {
  const pathname = usePathname();
  const inEmailContacts = pathname.startsWith("/email-contacts");

  // Roles without Email Contacts have nowhere to go yet: no empty landmark.
  if (!showEmailContacts) return null;

  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        <li>
          <Link
            href="/email-contacts"
            aria-current={inEmailContacts ? "page" : undefined}
            className="rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-800"
          >
            Email Contacts
          </Link>
        </li>
      </ul>
    </nav>
  );
}
