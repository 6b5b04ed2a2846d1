import type { ReactNode } from "react";

import { ContactApiBreadcrumb } from "@/components/contact-api/breadcrumb";
import { ContactApiTabs } from "@/components/contact-api/contact-api-tabs";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";

// Shared by the Contact API overview and its API Keys page. The pages below
// still check access themselves: a layout is not re-run on every navigation.
export default async function ContactApiLayout({
  children,
}: {
  children: ReactNode;
}) {
  await requireEmailContactsAccess();

  return (
    <div className="space-y-6">
      <ContactApiBreadcrumb />
      <h1 className="text-2xl font-semibold text-zinc-900">Contact API</h1>
      <ContactApiTabs />
      <div>{children}</div>
    </div>
  );
}
