import { afterEach, describe, expect, it, vi } from "vitest";

import { requestContextFrom } from "./request-context";

describe("requestContextFrom", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("ignores X-Forwarded-For unless a proxy is trusted", () => {
    vi.stubEnv("TRUST_PROXY", "");
    const headers = new Headers({
      "x-forwarded-for": "203.0.113.7",
      "x-real-ip": "10.0.0.2",
      "user-agent": "Mozilla/5.0",
    });

    expect(requestContextFrom(headers)).toEqual({
      ipAddress: null,
      userAgent: "Mozilla/5.0",
    });
  });

  it("takes the address our one trusted proxy appended", () => {
    vi.stubEnv("TRUST_PROXY", "true");
    const headers = new Headers({
      "x-forwarded-for": " 198.51.100.99 , 203.0.113.7",
    });

    expect(requestContextFrom(headers).ipAddress).toBe("203.0.113.7");
  });

  it("truncates an overlong user agent", () => {
    const headers = new Headers({ "user-agent": "x".repeat(5000) });

    expect(requestContextFrom(headers).userAgent).toHaveLength(256);
  });
});
