"use client";

import { useId, useState, useTransition } from "react";

import {
  CUSTOM_FIELD_TYPE_LABELS,
  CUSTOM_FIELD_TYPES,
  MAX_LABEL_LENGTH,
  type CustomFieldInput,
  type DefineCustomFieldResult,
} from "@/lib/contacts/custom-field-input";
import { deriveApiName } from "@/lib/contacts/field-names";

import { FormNotice, UNREACHABLE, type Notice } from "./form-notice";

type DefineFieldFormProps = {
  action: (input: CustomFieldInput) => Promise<DefineCustomFieldResult>;
};

const FIELD = "mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2";

/**
 * The API name is derived here only to show it while the admin types; the
 * action derives it again on the server, and that is the one stored.
 */
export function DefineFieldForm({ action }: DefineFieldFormProps) {
  const [label, setLabel] = useState("");
  const [type, setType] = useState<CustomFieldInput["type"]>("TEXT");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, startTransition] = useTransition();
  const apiNameId = useId();

  const apiName = deriveApiName(label);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);

    startTransition(async () => {
      try {
        const result = await action({ label, type });
        if (!result.ok) return setNotice({ kind: "error", text: result.error });

        setLabel("");
        setNotice({
          kind: "success",
          text: `Field “${result.field.label}” added as ${result.field.apiName}.`,
        });
      } catch {
        setNotice(UNREACHABLE);
      }
    });
  }

  return (
    <form onSubmit={submit} className="card space-y-4 p-6 text-sm">
      <h2 className="text-lg font-semibold text-zinc-900">Add a field</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="font-medium text-zinc-800">
          Label
          <input
            name="label"
            required
            maxLength={MAX_LABEL_LENGTH}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            aria-describedby={apiNameId}
            className={FIELD}
          />
        </label>
        <label className="font-medium text-zinc-800">
          Type
          <select
            name="type"
            value={type}
            onChange={(event) =>
              setType(event.target.value as CustomFieldInput["type"])
            }
            className={FIELD}
          >
            {CUSTOM_FIELD_TYPES.map((value) => (
              <option key={value} value={value}>
                {CUSTOM_FIELD_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={apiNameId} className="text-zinc-700">
        API name:{" "}
        <output
          aria-label="API name"
          className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono"
        >
          {apiName || "—"}
        </output>
      </p>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          className="btn-primary"
          disabled={pending || !apiName}
        >
          {pending ? "Adding…" : "Add field"}
        </button>
        <FormNotice notice={notice} />
      </div>
    </form>
  );
}
