import { NextResponse, type NextRequest } from "next/server";

import {
  contentSecurityPolicy,
  securityHeaders,
} from "@/lib/http/security-headers";

/**
 * Security headers and the CSP nonce for every response. Headers only: no
 * rule is enforced here, because a request can reach a route without
 * passing through the proxy (DESIGN.md, rules); pages, actions and route
 * handlers check who is asking themselves.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const options = {
    nonce,
    production: process.env.NODE_ENV === "production",
    // Read here directly for now; the deployment's config module will own it.
    frameAncestors: process.env.FRAME_ANCESTORS,
  };
  const headers = securityHeaders(options);

  // Next.js reads the nonce from the request's CSP header and puts it on
  // its own scripts; a client's own x-nonce or CSP is overwritten here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy(options));

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) {
    response.headers.set(name, value);
  }
  return response;
}
