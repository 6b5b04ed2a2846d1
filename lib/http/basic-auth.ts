// HTTP Basic credentials (RFC 7617), parsed defensively: the header comes from
// anyone on the internet, so every malformed shape is "no credentials" and
// nothing here throws.

export type BasicCredentials = {
  userId: string;
  password: string;
};

// Our own credentials encode to about 112 characters; anything far longer is
// not a key of ours and is refused before any decoding work.
export const MAX_AUTHORIZATION_LENGTH = 1024;

// RFC 7235: the scheme, one or more spaces, then the token. Only SP separates
// them; surrounding whitespace (OWS) is tolerated.
const BASIC_HEADER = /^[ \t]*basic +([^ \t]+)[ \t]*$/i;

// Canonical base64 with padding; the round-trip check below also rejects
// non-zero bits hidden in the padding.
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// RFC 7617 forbids control characters in both parts.
const CONTROL_CHARACTER = /\p{Cc}/u;

// fatal: invalid UTF-8 is refused rather than turned into U+FFFD, so two
// different byte strings can never decode to the same credentials.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The user-id and password of a Basic Authorization header, or null. */
export function parseBasicAuthorization(
  header: unknown,
): BasicCredentials | null {
  try {
    const decoded = decodeToken(header);
    return decoded === null ? null : splitCredentials(decoded);
  } catch {
    return null;
  }
}

function decodeToken(header: unknown): string | null {
  if (typeof header !== "string") return null;
  if (header.length > MAX_AUTHORIZATION_LENGTH) return null;

  const token = BASIC_HEADER.exec(header)?.[1];
  if (!token || !BASE64.test(token)) return null;

  const bytes = Buffer.from(token, "base64");
  if (bytes.toString("base64") !== token) return null;

  return utf8.decode(bytes);
}

function splitCredentials(decoded: string): BasicCredentials | null {
  // Only the first colon splits: a password may contain colons, a user-id not.
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;

  const userId = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);

  if (userId === "" || password === "") return null;
  if (CONTROL_CHARACTER.test(decoded)) return null;

  return { userId, password };
}
