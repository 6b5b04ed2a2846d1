import "server-only";

import { recordAuditEvent } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The Customer Success switch of the Contact API feature, used by
// scripts/contact-api-feature.ts. There is no self-service switch in the app.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTOR = { userId: null, label: "customer-success" };

async function findOrganization(db: PrismaClient, nameOrId: string) {
  // Names are matched without regard to case: Customer Success types them.
  const where = UUID.test(nameOrId)
    ? { id: nameOrId }
    : { name: { equals: nameOrId, mode: "insensitive" as const } };
  const matches = await db.organization.findMany({
    where,
    select: { id: true, name: true, contactApiEnabled: true },
    take: 2,
  });

  if (matches.length > 1)
    throw new Error(
      `Several organizations are named "${nameOrId}"; give its id instead.`,
    );
  const [organization] = matches;
  if (!organization)
    throw new Error(`No organization named or with id "${nameOrId}".`);

  return organization;
}

/**
 * Switches the feature and records the change, in one transaction. Asking for
 * the state the organization already has changes and records nothing.
 */
export async function setContactApiEnabled(
  db: PrismaClient,
  nameOrId: string,
  enabled: boolean,
): Promise<{ id: string; name: string; changed: boolean }> {
  const organization = await findOrganization(db, nameOrId);
  const { id, name } = organization;
  if (organization.contactApiEnabled === enabled)
    return { id, name, changed: false };

  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: organization.id },
      data: { contactApiEnabled: enabled },
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      action: enabled ? "contact_api.enabled" : "contact_api.disabled",
      actor: ACTOR,
      context: { ipAddress: null, userAgent: null },
    });
  });

  return { id, name, changed: true };
}
