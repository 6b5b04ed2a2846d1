import { Writable } from "node:stream";

import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";

import { seedOrganizationWithKey } from "@/lib/api-keys/testing";
import { logger, loggerOptions } from "@/lib/log/logger";

import * as item from "@/app/api/v1/contacts/[id]/route";
import * as collection from "@/app/api/v1/contacts/route";

// Every Contact API call: an X-Request-Id on the response and one log line
// carrying it, with method, route, status, duration and organization, and
// never the credentials.

function captureLogs(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const capturing = pino({ ...loggerOptions, level: "info" }, stream);
  vi.spyOn(logger, "child").mockImplementation((bindings) =>
    capturing.child(bindings),
  );
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("Contact API request logging", () => {
  it("logs each call once with its request id, route, status and organization", async () => {
    const lines = captureLogs();
    const org = await seedOrganizationWithKey();

    const response = await collection.GET(
      new Request("http://localhost/api/v1/contacts", {
        headers: { authorization: org.authorization },
      }),
      { params: Promise.resolve({}) },
    );

    const requestId = response.headers.get("x-request-id");
    expect(response.status).toBe(200);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const calls = lines.filter((line) => line.msg === "api request");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      requestId,
      method: "GET",
      route: "/api/v1/contacts",
      status: 200,
      organizationId: org.id,
      durationMs: expect.any(Number),
    });

    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(org.credentials.accessKey);
    expect(everything).not.toContain(org.authorization);
  });

  it("keeps a proxy's request id and names the route of a contact", async () => {
    const lines = captureLogs();
    const id = "0b5f7a0e-8a7d-4a49-9d3b-0f1d8c3e9a11";

    const response = await item.GET(
      new Request(`http://localhost/api/v1/contacts/${id}`, {
        headers: { "x-request-id": "proxy-req-12345678" },
      }),
      { params: Promise.resolve({ id }) },
    );

    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toBe("proxy-req-12345678");
    expect(lines.find((line) => line.msg === "api request")).toMatchObject({
      requestId: "proxy-req-12345678",
      route: "/api/v1/contacts/[id]",
      status: 401,
    });
  });

  it("replaces a request id that is not a plain token", async () => {
    captureLogs();

    const response = await collection.GET(
      new Request("http://localhost/api/v1/contacts", {
        headers: { "x-request-id": 'x" injected="1 fake log line' },
      }),
      { params: Promise.resolve({}) },
    );

    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs an unexpected error with its cause", () => {
    const lines = captureLogs();

    logger
      .child({})
      .error(
        { err: new Error("outer", { cause: new Error("inner cause") }) },
        "failed",
      );

    expect(JSON.stringify(lines[0])).toContain("inner cause");
  });
});
