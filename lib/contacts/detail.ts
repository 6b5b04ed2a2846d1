import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";

export type ContactDetail = {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  location: string | null;
  department: string | null;
  jobTitle: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
  customFields: {
    label: string;
    apiName: string;
    type: CustomFieldType;
    value: string | number | boolean | null;
  }[];
};

const idSchema = z.uuid();

/**
 * One contact of the organization with its custom fields labelled, or null.
 * A contact of another organization is null exactly like a missing one, so
 * the page cannot tell anyone that an id exists elsewhere.
 */
export async function getContactDetail(
  organizationId: string,
  id: string,
): Promise<ContactDetail | null> {
  if (!idSchema.safeParse(id).success) return null;

  const [contact, definitions] = await Promise.all([
    db.contact.findFirst({
      where: { id, organizationId },
      select: {
        id: true,
        email: true,
        firstName: true,
        lastName: true,
        location: true,
        department: true,
        jobTitle: true,
        phone: true,
        customFields: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.customField.findMany({
      where: { organizationId },
      orderBy: [{ label: "asc" }, { id: "asc" }],
      select: { label: true, apiName: true, type: true },
    }),
  ]);
  if (!contact) return null;

  const values = asRecord(contact.customFields);

  return {
    ...contact,
    customFields: definitions.map((definition) => ({
      ...definition,
      value: values[definition.apiName] ?? null,
    })),
  };
}

function asRecord(
  value: unknown,
): Record<string, string | number | boolean | null> {
  const isObject =
    typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject ? (value as Record<string, string | number | boolean>) : {};
}
