// Where to send someone after signing in. Only a path on this site is
// accepted: anything that could leave the origin (a full URL, "//host",
// "/\host", a backslash or control character that browsers normalise into
// one of those) falls back to the default, which closes the open redirect.

const DEFAULT_PATH = "/";

export function sanitizeCallbackUrl(
  value: string | string[] | null | undefined,
): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate) return DEFAULT_PATH;

  if (!candidate.startsWith("/")) return DEFAULT_PATH;
  if (candidate.startsWith("//")) return DEFAULT_PATH;
  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return DEFAULT_PATH;

  // A sign-in page that sends back to itself would loop after success.
  if (pathOf(candidate) === "/sign-in") return DEFAULT_PATH;

  return candidate;
}

function pathOf(relativeUrl: string): string {
  return new URL(relativeUrl, "http://placeholder.invalid").pathname;
}
