import "server-only";

import { recordAuditEvent } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/audit/request-context";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canViewEmailContacts } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Refusal } from "@/lib/errors/refusal";
import { Prisma } from "@/lib/generated/prisma/client";

import { customFieldInputSchema } from "./custom-field-input";
import { deriveApiName } from "./field-names";

export type FieldsActor = { userId: string; organizationId: string };

export type DefinedCustomField = {
  id: string;
  label: string;
  apiName: string;
  type: string;
};

/** The early answer for the server action, from the user it just read. */
export function fieldsActorFrom(user: CurrentUser | null): FieldsActor {
  if (!user) throw new Refusal("not_signed_in");
  if (!canViewEmailContacts(user.role)) throw new Refusal("fields_forbidden");

  return { userId: user.id, organizationId: user.organization.id };
}

/**
 * Defines a custom field of the actor's organization, its API name derived
 * from the label, with its audit event in the same transaction. The role is
 * read again inside the transaction, so a demotion since the page was
 * rendered (or since the action read the user) is honoured.
 */
export async function defineCustomField(
  actor: FieldsActor,
  context: RequestContext,
  rawInput: unknown,
): Promise<DefinedCustomField> {
  const input = customFieldInputSchema.parse(rawInput);
  const apiName = deriveApiName(input.label);
  if (!apiName) throw new Refusal("field_label_unusable");

  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findFirst({
        where: { id: actor.userId, organizationId: actor.organizationId },
        select: { email: true, role: true },
      });
      if (!user) throw new Refusal("not_signed_in");
      if (!canViewEmailContacts(user.role)) {
        throw new Refusal("fields_forbidden");
      }

      const field = await tx.customField.create({
        data: {
          organizationId: actor.organizationId,
          label: input.label,
          apiName,
          type: input.type,
        },
        select: { id: true, label: true, apiName: true, type: true },
      });

      await recordAuditEvent(tx, {
        organizationId: actor.organizationId,
        action: "custom_field.created",
        actor: { userId: actor.userId, label: user.email },
        context,
        details: { label: field.label, apiName, type: field.type },
      });

      return field;
    });
  } catch (error) {
    // The unique (organizationId, apiName) index is the real guard: two
    // admins saving the same label at once get one field and one refusal.
    if (isUniqueViolation(error)) throw new Refusal("field_duplicate");
    throw error;
  }
}

/** The organization's custom fields, for the Fields screen. */
export function listCustomFields(organizationId: string) {
  return db.customField.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      label: true,
      apiName: true,
      type: true,
      createdAt: true,
    },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002"
  );
}
