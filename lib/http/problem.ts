import type { Logger } from "pino";

// Every Contact API error is an ApiProblem, turned into application/problem+json
// (RFC 9457) in one place. The `type` URIs are part of the API contract:
// integrators branch on them, so a kind may be added but never renamed.

const PROBLEM_BASE = "https://employee-email.dev/problems/";

const PROBLEMS = {
  "invalid-request": { status: 400, title: "Invalid request" },
  "malformed-json": { status: 400, title: "Malformed JSON body" },
  "invalid-cursor": { status: 400, title: "Invalid cursor" },
  "invalid-credentials": { status: 401, title: "Invalid credentials" },
  "contact-api-disabled": { status: 403, title: "Contact API not enabled" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "contact-exists": { status: 409, title: "Contact already exists" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "validation-failed": { status: 422, title: "Invalid contact fields" },
  "too-many-requests": { status: 429, title: "Too many requests" },
  "internal-error": { status: 500, title: "Internal server error" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof PROBLEMS;

export type FieldError = { field: string; message: string };

export type ProblemOptions = {
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
};

// One realm and charset for every 401: clients learn the scheme and that the
// credentials are UTF-8, and nothing about which part was wrong.
export const WWW_AUTHENTICATE =
  'Basic realm="Employee Email Contact API", charset="UTF-8"';

const DEFAULT_DETAILS: Partial<Record<ProblemKind, string>> = {
  "invalid-credentials":
    "Send the Auth ID as user name and the Access Key as password " +
    "with HTTP Basic authentication.",
  "contact-api-disabled":
    "The Contact API is not enabled for this organization. " +
    "Ask your Customer Success Manager to enable it.",
  "not-found": "No such resource.",
  "too-many-requests":
    "Too many failed authentication attempts. Retry after the number of " +
    "seconds in the Retry-After header.",
  "internal-error": "Something went wrong on our side. Try again later.",
};

export class ApiProblem extends Error {
  readonly kind: ProblemKind;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(kind: ProblemKind, options: ProblemOptions = {}) {
    const detail =
      options.detail ?? DEFAULT_DETAILS[kind] ?? PROBLEMS[kind].title;
    super(detail);
    this.name = "ApiProblem";
    this.kind = kind;
    this.detail = detail;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return PROBLEMS[this.kind].status;
  }
}

/** The problem+json response for any error; unknown errors become a bare 500. */
export function problemResponse(error: unknown, log?: Logger): Response {
  if (error instanceof ApiProblem) return render(error);

  // The full error goes to the log only: its message may name tables,
  // queries or values the client has no business seeing.
  log?.error({ err: error }, "unhandled error in API route");
  return render(new ApiProblem("internal-error"));
}

function render(problem: ApiProblem): Response {
  const { status, title } = PROBLEMS[problem.kind];
  const body = {
    type: PROBLEM_BASE + problem.kind,
    title,
    status,
    detail: problem.detail,
    ...(problem.errors && { errors: problem.errors }),
  };

  return Response.json(body, { status, headers: headersFor(problem) });
}

function headersFor(problem: ApiProblem): Headers {
  const headers = new Headers({
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
  });

  if (problem.kind === "invalid-credentials") {
    headers.set("WWW-Authenticate", WWW_AUTHENTICATE);
  }
  if (problem.retryAfterSeconds !== undefined) {
    headers.set("Retry-After", String(Math.ceil(problem.retryAfterSeconds)));
  }

  return headers;
}
