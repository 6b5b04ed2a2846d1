"use client";

import { useState, useTransition } from "react";

import type {
  ChangeUniqueIdResult,
  UniqueIdInput,
} from "@/lib/contacts/unique-id-input";

import { FormNotice, UNREACHABLE, type Notice } from "./form-notice";

type Choice = { value: string; label: string };

type UniqueIdFormProps = {
  current: string;
  choices: Choice[];
  action: (input: UniqueIdInput) => Promise<ChangeUniqueIdResult>;
};

/**
 * The Parent Admin's control for the Unique Contact ID. The server decides
 * whether the field can serve (every contact has a value, no two share one)
 * and says why not.
 */
export function UniqueIdForm({ current, choices, action }: UniqueIdFormProps) {
  const [field, setField] = useState(current);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);

    startTransition(async () => {
      try {
        const result = await action({ field });
        if (!result.ok) return setNotice({ kind: "error", text: result.error });

        setNotice({
          kind: "success",
          text: `Contacts are now identified by ${result.field}.`,
        });
      } catch {
        setNotice(UNREACHABLE);
      }
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
      <label className="font-medium text-zinc-800">
        Unique Contact ID
        <select
          name="field"
          value={field}
          onChange={(event) => setField(event.target.value)}
          className="mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2"
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="btn-primary"
        disabled={pending || field === current}
      >
        {pending ? "Saving…" : "Save Unique Contact ID"}
      </button>
      <FormNotice notice={notice} />
    </form>
  );
}
