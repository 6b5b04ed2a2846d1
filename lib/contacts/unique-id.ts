import type { FieldError } from "@/lib/http/problem";

import type { CustomFieldDefinition } from "./custom-fields";
import type { CustomFieldsInput } from "./schema";

// The Unique Contact ID identifies a contact within its organization: the
// email by default, or the value of one TEXT or NUMBER custom field (such as
// employeeNumber) when the organization says so. Contact.uniqueId holds it
// normalised, so " Ada@Example.com" and "ada@example.com" are one contact.

export const EMAIL_UNIQUE_ID = "email";

// The unique index is a btree: keep its keys far below PostgreSQL's ~2.7 kB
// limit. 254 is also the longest email.
export const MAX_UNIQUE_ID_LENGTH = 254;

export type UniqueIdField =
  | { kind: "email" }
  | { kind: "custom"; apiName: string; type: "TEXT" | "NUMBER" };

/** Trimmed, in one Unicode form, compared without regard to case. */
export function normaliseUniqueId(value: string): string {
  return value.trim().normalize("NFC").toLowerCase();
}

/** The organization's setting read against its field definitions. */
export function uniqueIdFieldOf(
  setting: string,
  definitions: CustomFieldDefinition[],
): UniqueIdField {
  if (setting === EMAIL_UNIQUE_ID) return { kind: "email" };

  const definition = definitions.find((d) => d.apiName === setting);
  if (definition?.type === "TEXT" || definition?.type === "NUMBER") {
    return { kind: "custom", apiName: setting, type: definition.type };
  }

  // A setting naming a field that is gone must not make every write fail
  // open or closed silently: the write is refused and the log says why.
  throw new Error(
    `uniqueContactIdField "${setting}" names no TEXT or NUMBER custom field`,
  );
}

/** The field name errors are reported under ("email", "customFields.x"). */
export function uniqueIdFieldName(field: UniqueIdField): string {
  return field.kind === "email" ? "email" : `customFields.${field.apiName}`;
}

/** The normalised Unique Contact ID of a contact, or the error naming the field. */
export function uniqueIdOf(
  field: UniqueIdField,
  contact: { email?: string | null; customFields?: CustomFieldsInput },
): { uniqueId: string } | { error: FieldError } {
  const raw =
    field.kind === "email"
      ? contact.email
      : contact.customFields?.[field.apiName];
  const name = uniqueIdFieldName(field);

  if (raw === undefined || raw === null || raw === "") {
    return {
      error: { field: name, message: "Required: it is the Unique Contact ID." },
    };
  }

  const uniqueId = normaliseUniqueId(String(raw));
  if (uniqueId === "" || uniqueId.length > MAX_UNIQUE_ID_LENGTH) {
    return {
      error: {
        field: name,
        message: `As the Unique Contact ID, must be 1 to ${MAX_UNIQUE_ID_LENGTH} characters.`,
      },
    };
  }

  return { uniqueId };
}

/**
 * The value a Unique Contact ID from a URL gives its field when the body
 * leaves it out: the text as sent, or the number it spells.
 */
export function valueFromUniqueId(
  field: UniqueIdField,
  uniqueId: string,
): string | number | null {
  const trimmed = uniqueId.trim();
  if (field.kind === "email" || field.type === "TEXT") return trimmed;

  const number = Number(trimmed);
  return trimmed !== "" && Number.isFinite(number) ? number : null;
}

/** A Unique Contact ID as a client writes it (URL, delete list), normalised. */
export function uniqueIdFromClient(field: UniqueIdField, raw: string): string {
  return normaliseUniqueId(String(valueFromUniqueId(field, raw) ?? raw));
}
