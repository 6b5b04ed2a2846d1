import Link from "next/link";

import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

type AppHeaderProps = {
  userName: string;
  role: Role;
  organizationName: string;
  showEmailContacts: boolean;
};

export function AppHeader({
  userName,
  role,
  organizationName,
  showEmailContacts,
}: AppHeaderProps) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold text-zinc-900">
          Employee Email
        </Link>

        <MainNav showEmailContacts={showEmailContacts} />

        <div className="ml-auto flex items-center gap-4">
          <p className="text-right text-sm leading-tight">
            <span className="block font-medium text-zinc-900">{userName}</span>
            <span className="block text-zinc-600">
              {ROLE_LABELS[role]} · {organizationName}
            </span>
          </p>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
