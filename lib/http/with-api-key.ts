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
    const started = performance.now();
    const requestId = requestIdOf(request);
    const log = requestLogger(request, requestId);
    let organizationId: string | undefined;
    let response: Response;

    try {
      const principal = await authenticate(request, log);
      organizationId = principal.organizationId;

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
 * The key's principal, with failed attempts throttled per client address and
 * per Auth ID (429 with Retry-After). An unknown Auth ID and a wrong Access
 * Key are counted and answered alike.
 *
 * Valid credentials are checked first and pass without asking the throttle:
 * a 256-bit Access Key cannot be guessed, so refusing a correct one would
 * protect nothing, and the calls of a working integration stay at two
 * statements. Only a failure pays for the throttle's reads and writes.
 */
async function authenticate(
  request: Request,
  log: Logger,
): Promise<ApiKeyPrincipal> {
  const authorization = request.headers.get("authorization");

  try {
    return await authenticateApiKey(authorization, log);
  } catch (error) {
    const failedCredentials =
      error instanceof ApiProblem && error.kind === "invalid-credentials";
    if (!failedCredentials) throw error;

    await throttleFailure(request, authorization);
    throw error;
  }
}

async function throttleFailure(
  request: Request,
  authorization: string | null,
): Promise<void> {
  const address = clientAddress(request.headers);
  const authId = parseBasicAuthorization(authorization)?.userId ?? null;

  const refusal =
    (await contactApiThrottle.check(address, authId)) ??
    (await contactApiThrottle.recordFailure(address, authId));
  if (refusal) throw new ApiProblem("too-many-requests", refusal);
}

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
