import "server-only";

import { randomUUID } from "node:crypto";

import type { Logger } from "pino";

import {
  authenticateApiKey,
  type ApiKeyPrincipal,
} from "@/lib/api-keys/verify";
import { parseBasicAuthorization } from "@/lib/http/basic-auth";
import { clientAddress } from "@/lib/http/client-address";
import { ApiProblem, problemResponse } from "@/lib/http/problem";
import { logger } from "@/lib/log/logger";
import { contactApiThrottle } from "@/lib/throttle/policies";

export type ApiContext<Params> = {
  request: Request;
  params: Params;
  /** From the API key, never from the request (a caller cannot choose it). */
  organizationId: string;
  principal: ApiKeyPrincipal;
  log: Logger;
};

type RouteContext<Params> = { params: Promise<Params> };

type ApiHandler<Params> = (context: ApiContext<Params>) => Promise<Response>;

/**
 * Wraps a Contact API route handler: authenticates the key, runs the handler
 * for the key's organization, turns every error into problem+json and marks
 * every response uncacheable.
 */
export function withApiKey<Params = Record<string, never>>(
  handler: ApiHandler<Params>,
): (request: Request, context: RouteContext<Params>) => Promise<Response> {
  return async (request, context) => {
    const log = requestLogger(request);
    let response: Response;

    try {
      const principal = await authenticate(request, log);

      const params = await context.params;
      response = await handler({
        request,
        params,
        organizationId: principal.organizationId,
        principal,
        log: log.child({ organizationId: principal.organizationId }),
      });
    } catch (error) {
      response = problemResponse(error, log);
    }

    // Contacts are personal data: no browser or proxy may keep a copy.
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

/**
 * The key's principal, with failed attempts throttled per client address
 * and per Auth ID (429 with Retry-After). An unknown Auth ID and a wrong
 * Access Key are counted and answered alike.
 */
async function authenticate(
  request: Request,
  log: Logger,
): Promise<ApiKeyPrincipal> {
  const authorization = request.headers.get("authorization");
  const address = clientAddress(request.headers);
  const authId = parseBasicAuthorization(authorization)?.userId ?? null;

  const refusal = await contactApiThrottle.check(address, authId);
  if (refusal) throw new ApiProblem("too-many-requests", refusal);

  try {
    return await authenticateApiKey(authorization, log);
  } catch (error) {
    if (
      !(error instanceof ApiProblem) ||
      error.kind !== "invalid-credentials"
    ) {
      throw error;
    }

    const throttled = await contactApiThrottle.recordFailure(address, authId);
    if (throttled) throw new ApiProblem("too-many-requests", throttled);
    throw error;
  }
}

function requestLogger(request: Request): Logger {
  const url = new URL(request.url);

  return logger.child({
    requestId: randomUUID(),
    method: request.method,
    path: url.pathname,
  });
}
