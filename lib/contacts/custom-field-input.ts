import { z } from "zod";

import type { ActionResult } from "@/lib/actions/result";

// Shared by the Fields form and its server action; nothing here reaches the
// server, so the browser bundle may import it.

export const CUSTOM_FIELD_TYPES = [
  "TEXT",
  "NUMBER",
  "DATE",
  "BOOLEAN",
] as const;

export const CUSTOM_FIELD_TYPE_LABELS: Record<
  (typeof CUSTOM_FIELD_TYPES)[number],
  string
> = { TEXT: "Text", NUMBER: "Number", DATE: "Date", BOOLEAN: "Yes or no" };

export const MAX_LABEL_LENGTH = 100;

/** What the browser sends to define a field: never an organization id. */
export const customFieldInputSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, "Enter a label.")
    .max(MAX_LABEL_LENGTH, `Use at most ${MAX_LABEL_LENGTH} characters.`),
  type: z.enum(CUSTOM_FIELD_TYPES, "Choose a type."),
});

export type CustomFieldInput = z.input<typeof customFieldInputSchema>;

export type DefineCustomFieldResult = ActionResult<{
  field: { label: string; apiName: string };
}>;
