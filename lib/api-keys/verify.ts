import "server-only";

import { timingSafeEqual } from "node:crypto";

import type { Logger } from "pino";

import { digestAccessKey } from "@/lib/api-keys/credentials";
import { db } from "@/lib/db/client";
import { queryPrepared } from "@/lib/db/prepared";
import { Prisma } from "@/lib/generated/prisma/client";
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

  if (!key.contactApiEnabled) {
    throw new ApiProblem("contact-api-disabled");
  }

  // "Last used" means used successfully: a refused call does not count.
  await touchLastUsed(key, log);

  return { organizationId: key.organizationId, apiKeyId: key.id };
}

type StoredKey = {
  id: string;
  organizationId: string;
  accessKeyDigest: Uint8Array;
  contactApiEnabled: boolean;
  /** lastUsedAt is unset or older than LAST_USED_PRECISION_MS. */
  lastUseStale: boolean;
};

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

// One round trip whether or not the Auth ID exists: a relation select would
// add a second query only for a known Auth ID, and the time it takes would
// tell a caller holding a leaked Auth ID that it is live. The staleness of
// lastUsedAt is decided here too, on the database's clock, since the column
// holds UTC without a time zone and the pg driver would read it as local.
async function findKey(authId: string): Promise<StoredKey | undefined> {
  const rows = await queryPrepared<StoredKey>(Prisma.sql`
    SELECT k."id", k."organizationId", k."accessKeyDigest",
           o."contactApiEnabled",
           coalesce(k."lastUsedAt" < (now() AT TIME ZONE 'UTC') - ${`${LAST_USED_PRECISION_MS} milliseconds`}::interval, true)
             AS "lastUseStale"
    FROM "ApiKey" k
    JOIN "Organization" o ON o."id" = k."organizationId"
    WHERE k."authId" = ${authId}`);

  return rows[0];
}

async function touchLastUsed(key: StoredKey, log?: Logger): Promise<void> {
  if (!key.lastUseStale) return;

  const now = Date.now();
  const threshold = new Date(now - LAST_USED_PRECISION_MS);

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
