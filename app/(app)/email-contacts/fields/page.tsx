import type { Metadata } from "next";
import Link from "next/link";

import { DefineFieldForm } from "@/components/fields/define-field-form";
import { UniqueIdForm } from "@/components/fields/unique-id-form";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import { canManageApiKey } from "@/lib/auth/permissions";
import { CUSTOM_FIELD_TYPE_LABELS } from "@/lib/contacts/custom-field-input";
import { listCustomFields } from "@/lib/contacts/define-custom-field";
import { loadContactSettings } from "@/lib/contacts/settings";
import { uniqueIdFieldName } from "@/lib/contacts/unique-id";
import { formatDateTime } from "@/lib/format/date-time";

import { changeUniqueContactIdAction } from "./actions/change-unique-contact-id";
import { defineCustomFieldAction } from "./actions/define-custom-field";

export const metadata: Metadata = { title: "Fields" };

export default async function FieldsPage() {
  const user = await requireEmailContactsAccess();
  const fields = await listCustomFields(user.organization.id);
  const settings = await loadContactSettings(user.organization.id);
  const { uniqueIdField } = settings;
  const current =
    uniqueIdField.kind === "email" ? "email" : uniqueIdField.apiName;
  const choices = [
    { value: "email", label: "Email" },
    ...fields
      .filter((field) => field.type === "TEXT" || field.type === "NUMBER")
      .map((field) => ({ value: field.apiName, label: field.label })),
  ];

  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link href="/email-contacts" className="link">
          ← All contacts
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold text-zinc-900">Fields</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Every contact has first name, last name, email, location, department,
          job title and phone. Custom fields add more; the Contact API reads and
          writes them under their API name in{" "}
          <code className="rounded bg-zinc-100 px-1">customFields</code>.
        </p>
      </div>

      <DefineFieldForm action={defineCustomFieldAction} />

      <section
        aria-labelledby="unique-id-heading"
        className="card space-y-3 p-6 text-sm"
      >
        <h2
          id="unique-id-heading"
          className="text-lg font-semibold text-zinc-900"
        >
          Unique Contact ID
        </h2>
        <p className="text-zinc-700">
          The field that tells contacts apart: the Contact API&apos;s PUT and
          upload match on it. Currently{" "}
          <code className="rounded bg-zinc-100 px-1">
            {uniqueIdFieldName(uniqueIdField)}
          </code>
          .
        </p>
        {canManageApiKey(user.role) ? (
          <UniqueIdForm
            current={current}
            choices={choices}
            action={changeUniqueContactIdAction}
          />
        ) : (
          <p className="text-zinc-700">
            Only the Parent Admin can change the Unique Contact ID.
          </p>
        )}
      </section>

      <div className="card overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="px-4 pt-4 text-left text-lg font-semibold text-zinc-900">
            Custom fields
          </caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                Label
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                API name
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                Type
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                Added
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {fields.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-zinc-700">
                  No custom fields yet.
                </td>
              </tr>
            )}
            {fields.map((field) => (
              <tr key={field.id} className="text-zinc-800">
                <th scope="row" className="px-4 py-3 font-medium">
                  {field.label}
                </th>
                <td className="px-4 py-3 font-mono">{field.apiName}</td>
                <td className="px-4 py-3">
                  {CUSTOM_FIELD_TYPE_LABELS[field.type]}
                </td>
                <td className="px-4 py-3">{formatDateTime(field.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
