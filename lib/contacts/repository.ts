import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ApiProblem } from "@/lib/http/problem";

import { customFieldErrors, mergeCustomFields } from "./custom-fields";
import { isUuid } from "./ids";
import {
  contactOutputSchema,
  type ContactCreateInput,
  type ContactOutput,
  type ContactPatchInput,
} from "./schema";
import {
  checkContact,
  isUniqueViolation,
  loadContactSettings,
  type ContactSettings,
} from "./settings";
import { uniqueIdFieldName, uniqueIdOf } from "./unique-id";

// Every function takes the organization id first and puts it inside every
// `where`: a contact of another organization is never read or written, and
// is answered exactly like one that does not exist.

export async function getContact(
  organizationId: string,
  id: string,
): Promise<ContactOutput> {
  if (!isUuid(id)) throw contactNotFound();

  const row = await db.contact.findUnique({ where: { id, organizationId } });
  if (!row) throw contactNotFound();

  return toOutput(row);
}

/** Creates a contact; 409 when its Unique Contact ID is taken. */
export async function createContact(
  organizationId: string,
  input: ContactCreateInput,
): Promise<ContactOutput> {
  const settings = await loadContactSettings(organizationId);
  const checked = checkContact(settings, input);
  if (checked.uniqueId === null) {
    throw new ApiProblem("validation-failed", { errors: checked.errors });
  }
  const { customFields = {}, ...fields } = input;

  // No look-up first: the unique index decides, so two concurrent creates
  // of one contact get one 201 and one 409, never two rows.
  const row = await db.contact
    .create({
      data: {
        ...fields,
        organizationId,
        uniqueId: checked.uniqueId,
        customFields: mergeCustomFields({}, customFields),
      },
    })
    .catch((error: unknown) => rethrowUniqueViolation(error, settings));

  return toOutput(row);
}

/** Changes the given fields only; a new email or id field is a new Unique Contact ID. */
export async function updateContact(
  organizationId: string,
  id: string,
  patch: ContactPatchInput,
): Promise<ContactOutput> {
  if (!isUuid(id)) throw contactNotFound();

  const settings = await loadContactSettings(organizationId);
  const { customFields, ...fields } = patch;
  const errors = customFieldErrors(customFields ?? {}, settings.definitions);
  if (errors.length > 0) throw new ApiProblem("validation-failed", { errors });

  const row = await db
    .$transaction(async (tx) => {
      // Locked so that two patches of different custom fields both survive.
      const current = await lockContact(tx, organizationId, id);
      if (!current) throw contactNotFound();

      const merged = customFields
        ? mergeCustomFields(current.customFields, customFields)
        : current.customFields;
      const uniqueId = uniqueIdOf(settings.uniqueIdField, {
        email: fields.email ?? current.email,
        customFields: merged as ContactCreateInput["customFields"],
      });
      if ("error" in uniqueId) {
        throw new ApiProblem("validation-failed", { errors: [uniqueId.error] });
      }

      return tx.contact.update({
        where: { id, organizationId },
        data: {
          ...fields,
          uniqueId: uniqueId.uniqueId,
          ...(customFields && { customFields: merged as object }),
        },
      });
    })
    .catch((error: unknown) => rethrowUniqueViolation(error, settings));

  return toOutput(row);
}

export async function deleteContact(
  organizationId: string,
  id: string,
): Promise<void> {
  if (!isUuid(id)) throw contactNotFound();

  const { count } = await db.contact.deleteMany({
    where: { id, organizationId },
  });
  if (count === 0) throw contactNotFound();
}

function lockContact(
  tx: Prisma.TransactionClient,
  organizationId: string,
  id: string,
): Promise<{ email: string; customFields: unknown } | undefined> {
  return tx.$queryRaw<{ email: string; customFields: unknown }[]>`
    SELECT "email", "customFields" FROM "Contact"
    WHERE "id" = ${id}::uuid AND "organizationId" = ${organizationId}::uuid
    FOR UPDATE`.then((rows) => rows[0]);
}

function rethrowUniqueViolation(
  error: unknown,
  settings: ContactSettings,
): never {
  if (!isUniqueViolation(error)) throw error;

  throw new ApiProblem("contact-exists", {
    detail:
      "A contact with this Unique Contact ID already exists in the organization.",
    errors: [
      {
        field: uniqueIdFieldName(settings.uniqueIdField),
        message: "Already used by another contact.",
      },
    ],
  });
}

function contactNotFound(): ApiProblem {
  return new ApiProblem("not-found", { detail: "No contact with this id." });
}

function toOutput(row: unknown): ContactOutput {
  return contactOutputSchema.parse(row);
}
