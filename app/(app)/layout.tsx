import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/current-user";
import { canViewEmailContacts } from "@/lib/auth/permissions";

// The shell of every signed-in page. Layouts do not re-render on client
// navigation, so this check is for the header only: every page checks for
// itself who is asking.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-accent-800 focus:shadow"
      >
        Skip to main content
      </a>
      <AppHeader
        userName={user.name}
        role={user.role}
        organizationName={user.organization.name}
        showEmailContacts={canViewEmailContacts(user.role)}
      />
      <main
        id="main"
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6"
      >
        {children}
      </main>
    </div>
  );
}
