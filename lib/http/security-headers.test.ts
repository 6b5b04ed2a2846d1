import { describe, expect, it } from "vitest";

import {
  contentSecurityPolicy,
  frameAncestorsFrom,
  securityHeaders,
} from "./security-headers";

describe("security headers", () => {
  it("allows scripts by nonce only in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", production: true });

    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it.each([
    [undefined, "'none'"],
    ["", "'none'"],
    ["'self'", "'self'"],
    [
      "'self' https://intranet.example.com",
      "'self' https://intranet.example.com",
    ],
    ["https://*.example.com:8443", "https://*.example.com:8443"],
    ["'self'; script-src *", "'none'"],
    ["https://a.example.com\nX-Evil: 1", "'none'"],
    ["'none' https://a.example.com", "'none'"],
    ["javascript:alert(1)", "'none'"],
  ])("frame-ancestors from %j is %s", (value, expected) => {
    expect(frameAncestorsFrom(value)).toBe(expected);
  });

  it("sends HSTS in production only", () => {
    expect(securityHeaders({ nonce: "n", production: true })).toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(
      securityHeaders({ nonce: "n", production: false }),
    ).not.toHaveProperty("Strict-Transport-Security");
  });
});
