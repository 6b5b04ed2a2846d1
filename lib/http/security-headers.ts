// The security headers of every response, pages and API alike, set in
// proxy.ts. Pure, so the policy can be tested without a server.

export type SecurityHeaderOptions = {
  nonce: string;
  production: boolean;
  /** Raw FRAME_ANCESTORS value; anything not a plain source list means 'none'. */
  frameAncestors?: string;
};

// 'self', 'none', a scheme-and-host origin, or a host wildcard. Anything else
// (a semicolon, a quote, a newline) could smuggle in a directive of its own.
const FRAME_SOURCE =
  /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?)$/i;

export function frameAncestorsFrom(value: string | undefined): string {
  const sources = (value ?? "").trim().split(/\s+/).filter(Boolean);
  if (sources.length === 0) return "'none'";
  if (!sources.every((source) => FRAME_SOURCE.test(source))) return "'none'";
  if (sources.includes("'none'") && sources.length > 1) return "'none'";

  return sources.join(" ");
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const scripts = [
    "'self'",
    `'nonce-${options.nonce}'`,
    "'strict-dynamic'",
    // React's development build evaluates code for its error overlays.
    ...(options.production ? [] : ["'unsafe-eval'"]),
  ];

  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline style attributes come from the UI library (menu positioning);
    // styles cannot run code, scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestorsFrom(options.frameAncestors)}`,
  ].join("; ");
}

export function securityHeaders(
  options: SecurityHeaderOptions,
): Record<string, string> {
  const frameAncestors = frameAncestorsFrom(options.frameAncestors);

  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " +
      "browsing-topics=(), clipboard-write=(self)",
    "Cross-Origin-Opener-Policy": "same-origin",
    // For browsers without frame-ancestors; only expressible for 'none'.
    ...(frameAncestors === "'none'" ? { "X-Frame-Options": "DENY" } : {}),
    // Over HTTPS only in production; a browser ignores it on plain HTTP.
    ...(options.production
      ? {
          "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        }
      : {}),
  };
}
