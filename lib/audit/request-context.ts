import "server-only";

import { headers } from "next/headers";

/** Where a change came from, as recorded in the audit log. */
export type RequestContext = {
  ipAddress: string | null;
  userAgent: string | null;
};

const MAX_IP_LENGTH = 64;
const MAX_USER_AGENT_LENGTH = 256;

/** Reads the request context of the current server action or page. */
export async function getRequestContext(): Promise<RequestContext> {
  return requestContextFrom(await headers());
}

/**
 * The client address is the first hop of X-Forwarded-For, else X-Real-IP.
 * Both are set by the proxy in front of the app; a client talking to the app
 * directly can forge them, so the address is a clue for people reading the
 * log, never an input to a permission check.
 */
export function requestContextFrom(source: Headers): RequestContext {
  const firstHop = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = firstHop || source.get("x-real-ip")?.trim() || null;
  const userAgent = source.get("user-agent")?.trim() || null;

  return {
    ipAddress: ip ? ip.slice(0, MAX_IP_LENGTH) : null,
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}
