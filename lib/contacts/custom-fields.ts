import type { CustomFieldType } from "@/lib/generated/prisma/enums";
import type { FieldError } from "@/lib/http/problem";

import type { CustomFieldsInput } from "./schema";

export type CustomFieldDefinition = { apiName: string; type: CustomFieldType };

type StoredCustomFields = Record<string, string | number | boolean>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Errors for keys the organization does not define or values of the wrong type. */
export function customFieldErrors(
  values: CustomFieldsInput,
  definitions: CustomFieldDefinition[],
): FieldError[] {
  const types = new Map(definitions.map((d) => [d.apiName, d.type]));

  return Object.entries(values).flatMap(([name, value]): FieldError[] => {
    const field = `customFields.${name}`;
    const type = types.get(name);

    if (!type) return [{ field, message: "Unknown custom field." }];
    if (value === null || fitsType(value, type)) return [];
    return [{ field, message: TYPE_MESSAGES[type] }];
  });
}

/** Applies a patch: a value sets its key, null removes it. */
export function mergeCustomFields(
  current: unknown,
  patch: CustomFieldsInput,
): StoredCustomFields {
  const merged: StoredCustomFields = { ...asStored(current) };

  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }

  return merged;
}

const TYPE_MESSAGES: Record<CustomFieldType, string> = {
  TEXT: "Must be a string.",
  NUMBER: "Must be a number.",
  DATE: "Must be a date in the form YYYY-MM-DD.",
  BOOLEAN: "Must be true or false.",
};

function fitsType(
  value: string | number | boolean,
  type: CustomFieldType,
): boolean {
  switch (type) {
    case "TEXT":
      return typeof value === "string";
    case "NUMBER":
      return typeof value === "number";
    case "BOOLEAN":
      return typeof value === "boolean";
    case "DATE":
      return typeof value === "string" && isCalendarDate(value);
  }
}

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;

  // Date.parse accepts 2024-02-30 by rolling over; the round trip does not.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function asStored(value: unknown): StoredCustomFields {
  const isObject =
    typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject ? (value as StoredCustomFields) : {};
}
