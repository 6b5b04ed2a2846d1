import "server-only";

import {
  accessKeyHint,
  digestAccessKey,
  generateCredentials,
  type Credentials,
} from "@/lib/api-keys/credentials";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/audit/request-context";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canManageApiKey } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Refusal } from "@/lib/errors/refusal";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The signed-in user acting on their own organization's key. */
export type ApiKeyActor = {
  userId: string;
  organizationId: string;
};

export type KeyChangeOptions = {
  /**
   * The Auth ID the caller's screen showed (null: it showed no key). When
   * given and the key has changed since, the change is refused as stale, so
   * a forgotten tab cannot replace or delete a key its user never saw.
   */
  expectedAuthId?: string | null;
};

export type GeneratedApiKey = Credentials & { replaced: boolean };

export type DeletedApiKey = { alreadyDeleted: boolean };

/**
 * The early answer for a server action, from the user it just read: refuses
 * before any work is done. The transaction checks all of it again under lock.
 */
export function apiKeyActorFrom(user: CurrentUser | null): ApiKeyActor {
  if (!user) throw new Refusal("not_signed_in");
  if (!canManageApiKey(user.role)) throw new Refusal("forbidden");
  if (!user.organization.contactApiEnabled) {
    throw new Refusal("feature_disabled");
  }

  return { userId: user.id, organizationId: user.organization.id };
}

// Fifty requests for one organization queue on its row lock; the defaults
// (2 s to get a connection, 5 s to finish) are too tight for that queue.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/**
 * Creates the organization's key, or replaces the current one: the old
 * credentials stop working in the same transaction. Returns the Access Key,
 * which is not stored and cannot be read again.
 */
export async function generateApiKey(
  actor: ApiKeyActor,
  context: RequestContext,
  options: KeyChangeOptions = {},
): Promise<GeneratedApiKey> {
  const credentials = generateCredentials();

  return db.$transaction(async (tx) => {
    const { current, auditActor } = await lockForKeyChange(tx, actor);
    assertUnchanged(current, options.expectedAuthId);

    const fields = {
      authId: credentials.authId,
      accessKeyDigest: new Uint8Array(digestAccessKey(credentials.accessKey)),
      accessKeyHint: accessKeyHint(credentials.accessKey),
      createdById: actor.userId,
    };

    // Upsert on the unique organizationId is a single INSERT ... ON CONFLICT,
    // so even without the lock two writers could never leave two rows.
    await tx.apiKey.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, ...fields },
      update: { ...fields, createdAt: new Date(), lastUsedAt: null },
      select: { id: true },
    });

    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: current ? "api_key.replaced" : "api_key.generated",
      actor: auditActor,
      context,
      details: current
        ? { authId: credentials.authId, previousAuthId: current.authId }
        : { authId: credentials.authId },
    });

    return { ...credentials, replaced: current !== null };
  }, TRANSACTION_OPTIONS);
}

/** Deletes the organization's key for good; a missing key is not an error. */
export async function deleteApiKey(
  actor: ApiKeyActor,
  context: RequestContext,
  options: KeyChangeOptions = {},
): Promise<DeletedApiKey> {
  return db.$transaction(async (tx) => {
    const { current, auditActor } = await lockForKeyChange(tx, actor);

    // A key deleted elsewhere is the outcome this caller wanted anyway; only
    // a key replaced meanwhile is a surprise worth refusing.
    if (!current) return { alreadyDeleted: true };
    assertUnchanged(current, options.expectedAuthId);

    await tx.apiKey.deleteMany({
      where: { organizationId: actor.organizationId, authId: current.authId },
    });

    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: "api_key.deleted",
      actor: auditActor,
      context,
      details: { authId: current.authId },
    });

    return { alreadyDeleted: false };
  }, TRANSACTION_OPTIONS);
}

type LockedState = {
  current: { authId: string } | null;
  auditActor: AuditActor;
};

/**
 * Re-reads, inside the transaction, everything the change depends on. The
 * organization row stays locked until commit, so key changes of one
 * organization run one after another and a feature switch waits for them:
 * what was checked here is still true when the change commits.
 */
async function lockForKeyChange(
  tx: Prisma.TransactionClient,
  actor: ApiKeyActor,
): Promise<LockedState> {
  const [organization] = await tx.$queryRaw<{ contactApiEnabled: boolean }[]>`
    SELECT "contactApiEnabled" FROM "Organization"
    WHERE "id" = ${actor.organizationId}::uuid
    FOR UPDATE`;

  const user = await tx.user.findFirst({
    where: { id: actor.userId, organizationId: actor.organizationId },
    select: { email: true, role: true },
  });

  if (!organization || !user) throw new Refusal("not_signed_in");
  if (!canManageApiKey(user.role)) throw new Refusal("forbidden");
  if (!organization.contactApiEnabled) throw new Refusal("feature_disabled");

  const current = await tx.apiKey.findUnique({
    where: { organizationId: actor.organizationId },
    select: { authId: true },
  });

  return { current, auditActor: { userId: actor.userId, label: user.email } };
}

function assertUnchanged(
  current: { authId: string } | null,
  expectedAuthId: string | null | undefined,
): void {
  if (expectedAuthId === undefined) return;
  if ((current?.authId ?? null) !== expectedAuthId) throw new Refusal("stale");
}

export type ApiKeyOverview = {
  key: {
    authId: string;
    accessKeyHint: string;
    createdAt: Date;
    createdBy: { name: string; email: string } | null;
    lastUsedAt: Date | null;
  } | null;
  recentChanges: {
    id: string;
    action: string;
    actorLabel: string;
    createdAt: Date;
  }[];
};

const RECENT_CHANGES_SHOWN = 10;

/**
 * What the API Keys page may show: metadata and the recent changes of the
 * key and of the feature flag. The select lists are the guard; the digest is
 * never read, so it cannot reach a page by accident.
 */
export async function getApiKeyOverview(
  organizationId: string,
): Promise<ApiKeyOverview> {
  const [key, recentChanges] = await Promise.all([
    db.apiKey.findUnique({
      where: { organizationId },
      select: {
        authId: true,
        accessKeyHint: true,
        createdAt: true,
        lastUsedAt: true,
        createdBy: {
          where: { organizationId },
          select: { name: true, email: true },
        },
      },
    }),
    db.auditEvent.findMany({
      where: {
        organizationId,
        OR: [
          { action: { startsWith: "api_key." } },
          { action: { startsWith: "contact_api." } },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_CHANGES_SHOWN,
      select: { id: true, action: true, actorLabel: true, createdAt: true },
    }),
  ]);

  return { key, recentChanges };
}
