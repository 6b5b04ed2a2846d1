import { NextResponse, type NextRequest } from "next/server";

import {
  contentSecurityPolicy,
  securityHeaders,
} from "@/lib/http/security-headers";

// Headers Next.js acts on for its own internal requests. A client has no
// business sending them: x-middleware-prefetch, for one, makes Next.js answer
// any dynamic route with an empty 200 without running it.
const INTERNAL_REQUEST_HEADERS = [
  "x-middleware-prefetch",
  "x-middleware-subrequest",
  "x-invoke-path",
  "x-invoke-query",
  "x-invoke-output",
  "x-now-route-matches",
];

/**
 * Security headers and the CSP nonce for every response. No rule is
 * enforced here, because a request can reach a route without passing
 * through the proxy (DESIGN.md, rules): pages, actions and route handlers
 * check who is asking themselves. What this does refuse, Next.js would
 * refuse anyway; it only gives the refusal its proper status.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const options = {
    nonce,
    production: process.env.NODE_ENV === "production",
    // Validated at start-up by lib/config; securityHeaders still falls back
    // to 'none' on a value it cannot use.
    frameAncestors: process.env.FRAME_ANCESTORS,
  };
  const headers = securityHeaders(options);

  const response = isCrossSiteAction(request)
    ? crossSiteActionRefusal()
    : NextResponse.next({
        request: { headers: forwardedHeaders(request, nonce, options) },
      });

  for (const [name, value] of Object.entries(headers)) {
    response.headers.set(name, value);
  }
  return response;
}

function forwardedHeaders(
  request: NextRequest,
  nonce: string,
  options: Parameters<typeof contentSecurityPolicy>[0],
): Headers {
  const headers = new Headers(request.headers);
  for (const name of INTERNAL_REQUEST_HEADERS) headers.delete(name);

  // Next.js reads the nonce from the request's CSP header and puts it on
  // its own scripts; a client's own x-nonce or CSP is overwritten here.
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", contentSecurityPolicy(options));
  return headers;
}

// A server action posted from another site. Next.js refuses it too (its
// CSRF check compares Origin and Host) but answers 500, which reads as our
// fault in logs and alerts; this answers 403 first.
function isCrossSiteAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) {
    return false;
  }
  const origin = request.headers.get("origin");
  if (!origin) return false;

  const host =
    request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function crossSiteActionRefusal(): NextResponse {
  return new NextResponse("Cross-site server action refused.", {
    status: 403,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}
