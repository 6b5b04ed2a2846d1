import "server-only";

import { ACCESS_KEY_PREFIX } from "@/lib/api-keys/credentials";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { RequestContext } from "./request-context";

export type AuditAction =
  | "api_key.generated"
  | "api_key.replaced"
  | "api_key.deleted"
  | "contact_api.enabled"
  | "contact_api.disabled"
  | "custom_field.created"
  | "unique_contact_id.changed";

/** Who acted, as they read at the time; a script has no user id. */
export type AuditActor = {
  userId: string | null;
  label: string;
};

/** Flat, non-secret facts about the change, such as the Auth ID. */
export type AuditDetails = Record<string, string | number | boolean | null>;

export type AuditEventInput = {
  organizationId: string;
  action: AuditAction;
  actor: AuditActor;
  context: RequestContext;
  details?: AuditDetails;
};

/**
 * Writes one audit event with the caller's transaction client, so the event
 * exists if and only if the change it describes was committed.
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  event: AuditEventInput,
): Promise<void> {
  const details = event.details ?? {};
  assertNoSecret(details);

  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      actorUserId: event.actor.userId,
      actorLabel: event.actor.label,
      action: event.action,
      ipAddress: event.context.ipAddress,
      userAgent: event.context.userAgent,
      details,
    },
  });
}

// The audit log outlives any key, so a secret written here could never be
// revoked. Throwing rolls back the whole transaction, change included.
function assertNoSecret(details: AuditDetails): void {
  for (const [name, value] of Object.entries(details)) {
    const looksSecret =
      /accesskey|secret|password|digest/i.test(name) ||
      (typeof value === "string" && value.includes(ACCESS_KEY_PREFIX));

    if (looksSecret) {
      throw new Error(
        `Audit details must not hold a secret (field "${name}").`,
      );
    }
  }
}
