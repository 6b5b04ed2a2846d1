import type { Metadata } from "next";

import { ContactApiDisabledNotice } from "@/components/contact-api/feature-disabled-notice";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Contact API" };

export default async function ContactApiPage() {
  const user = await requireEmailContactsAccess();

  return (
    <div className="max-w-3xl space-y-6">
      {!user.organization.contactApiEnabled && <ContactApiDisabledNotice />}

      <section className="card space-y-4 p-6 text-zinc-800">
        <h2 className="text-lg font-semibold text-zinc-900">How it works</h2>
        <p>
          The Contact API is a REST API that other systems, such as an HR
          system, an integration platform or a sync job, call to read and change
          the email contacts of {user.organization.name}.
        </p>
        <p>
          Its base path is{" "}
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-sm">
            /api/v1
          </code>
          . Requests authenticate with HTTP Basic authentication: the{" "}
          <strong>Auth ID</strong> is the user name and the{" "}
          <strong>Access Key</strong> the password.
        </p>
        <p>
          Your organization has one API key, shared by all of its integrations.
          Replacing or deleting it stops every integration that uses it.
        </p>
      </section>
    </div>
  );
}
