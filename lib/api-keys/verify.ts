import "server-only";

import { timingSafeEqual } from "node:crypto";

import type { Logger } from "pino";

import { digestAccessKey } from "@/lib/api-keys/credentials";
import { db } from "@/lib/db/client";
import { parseBasicAuthorization } from "@/lib/http/basic-auth";
import { ApiProblem } from "@/lib/http/problem";

export type ApiKeyPrincipal = {
  organizationId: string;
  apiKeyId: string;
};

// lastUsedAt is shown to admins as "last used"; minute precision is plenty,
// and it spares a busy integration a row write on every call.
const LAST_USED_PRECISION_MS = 60_000;

// Compared against when the Auth ID is unknown, so that case costs the same
// hash and comparison as a wrong Access Key.
const DUMMY_DIGEST = digestAccessKey("eesk_no-such-key");

/**
 * Who is calling the Contact API, read from the database on every request:
 * nothing caches a success, so a replaced or deleted key fails on the very
 * next call on every instance. Throws the 401 or 403 problem.
 */
export async function authenticateApiKey(
  authorization: string | null,
  log?: Logger,
): Promise<ApiKeyPrincipal> {
  const key = await checkCredentials(authorization);

  await touchLastUsed(key, log);

  if (!key.organization.contactApiEnabled) {
    throw new ApiProblem("contact-api-disabled");
  }

  return { organizationId: key.organizationId, apiKeyId: key.id };
}

type StoredKey = NonNullable<Awaited<ReturnType<typeof findKey>>>;

async function checkCredentials(
  authorization: string | null,
): Promise<StoredKey> {
  const credentials = parseBasicAuthorization(authorization);
  if (!credentials) throw new ApiProblem("invalid-credentials");

  const key = await findKey(credentials.userId);

  // Hash and compare even for an unknown Auth ID: the response time must not
  // tell a caller whether the Auth ID exists.
  const presented = digestAccessKey(credentials.password);
  const expected = key ? Buffer.from(key.accessKeyDigest) : DUMMY_DIGEST;
  const digestsMatch =
    expected.length === presented.length &&
    timingSafeEqual(expected, presented);

  if (!key || !digestsMatch) throw new ApiProblem("invalid-credentials");

  return key;
}

function findKey(authId: string) {
  return db.apiKey.findUnique({
    where: { authId },
    select: {
      id: true,
      organizationId: true,
      accessKeyDigest: true,
      lastUsedAt: true,
      organization: { select: { contactApiEnabled: true } },
    },
  });
}

async function touchLastUsed(key: StoredKey, log?: Logger): Promise<void> {
  const now = Date.now();
  const threshold = new Date(now - LAST_USED_PRECISION_MS);
  if (key.lastUsedAt && key.lastUsedAt >= threshold) return;

  // Conditional, so concurrent requests of one key write the row once.
  try {
    await db.apiKey.updateMany({
      where: {
        id: key.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: threshold } }],
      },
      data: { lastUsedAt: new Date(now) },
    });
  } catch (error) {
    // "Last used" is informational; failing to record it must not refuse a
    // request that authenticated correctly.
    log?.warn({ err: error, apiKeyId: key.id }, "could not record API key use");
  }
}
