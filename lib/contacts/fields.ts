import "server-only";

import { z } from "zod";

import { CONTACT_FIELD_MAX_LENGTHS } from "./schema";
import { loadContactSettings } from "./settings";
import { uniqueIdFieldName } from "./unique-id";

export const fieldListSchema = z.object({
  uniqueContactIdField: z.string().meta({
    description: 'The Unique Contact ID: "email" or "customFields.<apiName>".',
  }),
  data: z.array(
    z.object({
      apiName: z.string(),
      label: z.string(),
      kind: z.enum(["default", "custom"]),
      type: z.enum(["EMAIL", "TEXT", "NUMBER", "DATE", "BOOLEAN"]),
      required: z.boolean(),
      maxLength: z.number().int().optional(),
    }),
  ),
});

export type FieldList = z.output<typeof fieldListSchema>;

const DEFAULT_LABELS: Record<keyof typeof CONTACT_FIELD_MAX_LENGTHS, string> = {
  email: "Email",
  firstName: "First Name",
  lastName: "Last Name",
  location: "Location",
  department: "Department",
  jobTitle: "Job Title",
  phone: "Phone",
};

/** The organization's contact fields: the seven default ones, then its own. */
export async function listFields(organizationId: string): Promise<FieldList> {
  const settings = await loadContactSettings(organizationId);

  const defaults = Object.entries(CONTACT_FIELD_MAX_LENGTHS).map(
    ([apiName, maxLength]) => ({
      apiName,
      label: DEFAULT_LABELS[apiName as keyof typeof DEFAULT_LABELS],
      kind: "default" as const,
      type: apiName === "email" ? ("EMAIL" as const) : ("TEXT" as const),
      required: apiName === "email",
      maxLength,
    }),
  );
  const custom = settings.definitions.map((d) => ({
    apiName: d.apiName,
    label: d.label,
    kind: "custom" as const,
    type: d.type,
    required:
      settings.uniqueIdField.kind === "custom" &&
      settings.uniqueIdField.apiName === d.apiName,
  }));

  return fieldListSchema.parse({
    uniqueContactIdField: uniqueIdFieldName(settings.uniqueIdField),
    data: [...defaults, ...custom],
  });
}
