import "server-only";

import { headers } from "next/headers";

import { clientAddress } from "@/lib/http/client-address";

/** Where a change came from, as recorded in the audit log. */
export type RequestContext = {
  ipAddress: string | null;
  userAgent: string | null;
};

const MAX_USER_AGENT_LENGTH = 256;

/** Reads the request context of the current server action or page. */
export async function getRequestContext(): Promise<RequestContext> {
  return requestContextFrom(await headers());
}

/**
 * The client address as throttling sees it: the socket's, or the one our
 * proxy reports when TRUST_PROXY says there is one (lib/http/client-address).
 */
export function requestContextFrom(source: Headers): RequestContext {
  const userAgent = source.get("user-agent")?.trim() || null;

  return {
    ipAddress: clientAddress(source),
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}
