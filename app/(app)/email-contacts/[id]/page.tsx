import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import { getContactDetail } from "@/lib/contacts/detail";
import { formatDateTime } from "@/lib/format/date-time";

export const metadata: Metadata = { title: "Contact" };

type ContactPageProps = { params: Promise<{ id: string }> };

export default async function ContactPage({ params }: ContactPageProps) {
  const user = await requireEmailContactsAccess();

  const { id } = await params;
  const contact = await getContactDetail(user.organization.id, id);
  if (!contact) notFound();

  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");

  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/email-contacts" className="link">
          ← All contacts
        </Link>
      </p>
      <h1 className="text-2xl font-semibold text-zinc-900">
        {name || contact.email}
      </h1>

      <section aria-labelledby="contact-details" className="card p-6">
        <h2
          id="contact-details"
          className="text-lg font-semibold text-zinc-900"
        >
          Details
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          <Row term="First name">{contact.firstName}</Row>
          <Row term="Last name">{contact.lastName}</Row>
          <Row term="Email">{contact.email}</Row>
          <Row term="Department">{contact.department}</Row>
          <Row term="Job title">{contact.jobTitle}</Row>
          <Row term="Location">{contact.location}</Row>
          <Row term="Phone">{contact.phone}</Row>
          <Row term="Created">{formatDateTime(contact.createdAt)}</Row>
          <Row term="Updated">{formatDateTime(contact.updatedAt)}</Row>
        </dl>
      </section>

      <section aria-labelledby="contact-custom-fields" className="card p-6">
        <h2
          id="contact-custom-fields"
          className="text-lg font-semibold text-zinc-900"
        >
          Custom fields
        </h2>
        {contact.customFields.length === 0 ? (
          <p className="mt-3 text-zinc-700">
            Your organization has no custom fields.{" "}
            <Link href="/email-contacts/fields" className="link">
              Define fields
            </Link>
          </p>
        ) : (
          <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
            {contact.customFields.map((field) => (
              <Row key={field.apiName} term={field.label}>
                {field.value === null ? null : String(field.value)}
              </Row>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-zinc-700">{term}</dt>
      <dd className="text-zinc-900">
        {children ?? (
          <>
            <span aria-hidden="true" className="text-zinc-400">
              —
            </span>
            <span className="sr-only">Not set</span>
          </>
        )}
      </dd>
    </>
  );
}
