import type { Metadata } from "next";
import { headers } from "next/headers";

import { ApiReference } from "@/components/contact-api/api-reference";
import { ContactApiDisabledNotice } from "@/components/contact-api/feature-disabled-notice";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import {
  referenceOperations,
  type OpenApiDocument,
} from "@/lib/contact-api-reference/operations";
import { buildOpenApiDocument } from "@/lib/contacts/openapi";

export const metadata: Metadata = { title: "API Reference" };

// Built from the same document /api/v1/openapi.json serves, which is built
// from the zod schemas the handlers validate with: the page cannot drift.
const operations = referenceOperations(
  buildOpenApiDocument() as OpenApiDocument,
);

export default async function ApiReferencePage() {
  const user = await requireEmailContactsAccess();

  return (
    <div className="max-w-4xl space-y-6">
      <h2 className="text-xl font-semibold text-zinc-900">API Reference</h2>
      {!user.organization.contactApiEnabled && <ContactApiDisabledNotice />}
      <ApiReference baseUrl={await baseUrl()} operations={operations} />
    </div>
  );
}

// Only shown in the examples, never used to build a link or a redirect, so
// a forged Host header changes nothing but the text of this page.
async function baseUrl(): Promise<string> {
  const source = await headers();
  const host = source.get("x-forwarded-host") ?? source.get("host");
  const protocol = source.get("x-forwarded-proto") ?? "http";

  return host ? `${protocol}://${host}` : "https://your-app.example";
}
