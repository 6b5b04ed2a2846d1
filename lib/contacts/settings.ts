import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FieldError } from "@/lib/http/problem";

import { customFieldErrors, type CustomFieldDefinition } from "./custom-fields";
import type { CustomFieldsInput } from "./schema";
import {
  EMAIL_UNIQUE_ID,
  uniqueIdFieldOf,
  uniqueIdOf,
  type UniqueIdField,
} from "./unique-id";

/** What a write needs to know about the organization, read once per request. */
export type ContactSettings = {
  uniqueIdField: UniqueIdField;
  definitions: (CustomFieldDefinition & { label: string })[];
};

export async function loadContactSettings(
  organizationId: string,
): Promise<ContactSettings> {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      uniqueContactIdField: true,
      customFields: {
        select: { apiName: true, type: true, label: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });

  return {
    uniqueIdField: uniqueIdFieldOf(
      organization.uniqueContactIdField,
      organization.customFields,
    ),
    definitions: organization.customFields,
  };
}

/** Every error of a contact's custom fields and Unique Contact ID, or its id. */
export function checkContact(
  settings: ContactSettings,
  contact: { email?: string | null; customFields?: CustomFieldsInput },
): { uniqueId: string; errors: [] } | { uniqueId: null; errors: FieldError[] } {
  const errors = customFieldErrors(
    contact.customFields ?? {},
    settings.definitions,
  );
  const id = uniqueIdOf(settings.uniqueIdField, contact);

  if ("error" in id) {
    const named = errors.some((e) => e.field === id.error.field);
    return { uniqueId: null, errors: named ? errors : [...errors, id.error] };
  }
  if (errors.length > 0) return { uniqueId: null, errors };
  return { uniqueId: id.uniqueId, errors: [] };
}

export class UniqueIdSettingError extends Error {}

/**
 * Makes `field` ("email" or a TEXT or NUMBER custom field) the Unique Contact
 * ID and recomputes every contact's uniqueId in the same transaction; refused
 * when a contact lacks a value or two contacts share one. `withinTransaction`
 * runs first inside that transaction: the caller's permission check and its
 * audit record then stand or fall with the change.
 */
export async function setUniqueContactIdField(
  organizationId: string,
  field: string,
  withinTransaction?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<void> {
  const definitions = await db.customField.findMany({
    where: { organizationId },
    select: { apiName: true, type: true },
  });
  try {
    uniqueIdFieldOf(field, definitions);
  } catch {
    throw new UniqueIdSettingError(
      `"${field}" is neither email nor a TEXT or NUMBER custom field.`,
    );
  }

  const value =
    field === EMAIL_UNIQUE_ID
      ? Prisma.sql`"email"`
      : Prisma.sql`"customFields" ->> ${field}`;

  await db
    .$transaction(async (tx) => {
      await withinTransaction?.(tx);

      await tx.organization.update({
        where: { id: organizationId },
        data: { uniqueContactIdField: field },
      });

      const [counted] = await tx.$queryRaw<{ missing: number }[]>`
        SELECT count(*)::int AS missing FROM "Contact"
        WHERE "organizationId" = ${organizationId}::uuid
          AND coalesce(btrim(${value}), '') = ''`;
      const missing = counted?.missing ?? 0;
      if (missing > 0) {
        throw new UniqueIdSettingError(
          `${missing} contact(s) have no value for "${field}".`,
        );
      }

      // Same normalisation as normaliseUniqueId: trimmed, NFC, lower case.
      await tx.$executeRaw`
        UPDATE "Contact"
        SET "uniqueId" = lower(normalize(btrim(${value}), NFC))
        WHERE "organizationId" = ${organizationId}::uuid`;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw new UniqueIdSettingError(
          `Two or more contacts share a value of "${field}".`,
        );
      }
      throw error;
    });
}

/** A unique violation, whether Prisma mapped it (P2002) or raw SQL raised it. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  return error.code === "P2010" && /23505|unique/i.test(error.message);
}
