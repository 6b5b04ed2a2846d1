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
    const started = performance.now();
    const requestId = requestIdOf(request);
    const log = requestLogger(request, requestId);
    let organizationId: string | undefined;
    let response: Response;

    try {
      const principal = await authenticateApiKey(
        request.headers.get("authorization"),
        log,
      );
      organizationId = principal.organizationId;
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
    response.headers.set("X-Request-Id", requestId);

    // One line per call; the Authorization header never reaches the logger.
    log.info(
      {
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        organizationId,
      },
      "api request",
    );
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

// A proxy's request id is kept so that its logs and ours line up; anything
// that does not look like one is replaced, so a client cannot inject text.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

// The route as written in app/api, so that log lines group by endpoint: a
// contact id (a uuid) becomes [id].
const UUID_SEGMENT =
  /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

function requestLogger(request: Request, requestId: string): Logger {
  const url = new URL(request.url);

  return logger.child({
    requestId,
    method: request.method,
    route: url.pathname.replace(UUID_SEGMENT, "/[id]"),
  });
}
