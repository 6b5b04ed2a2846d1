import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

// Credentials are ASCII, carry a prefix that secret scanners and people can
// recognise, and never contain a colon (HTTP Basic splits on the first one).
export const AUTH_ID_PREFIX = "eeid_";
export const ACCESS_KEY_PREFIX = "eesk_";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// 32 random bytes (256 bits) encode to at most 43 base62 characters; the
// CRC-32 checksum to at most 6. Both are left-padded to a fixed width.
const SECRET_WIDTH = 43;
const CHECKSUM_WIDTH = 6;
const AUTH_ID_WIDTH = 22;

export const ACCESS_KEY_LENGTH =
  ACCESS_KEY_PREFIX.length + SECRET_WIDTH + CHECKSUM_WIDTH;

export type Credentials = {
  authId: string;
  accessKey: string;
};

export function generateCredentials(): Credentials {
  const authId = AUTH_ID_PREFIX + toBase62(randomBytes(16), AUTH_ID_WIDTH);
  const secret = toBase62(randomBytes(32), SECRET_WIDTH);

  return { authId, accessKey: ACCESS_KEY_PREFIX + secret + checksumOf(secret) };
}

/**
 * True when the string has the shape of an Access Key and its checksum
 * matches: a scanner can tell a real key from a look-alike offline.
 */
export function hasValidAccessKeyChecksum(candidate: string): boolean {
  if (candidate.length !== ACCESS_KEY_LENGTH) return false;
  if (!candidate.startsWith(ACCESS_KEY_PREFIX)) return false;

  const body = candidate.slice(ACCESS_KEY_PREFIX.length);
  if (!/^[0-9A-Za-z]+$/.test(body)) return false;

  const secret = body.slice(0, SECRET_WIDTH);
  return body.slice(SECRET_WIDTH) === checksumOf(secret);
}

/** The stored form of an Access Key: a fast digest suits a 256-bit secret. */
export function digestAccessKey(accessKey: string): Buffer {
  return createHash("sha256").update(accessKey, "utf8").digest();
}

/** The last four characters, the only part of the key shown after generation. */
export function accessKeyHint(accessKey: string): string {
  return accessKey.slice(-4);
}

function checksumOf(secret: string): string {
  const crc = crc32(Buffer.from(secret, "ascii"));
  return toBase62(BigInt(crc), CHECKSUM_WIDTH);
}

function toBase62(input: Buffer | bigint, width: number): string {
  let value =
    typeof input === "bigint"
      ? input
      : BigInt("0x" + (input.toString("hex") || "0"));
  let text = "";

  while (value > 0n) {
    text = BASE62[Number(value % 62n)] + text;
    value /= 62n;
  }

  return text.padStart(width, "0");
}
