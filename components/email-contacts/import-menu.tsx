"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

// The import channels. Only the Contact API exists today; the menu leaves
// room for file uploads and directory syncs beside it.
//
// Not modal and not portalled: a modal menu hides the rest of the page from
// assistive technology (aria-hidden around a focused trigger), and a portal
// puts the menu outside the page's landmarks. Both fail axe.
export function ImportMenu() {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="btn-primary">
        Import
        <ChevronDown />
      </DropdownMenu.Trigger>

      <DropdownMenu.Content
        align="end"
        sideOffset={6}
        className="z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 shadow-lg"
      >
        <DropdownMenu.Item asChild>
          <Link
            href="/email-contacts/import/contact-api"
            className="block rounded px-3 py-2 text-sm text-zinc-800 data-[highlighted]:bg-accent-50 data-[highlighted]:text-accent-800"
          >
            Contact API
          </Link>
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

function ChevronDown() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="currentColor"
      className="size-4"
    >
      <path
        fillRule="evenodd"
        d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.06l3.71-3.83a.75.75 0 1 1 1.08 1.04l-4.25 4.39a.75.75 0 0 1-1.08 0L5.21 8.27a.75.75 0 0 1 .02-1.06Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
