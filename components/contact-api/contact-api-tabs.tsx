"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { label: "Overview", href: "/email-contacts/import/contact-api" },
  { label: "API Keys", href: "/email-contacts/import/contact-api/api-keys" },
  {
    label: "API Reference",
    href: "/email-contacts/import/contact-api/reference",
  },
];

// Links styled as tabs: each is its own page, so this is navigation with
// aria-current, not an ARIA tablist (which expects in-page panels).
export function ContactApiTabs() {
  const pathname = usePathname();

  return (
    <nav aria-label="Contact API sections" className="border-b border-zinc-200">
      <ul className="-mb-px flex gap-6">
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={pathname === tab.href ? "page" : undefined}
              className="inline-block border-b-2 border-transparent px-1 pb-3 text-sm font-medium text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 aria-[current=page]:border-accent-700 aria-[current=page]:text-accent-800"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
