import { randomInt } from "node:crypto";

import {
  accessKeyHint,
  digestAccessKey,
  generateCredentials,
  type Credentials,
} from "../../lib/api-keys/credentials";
import { database } from "./database";

/** Gives the organization a key straight through Prisma, as generation does. */
export async function seedKey(organizationId: string): Promise<Credentials> {
  const credentials = generateCredentials();
  const fields = {
    authId: credentials.authId,
    accessKeyDigest: new Uint8Array(digestAccessKey(credentials.accessKey)),
    accessKeyHint: accessKeyHint(credentials.accessKey),
  };
  await database().apiKey.upsert({
    where: { organizationId },
    create: { organizationId, ...fields },
    update: fields,
  });
  return credentials;
}

export async function currentAuthId(
  organizationId: string,
): Promise<string | null> {
  const key = await database().apiKey.findUnique({ where: { organizationId } });
  return key?.authId ?? null;
}

export function basic({ authId, accessKey }: Credentials): string {
  return `Basic ${Buffer.from(`${authId}:${accessKey}`, "utf8").toString("base64")}`;
}

/** A documentation-range client address, for a server that trusts X-Forwarded-For. */
export function freshAddress(): string {
  return `198.19.${randomInt(256)}.${randomInt(1, 255)}`;
}
