import { describe, expect, it } from "vitest";
import { z } from "zod";

import { ApiProblem } from "./problem";
import {
  MAX_JSON_BODY_BYTES,
  parseSearchParams,
  readJsonBody,
} from "./request-input";

const schema = z.strictObject({ email: z.email() });

function post(
  body: BodyInit | null,
  contentType: string | null = "application/json",
) {
  const headers = contentType ? { "content-type": contentType } : undefined;
  return new Request("http://localhost/api/v1/contacts", {
    method: "POST",
    body,
    headers,
  });
}

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

describe("readJsonBody", () => {
  it("returns the validated body", async () => {
    await expect(
      readJsonBody(post('{"email":"a@b.co"}'), schema),
    ).resolves.toEqual({
      email: "a@b.co",
    });
  });

  it("accepts a charset parameter and +json media types", async () => {
    const body = '{"email":"a@b.co"}';
    await expect(
      readJsonBody(post(body, "application/json; charset=utf-8"), schema),
    ).resolves.toBeTruthy();
    await expect(
      readJsonBody(post(body, "application/merge-patch+json"), schema),
    ).resolves.toBeTruthy();
  });

  it.each([
    null,
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
  ])("answers 415 for content type %j", async (contentType) => {
    const problem = await problemOf(
      readJsonBody(post('{"email":"a@b.co"}', contentType), schema),
    );
    expect(problem.status).toBe(415);
  });

  it.each(["{", "", "{'email': 1}", "undefined"])(
    "answers 400 for malformed JSON %j",
    async (body) => {
      const problem = await problemOf(readJsonBody(post(body), schema));
      expect(problem.kind).toBe("malformed-json");
      expect(problem.status).toBe(400);
    },
  );

  it("answers 400 for a body that is not UTF-8", async () => {
    const problem = await problemOf(
      readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])), schema),
    );
    expect(problem.status).toBe(400);
  });

  it("answers 422 naming the fields at fault", async () => {
    const problem = await problemOf(
      readJsonBody(post('{"email":"nope","extra":1}'), schema),
    );
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field)).toEqual(["email", "extra"]);
  });

  it("answers 413 for a body over the limit", async () => {
    const body = JSON.stringify({ email: "x".repeat(MAX_JSON_BODY_BYTES) });
    const problem = await problemOf(readJsonBody(post(body), schema));
    expect(problem.status).toBe(413);
  });
});

describe("parseSearchParams", () => {
  it("answers 400 naming the parameter at fault", () => {
    const query = z.object({
      limit: z.string().regex(/^\d+$/, "Must be a number."),
    });
    try {
      parseSearchParams(new URLSearchParams("limit=abc"), query);
      expect.unreachable();
    } catch (error) {
      expect((error as ApiProblem).status).toBe(400);
      expect((error as ApiProblem).errors).toEqual([
        { field: "limit", message: "Must be a number." },
      ]);
    }
  });
});
