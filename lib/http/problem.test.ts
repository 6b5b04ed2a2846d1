import { describe, expect, it, vi } from "vitest";

import { ApiProblem, problemResponse, WWW_AUTHENTICATE } from "./problem";

async function read(response: Response) {
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

describe("problemResponse", () => {
  it("renders an ApiProblem as problem+json with a stable type", async () => {
    const { status, headers, body } = await read(
      problemResponse(
        new ApiProblem("not-found", { detail: "No contact with this id." }),
      ),
    );

    expect(status).toBe(404);
    expect(headers.get("content-type")).toBe("application/problem+json");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      type: "https://employee-email.dev/problems/not-found",
      title: "Not found",
      status: 404,
      detail: "No contact with this id.",
    });
  });

  it("lists the fields at fault for invalid input", async () => {
    const errors = [
      { field: "email", message: "Must be a valid email address." },
    ];
    const { status, body } = await read(
      problemResponse(new ApiProblem("validation-failed", { errors })),
    );

    expect(status).toBe(422);
    expect(body.type).toBe(
      "https://employee-email.dev/problems/validation-failed",
    );
    expect(body.errors).toEqual(errors);
  });

  it("answers 401 with the Basic challenge and a detail that names no part", async () => {
    const { status, headers, body } = await read(
      problemResponse(new ApiProblem("invalid-credentials")),
    );

    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toBe(WWW_AUTHENTICATE);
    expect(WWW_AUTHENTICATE).toBe(
      'Basic realm="Employee Email Contact API", charset="UTF-8"',
    );
    expect(body.detail).not.toMatch(
      /wrong|unknown|incorrect|invalid (auth id|access key)/i,
    );
  });

  it("puts no challenge on other statuses", () => {
    const response = problemResponse(new ApiProblem("contact-api-disabled"));

    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toBeNull();
  });

  it("sends Retry-After in whole seconds with a 429", () => {
    const response = problemResponse(
      new ApiProblem("too-many-requests", { retryAfterSeconds: 1.2 }),
    );

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
  });

  it("logs an unknown error in full and shows only a generic 500", async () => {
    const log = { error: vi.fn() };
    const secret = new Error('relation "Contact" does not exist at 10.0.0.7');

    const { status, headers, body } = await read(
      problemResponse(secret, log as never),
    );

    expect(status).toBe(500);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body.type).toBe(
      "https://employee-email.dev/problems/internal-error",
    );
    expect(JSON.stringify(body)).not.toContain("Contact");
    expect(log.error).toHaveBeenCalledWith({ err: secret }, expect.any(String));
  });

  it("treats a thrown non-error value as unknown", async () => {
    const { status } = await read(problemResponse("boom"));
    expect(status).toBe(500);
  });
});
