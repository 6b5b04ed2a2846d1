import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ApiProblem } from "@/lib/http/problem";

import { customFieldErrors, mergeCustomFields } from "./custom-fields";
import { decodeCursor, encodeCursor, isUuid } from "./ids";
import {
  contactOutputSchema,
  type ContactCreateInput,
  type ContactListQuery,
  type ContactOutput,
  type ContactPatchInput,
  type CustomFieldsInput,
} from "./schema";

// Every function takes the organization id first and puts it inside every
// `where`: a contact of another organization is never read or written, and
// is answered exactly like one that does not exist.

export type ContactPage = {
  data: ContactOutput[];
  nextCursor: string | null;
};

/** One page in creation order (ids are uuid v7); the cursor is the last id seen. */
export async function listContacts(
  organizationId: string,
  { limit, cursor }: ContactListQuery,
): Promise<ContactPage> {
  const afterId = cursor === undefined ? undefined : decodeCursor(cursor);

  // Ordered by the unique id and resumed strictly after the last one, so a
  // page never repeats or skips a contact, whatever is written meanwhile.
  const rows = await db.contact.findMany({
    where: { organizationId, ...(afterId && { id: { gt: afterId } }) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit;

  return {
    data: page.map(toOutput),
    nextCursor: hasMore && last ? encodeCursor(last.id) : null,
  };
}

export async function getContact(
  organizationId: string,
  id: string,
): Promise<ContactOutput> {
  if (!isUuid(id)) throw contactNotFound();

  const row = await db.contact.findUnique({ where: { id, organizationId } });
  if (!row) throw contactNotFound();

  return toOutput(row);
}

/** Creates a contact; 409 when its Unique Contact ID (the email) is taken. */
export async function createContact(
  organizationId: string,
  input: ContactCreateInput,
): Promise<ContactOutput> {
  const { customFields = {}, ...fields } = input;
  await checkCustomFields(organizationId, customFields);

  // No look-up first: the unique index decides, so two concurrent creates
  // of one email get one 201 and one 409, never two rows.
  const row = await db.contact
    .create({
      data: {
        ...fields,
        organizationId,
        uniqueId: fields.email,
        customFields: mergeCustomFields({}, customFields),
      },
    })
    .catch(rethrowUniqueViolation);

  return toOutput(row);
}

/** Changes the given fields only; a new email is a new Unique Contact ID. */
export async function updateContact(
  organizationId: string,
  id: string,
  patch: ContactPatchInput,
): Promise<ContactOutput> {
  if (!isUuid(id)) throw contactNotFound();

  const { customFields, ...fields } = patch;
  if (customFields) await checkCustomFields(organizationId, customFields);

  const row = await db
    .$transaction(async (tx) => {
      // Locked so that two patches of different custom fields both survive.
      const current = await lockContact(tx, organizationId, id);
      if (!current) throw contactNotFound();

      return tx.contact.update({
        where: { id, organizationId },
        data: {
          ...fields,
          ...(fields.email !== undefined && { uniqueId: fields.email }),
          ...(customFields && {
            customFields: mergeCustomFields(current.customFields, customFields),
          }),
        },
      });
    })
    .catch(rethrowUniqueViolation);

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
): Promise<{ customFields: unknown } | undefined> {
  return tx.$queryRaw<{ customFields: unknown }[]>`
    SELECT "customFields" FROM "Contact"
    WHERE "id" = ${id}::uuid AND "organizationId" = ${organizationId}::uuid
    FOR UPDATE`.then((rows) => rows[0]);
}

async function checkCustomFields(
  organizationId: string,
  values: CustomFieldsInput,
): Promise<void> {
  if (Object.keys(values).length === 0) return;

  const definitions = await db.customField.findMany({
    where: { organizationId },
    select: { apiName: true, type: true },
  });

  const errors = customFieldErrors(values, definitions);
  if (errors.length > 0) throw new ApiProblem("validation-failed", { errors });
}

function rethrowUniqueViolation(error: unknown): never {
  const isUniqueViolation =
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002";
  if (!isUniqueViolation) throw error;

  throw new ApiProblem("contact-exists", {
    detail: "A contact with this email already exists in the organization.",
    errors: [{ field: "email", message: "Already used by another contact." }],
  });
}

function contactNotFound(): ApiProblem {
  return new ApiProblem("not-found", { detail: "No contact with this id." });
}

function toOutput(row: unknown): ContactOutput {
  return contactOutputSchema.parse(row);
}
