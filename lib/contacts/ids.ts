import { randomBytes } from "node:crypto";

import { ApiProblem } from "@/lib/http/problem";

// Contact ids are PostgreSQL uuids: anything else could only make the query
// fail, so it is answered like a contact that does not exist.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// A cursor is opaque to clients (base64url of the last id of a page), so its
// contents may change later without breaking anyone who treats it that way.
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, "utf8").toString("base64url");
}

/** The contact id a cursor points after; a 400 problem for anything forged. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");

  // Buffer ignores characters outside the alphabet, so only a cursor that
  // re-encodes to itself is one we issued.
  if (!isUuid(id) || encodeCursor(id) !== cursor) {
    throw new ApiProblem("invalid-cursor", {
      detail: "Use the nextCursor value of a previous page, unchanged.",
    });
  }

  return id.toLowerCase();
}

/**
 * A new uuid v7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Raw SQL inserts need it because Prisma's @default(uuid(7)) is applied by
 * the Prisma client, not by PostgreSQL.
 */
export function newContactId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;

  const hex = bytes.toString("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join("-");
}
