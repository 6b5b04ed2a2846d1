// Where to send someone after signing in. Only a path on this site is
// accepted: anything that could leave the origin (a full URL, "//host",
// "/\host", a backslash or control character that browsers normalise into
// one of those) falls back to the default, which closes the open redirect.

const DEFAULT_PATH = "/";

export function sanitizeCallbackUrl(
  value: string | string[] | null | undefined,
): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !isSafePath(candidate)) return DEFAULT_PATH;

  // A sign-in page that sends back to itself would loop after success.
  if (pathOf(candidate) === "/sign-in") return DEFAULT_PATH;

  return candidate;
}

/** A path on this site that no browser can turn into another origin. */
function isSafePath(candidate: string): boolean {
  return (
    candidate.startsWith("/") &&
    !candidate.startsWith("//") &&
    !/[\\\u0000-\u001f\u007f]/.test(candidate)
  );
}

/**
 * next-auth's redirect callback: where sign-in and sign-out may send the
 * browser. A path on this site, or a full URL of this site's origin; any
 * other host gets the site's root instead. `baseUrl` is the public URL of
 * the request (NEXTAUTH_URL, or the preview's own host behind a trusted proxy).
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (isSafePath(url)) return `${base.origin}${url}`;

  try {
    const target = new URL(url);
    const path = `${target.pathname}${target.search}${target.hash}`;
    if (target.origin === base.origin && isSafePath(path))
      return `${base.origin}${path}`;
  } catch {
    // Not a URL at all: fall through to the root.
  }
  return `${base.origin}${DEFAULT_PATH}`;
}

function pathOf(relativeUrl: string): string {
  return new URL(relativeUrl, "http://placeholder.invalid").pathname;
}
