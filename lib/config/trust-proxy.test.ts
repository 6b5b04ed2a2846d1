import { describe, expect, it } from "vitest";

import { parseTrustProxy } from "./trust-proxy";

describe("parseTrustProxy", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["TRUE", 1],
    ["1", 1],
    ["2", 2],
  ])("reads TRUST_PROXY=%j as %i proxies", (value, hops) => {
    expect(parseTrustProxy(value)).toBe(hops);
  });

  it.each(["yes", "-1", "1.5", "10", "lots"])(
    "finds no meaning in TRUST_PROXY=%j",
    (value) => {
      expect(parseTrustProxy(value)).toBeNull();
    },
  );
});
