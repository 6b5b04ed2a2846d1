import { randomUUID } from "node:crypto";

import {
  accessKeyHint,
  digestAccessKey,
  generateCredentials,
  type Credentials,
} from "@/lib/api-keys/credentials";
import { db } from "@/lib/db/client";

// Test fixtures: each test seeds its own organization and key through Prisma,
// so tests never depend on demo data or on each other. Not used by the app.

export type TestOrganization = {
  id: string;
  credentials: Credentials;
  apiKeyId: string;
  authorization: string;
};

export async function seedOrganizationWithKey(
  options: { contactApiEnabled?: boolean } = {},
): Promise<TestOrganization> {
  const organization = await db.organization.create({
    data: {
      name: `Contact API test ${randomUUID()}`,
      contactApiEnabled: options.contactApiEnabled ?? true,
    },
  });

  return { id: organization.id, ...(await issueKey(organization.id)) };
}

/** Creates the organization's key, replacing any current one, as generation does. */
export async function issueKey(
  organizationId: string,
): Promise<Omit<TestOrganization, "id">> {
  const credentials = generateCredentials();
  const fields = {
    authId: credentials.authId,
    accessKeyDigest: new Uint8Array(digestAccessKey(credentials.accessKey)),
    accessKeyHint: accessKeyHint(credentials.accessKey),
    lastUsedAt: null,
  };

  const key = await db.apiKey.upsert({
    where: { organizationId },
    create: { organizationId, ...fields },
    update: fields,
  });

  return {
    credentials,
    apiKeyId: key.id,
    authorization: basicHeader(credentials),
  };
}

export function basicHeader({ authId, accessKey }: Credentials): string {
  return `Basic ${Buffer.from(`${authId}:${accessKey}`, "utf8").toString("base64")}`;
}
