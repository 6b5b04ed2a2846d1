import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { requireUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/home-path";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Home" };

// Admins land in Email Contacts; everyone else sees where they stand.
export default async function HomePage() {
  const user = await requireUser();

  const home = homePathFor(user.role);
  if (home !== "/") redirect(home);

  return (
    <section className="card max-w-2xl p-8">
      <h1 className="text-2xl font-semibold text-zinc-900">
        Welcome, {user.name}
      </h1>
      <p className="mt-3 text-zinc-700">
        You are signed in to {user.organization.name} as a{" "}
        {ROLE_LABELS[user.role]}. This role has no access to Email Contacts
        administration.
      </p>
      <p className="mt-3 text-zinc-700">
        If you need to manage email contacts, ask your organization&apos;s
        Parent Admin for the Admin role.
      </p>
    </section>
  );
}
