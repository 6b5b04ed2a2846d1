import { describe, expect, it } from "vitest";

import { sameOriginRedirect, sanitizeCallbackUrl } from "./callback-url";

describe("sanitizeCallbackUrl", () => {
  it("keeps a same-origin path with its query", () => {
    expect(sanitizeCallbackUrl("/email-contacts?cursor=abc")).toBe(
      "/email-contacts?cursor=abc",
    );
  });

  it("falls back to the home page when nothing is given", () => {
    expect(sanitizeCallbackUrl(undefined)).toBe("/");
    expect(sanitizeCallbackUrl(null)).toBe("/");
    expect(sanitizeCallbackUrl("")).toBe("/");
  });

  it("takes the first value of a repeated parameter", () => {
    expect(sanitizeCallbackUrl(["/email-contacts", "https://evil.test"])).toBe(
      "/email-contacts",
    );
  });

  it.each([
    "https://evil.test/",
    "http://localhost:3300/email-contacts",
    "//evil.test/path",
    "/\\evil.test",
    "\\\\evil.test",
    "/\t/evil.test",
    "javascript:alert(1)",
    "email-contacts",
  ])("rejects %s, which could leave the site", (value) => {
    expect(sanitizeCallbackUrl(value)).toBe("/");
  });

  it("does not send a signed-in user back to the sign-in page", () => {
    expect(sanitizeCallbackUrl("/sign-in?callbackUrl=%2F")).toBe("/");
  });
});

describe("sameOriginRedirect", () => {
  const base = "https://employee-email-git-x.vercel.app";

  it("keeps a path, sign-in included, on the request's own origin", () => {
    expect(sameOriginRedirect("/sign-in", base)).toBe(`${base}/sign-in`);
    expect(sameOriginRedirect("/email-contacts?x=1", base)).toBe(
      `${base}/email-contacts?x=1`,
    );
  });

  it("keeps a full URL of the same origin", () => {
    expect(sameOriginRedirect(`${base}/email-contacts`, base)).toBe(
      `${base}/email-contacts`,
    );
  });

  it.each([
    "https://evil.test/phish",
    "//evil.test",
    "/\\evil.test",
    "http://employee-email-git-x.vercel.app/",
    "https://employee-email-git-x.vercel.app.evil.test/",
    "javascript:alert(1)",
    "not a url",
  ])("refuses %s and sends to the root", (url) => {
    expect(sameOriginRedirect(url, base)).toBe(`${base}/`);
  });
});
