import "server-only";

import { recordAuditEvent } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/audit/request-context";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canManageApiKey } from "@/lib/auth/permissions";
import { Refusal } from "@/lib/errors/refusal";

import { setUniqueContactIdField, UniqueIdSettingError } from "./settings";
import { uniqueIdInputSchema } from "./unique-id-input";

// Which field identifies a contact decides what every integration's PUT and
// upload match on, so it is the Parent Admin's call, like the API key.

export type UniqueIdActor = { userId: string; organizationId: string };

/** The early answer for the server action, from the user it just read. */
export function uniqueIdActorFrom(user: CurrentUser | null): UniqueIdActor {
  if (!user) throw new Refusal("not_signed_in");
  if (!canManageApiKey(user.role)) throw new Refusal("unique_id_forbidden");

  return { userId: user.id, organizationId: user.organization.id };
}

/**
 * Makes another field the organization's Unique Contact ID. The role is read
 * again inside the transaction that recomputes every contact's id, and the
 * audit event is written there too. A field that cannot serve (missing or
 * shared values, a wrong type) is refused with its reason, changing nothing.
 */
export async function changeUniqueContactIdField(
  actor: UniqueIdActor,
  context: RequestContext,
  rawInput: unknown,
): Promise<{ field: string }> {
  const { field } = uniqueIdInputSchema.parse(rawInput);

  try {
    await setUniqueContactIdField(actor.organizationId, field, async (tx) => {
      const user = await tx.user.findFirst({
        where: { id: actor.userId, organizationId: actor.organizationId },
        select: { email: true, role: true },
      });
      if (!user) throw new Refusal("not_signed_in");
      if (!canManageApiKey(user.role)) {
        throw new Refusal("unique_id_forbidden");
      }

      await recordAuditEvent(tx, {
        organizationId: actor.organizationId,
        action: "unique_contact_id.changed",
        actor: { userId: actor.userId, label: user.email },
        context,
        details: { field },
      });
    });
  } catch (error) {
    if (error instanceof UniqueIdSettingError) {
      throw new UniqueIdRefusal(error.message);
    }
    throw error;
  }

  return { field };
}

/** A refusal whose message explains why the field cannot be the id. */
export class UniqueIdRefusal extends Error {}
