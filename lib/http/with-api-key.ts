import "server-only";

import { randomUUID } from "node:crypto";

import type { Logger } from "pino";

import {
  authenticateApiKey,
  type ApiKeyPrincipal,
} from "@/lib/api-keys/verify";
import { logger } from "@/lib/log/logger";
import { problemResponse } from "@/lib/http/problem";

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
      const principal = await authenticateApiKey(
        request.headers.get("authorization"),
        log,
      );
      await enforceRateLimit(request, principal);

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
 * Throttling plugs in here: throw `new ApiProblem("too-many-requests",
 * { retryAfterSeconds })` and the translator answers 429 with Retry-After.
 */
// Not implemented yet: a client may call as fast as the server answers.
async function enforceRateLimit(
  _request: Request,
  _principal: ApiKeyPrincipal,
): Promise<void> {}

function requestLogger(request: Request): Logger {
  const url = new URL(request.url);

  return logger.child({
    requestId: randomUUID(),
    method: request.method,
    path: url.pathname,
  });
}
