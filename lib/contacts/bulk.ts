import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/http/request-input";
import { ApiProblem, type FieldError } from "@/lib/http/problem";

import { newContactId } from "./ids";
import {
  contactCreateSchema,
  contactEmailSchema,
  contactOutputSchema,
  type ContactCreateInput,
  type ContactOutput,
  type ContactPutInput,
  type CustomFieldsInput,
} from "./schema";
import {
  checkContact,
  loadContactSettings,
  type ContactSettings,
} from "./settings";
import {
  uniqueIdFieldName,
  uniqueIdFromClient,
  valueFromUniqueId,
} from "./unique-id";

// Create-or-update by Unique Contact ID, for one contact (PUT) or up to a
// thousand (upload), through one INSERT ... ON CONFLICT statement.
//
// A row is the whole contact: a default field it leaves out is cleared. Its
// customFields are merged into the stored ones: a key sets its value, null
// removes it, keys not sent are kept.

export type UploadRowResult =
  | {
      index: number;
      status: "created" | "updated";
      id: string;
      uniqueId: string;
    }
  | { index: number; status: "error"; errors: FieldError[] };

export type UploadResult = {
  created: number;
  updated: number;
  failed: number;
  results: UploadRowResult[];
};

type Row = { uniqueId: string; input: ContactCreateInput };

type Written = { id: string; uniqueId: string; inserted: boolean };

/**
 * Validates every row on its own and writes the valid ones. A rejected row
 * writes nothing. Rows naming the same contact are applied in order, as if
 * sent one after another: the last one's default fields, every one's
 * customFields merged in turn.
 */
export async function uploadContacts(
  organizationId: string,
  rows: unknown[],
): Promise<UploadResult> {
  const settings = await loadContactSettings(organizationId);

  const results: UploadRowResult[] = [];
  const valid: { index: number; row: Row }[] = [];
  rows.forEach((raw, index) => {
    const checked = checkRow(settings, raw);
    if ("errors" in checked) {
      results[index] = { index, status: "error", errors: checked.errors };
    } else {
      valid.push({ index, row: checked });
    }
  });

  const written = await writeRows(organizationId, combineDuplicates(valid));
  const byUniqueId = new Map(written.map((w) => [w.uniqueId, w]));

  const seen = new Set<string>();
  for (const { index, row } of valid) {
    const write = byUniqueId.get(row.uniqueId)!;
    // The first row of a contact created it; any later row updated it.
    const created = write.inserted && !seen.has(row.uniqueId);
    seen.add(row.uniqueId);
    results[index] = {
      index,
      status: created ? "created" : "updated",
      id: write.id,
      uniqueId: row.uniqueId,
    };
  }

  return {
    created: results.filter((r) => r.status === "created").length,
    updated: results.filter((r) => r.status === "updated").length,
    failed: results.filter((r) => r.status === "error").length,
    results,
  };
}

/**
 * PUT /contacts/{uniqueId}: the URL names the contact. The body may leave the
 * id field out (the URL fills it in); if it sends it, it must say the same.
 */
export async function putContact(
  organizationId: string,
  rawUniqueId: string,
  input: ContactPutInput,
): Promise<{ contact: ContactOutput; created: boolean }> {
  const settings = await loadContactSettings(organizationId);
  const field = settings.uniqueIdField;
  const fromUrl = valueFromUniqueId(field, rawUniqueId);

  const contact = { ...input, customFields: { ...input.customFields } };
  if (field.kind === "custom") contact.customFields[field.apiName] ??= fromUrl;
  else if (contact.email === undefined) {
    const parsed = contactEmailSchema.safeParse(fromUrl);
    if (!parsed.success) {
      throw new ApiProblem("validation-failed", {
        errors: fieldErrors(parsed.error).map((e) => ({
          ...e,
          field: "email",
        })),
      });
    }
    contact.email = parsed.data;
  }

  const checked = checkContact(settings, contact);
  if (checked.uniqueId === null) {
    throw new ApiProblem("validation-failed", { errors: checked.errors });
  }
  if (checked.uniqueId !== uniqueIdFromClient(field, rawUniqueId)) {
    throw new ApiProblem("validation-failed", {
      errors: [
        {
          field: uniqueIdFieldName(field),
          message: "Must match the Unique Contact ID in the URL.",
        },
      ],
    });
  }
  if (!contact.email) {
    throw new ApiProblem("validation-failed", {
      errors: [{ field: "email", message: "Required." }],
    });
  }

  const row: Row = {
    uniqueId: checked.uniqueId,
    input: { ...contact, email: contact.email },
  };
  const [written] = await writeRows(organizationId, [row], true);
  const { inserted, ...stored } = written as Written & Record<string, unknown>;
  const contactOut = contactOutputSchema.parse(stored);

  return {
    // The row as returned may still hold the nulls stripped just after it.
    contact: {
      ...contactOut,
      customFields: Object.fromEntries(
        Object.entries(contactOut.customFields).filter(([, v]) => v !== null),
      ),
    },
    created: inserted,
  };
}

export type DeleteResult = {
  deleted: number;
  notFound: number;
  results: { uniqueId: string; status: "deleted" | "not-found" }[];
};

/** Deletes by Unique Contact ID in one statement; each id says what happened. */
export async function deleteContactsByUniqueId(
  organizationId: string,
  uniqueIds: string[],
): Promise<DeleteResult> {
  const { uniqueIdField } = await loadContactSettings(organizationId);
  const normalised = uniqueIds.map((id) =>
    uniqueIdFromClient(uniqueIdField, id),
  );

  const rows = await db.$queryRaw<{ uniqueId: string }[]>`
    DELETE FROM "Contact"
    WHERE "organizationId" = ${organizationId}::uuid
      AND "uniqueId" = ANY(${[...new Set(normalised)]}::text[])
    RETURNING "uniqueId"`;
  const deleted = new Set(rows.map((row) => row.uniqueId));

  const results = uniqueIds.map((uniqueId, index) => ({
    uniqueId,
    status: deleted.has(normalised[index]!)
      ? ("deleted" as const)
      : ("not-found" as const),
  }));

  return {
    deleted: rows.length,
    notFound: results.filter((r) => r.status === "not-found").length,
    results,
  };
}

function checkRow(
  settings: ContactSettings,
  raw: unknown,
): Row | { errors: FieldError[] } {
  const parsed = contactCreateSchema.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };

  const checked = checkContact(settings, parsed.data);
  if (checked.uniqueId === null) return { errors: checked.errors };

  return { uniqueId: checked.uniqueId, input: parsed.data };
}

function combineDuplicates(valid: { row: Row }[]): Row[] {
  const combined = new Map<string, Row>();

  for (const { row } of valid) {
    const earlier = combined.get(row.uniqueId);
    const customFields: CustomFieldsInput = {
      ...earlier?.input.customFields,
      ...row.input.customFields,
    };
    combined.set(row.uniqueId, {
      uniqueId: row.uniqueId,
      input: { ...row.input, customFields },
    });
  }

  // One lock order for every request: two uploads sharing contacts wait for
  // each other instead of deadlocking.
  return [...combined.values()].sort((a, b) =>
    a.uniqueId < b.uniqueId ? -1 : a.uniqueId > b.uniqueId ? 1 : 0,
  );
}

async function writeRows(
  organizationId: string,
  rows: Row[],
  returnContacts = false,
): Promise<Written[]> {
  if (rows.length === 0) return [];

  const column = <K extends keyof ContactCreateInput>(key: K) =>
    rows.map((r) => r.input[key] ?? null);
  const customFields = rows.map((r) =>
    JSON.stringify(r.input.customFields ?? {}),
  );

  const returning = returnContacts
    ? Prisma.sql`"id", "uniqueId", "email", "firstName", "lastName", "location",
        "department", "jobTitle", "phone", "customFields", "createdAt",
        "updatedAt", (xmax = 0) AS inserted`
    : Prisma.sql`"id", "uniqueId", (xmax = 0) AS inserted`;

  // xmax = 0 on the returned row version means this statement inserted it;
  // an updated row carries the id of the transaction that updated it.
  const upsert = db.$queryRaw<Written[]>`
    INSERT INTO "Contact" AS c ("id", "organizationId", "uniqueId", "email",
      "firstName", "lastName", "location", "department", "jobTitle", "phone",
      "customFields", "createdAt", "updatedAt")
    SELECT r.id, ${organizationId}::uuid, r.unique_id, r.email, r.first_name,
      r.last_name, r.location, r.department, r.job_title, r.phone,
      r.custom_fields::jsonb,
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${rows.map(() => newContactId())}::uuid[],
      ${rows.map((r) => r.uniqueId)}::text[],
      ${column("email")}::text[],
      ${column("firstName")}::text[],
      ${column("lastName")}::text[],
      ${column("location")}::text[],
      ${column("department")}::text[],
      ${column("jobTitle")}::text[],
      ${column("phone")}::text[],
      ${customFields}::text[]
    ) AS r(id, unique_id, email, first_name, last_name, location, department,
      job_title, phone, custom_fields)
    ON CONFLICT ("organizationId", "uniqueId") DO UPDATE SET
      "email" = EXCLUDED."email",
      "firstName" = EXCLUDED."firstName",
      "lastName" = EXCLUDED."lastName",
      "location" = EXCLUDED."location",
      "department" = EXCLUDED."department",
      "jobTitle" = EXCLUDED."jobTitle",
      "phone" = EXCLUDED."phone",
      "customFields" = jsonb_strip_nulls(c."customFields" || EXCLUDED."customFields"),
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING ${returning}`;

  // A null custom value removes the key. The update strips it above; a new
  // row keeps it as inserted (EXCLUDED must still carry the nulls), so the
  // same transaction strips those rows afterwards.
  const withNulls = rows
    .filter((r) => Object.values(r.input.customFields ?? {}).includes(null))
    .map((r) => r.uniqueId);
  if (withNulls.length === 0) return upsert;

  const [written] = await db.$transaction([
    upsert,
    db.$executeRaw`
      UPDATE "Contact" SET "customFields" = jsonb_strip_nulls("customFields")
      WHERE "organizationId" = ${organizationId}::uuid
        AND "uniqueId" = ANY(${withNulls}::text[])`,
  ]);
  return written;
}
