import { ApiProblem, problemResponse } from "@/lib/http/problem";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Marks the handlers below, so tests can tell them from real operations. */
export const METHOD_NOT_ALLOWED = Symbol.for(
  "employee-email.method-not-allowed",
);

type NotAllowedHandler = (() => Response) & {
  [METHOD_NOT_ALLOWED]: true;
};

/**
 * The handler a route exports for a method it does not support: 405
 * problem+json with Allow, instead of Next.js's bare 405. It answers before
 * any authentication, as the method is wrong whoever asks.
 */
export function methodNotAllowed(
  allow: readonly HttpMethod[],
): NotAllowedHandler {
  const handler = () => {
    const response = problemResponse(
      new ApiProblem("method-not-allowed", {
        detail: `This resource supports ${allow.join(", ")}.`,
      }),
    );
    response.headers.set("Allow", allow.join(", "));
    return response;
  };

  return Object.assign(handler, { [METHOD_NOT_ALLOWED]: true as const });
}

export function isMethodNotAllowed(handler: unknown): boolean {
  return (
    typeof handler === "function" &&
    (handler as Partial<NotAllowedHandler>)[METHOD_NOT_ALLOWED] === true
  );
}
