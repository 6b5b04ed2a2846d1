import type { Metadata } from "next";
import Link from "next/link";

import { DefineFieldForm } from "@/components/fields/define-field-form";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import { CUSTOM_FIELD_TYPE_LABELS } from "@/lib/contacts/custom-field-input";
import { listCustomFields } from "@/lib/contacts/define-custom-field";
import { formatDateTime } from "@/lib/format/date-time";

import { defineCustomFieldAction } from "./actions/define-custom-field";

export const metadata: Metadata = { title: "Fields" };

export default async function FieldsPage() {
  const user = await requireEmailContactsAccess();
  const fields = await listCustomFields(user.organization.id);

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
