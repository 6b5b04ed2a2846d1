import { describe, expect, it } from "vitest";

import { requestContextFrom } from "./request-context";

describe("requestContextFrom", () => {
  it("takes the first hop of X-Forwarded-For", () => {
    const headers = new Headers({
      "x-forwarded-for": " 203.0.113.7 , 10.0.0.1",
      "x-real-ip": "10.0.0.2",
      "user-agent": "Mozilla/5.0",
    });

    expect(requestContextFrom(headers)).toEqual({
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0",
    });
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(
      requestContextFrom(new Headers({ "x-real-ip": "198.51.100.4" })),
    ).toEqual({ ipAddress: "198.51.100.4", userAgent: null });
    expect(requestContextFrom(new Headers())).toEqual({
      ipAddress: null,
      userAgent: null,
    });
  });

  it("truncates an overlong user agent", () => {
    const headers = new Headers({ "user-agent": "x".repeat(5000) });

    expect(requestContextFrom(headers).userAgent).toHaveLength(256);
  });
});
