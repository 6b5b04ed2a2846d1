import { afterEach, describe, expect, it, vi } from "vitest";

import { clientAddress, trustedProxyHops } from "./client-address";

describe("client address", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    [undefined, 0],
    ["", 0],
    ["false", 0],
    ["true", 1],
    ["2", 2],
    ["-1", 0],
    ["lots", 0],
  ])("TRUST_PROXY=%j trusts %i proxies", (value, hops) => {
    expect(trustedProxyHops(value)).toBe(hops);
  });

  it("takes the entry our proxies appended, not the client's own", () => {
    vi.stubEnv("TRUST_PROXY", "2");
    const headers = new Headers({
      "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1",
    });

    expect(clientAddress(headers)).toBe("203.0.113.9");
  });

  it("refuses what is not an IP address", () => {
    vi.stubEnv("TRUST_PROXY", "true");

    expect(
      clientAddress(new Headers({ "x-forwarded-for": "not-an-ip" })),
    ).toBeNull();
    expect(
      clientAddress(new Headers({ "x-forwarded-for": "::ffff:192.0.2.1" })),
    ).toBe("192.0.2.1");
  });

  it("ignores X-Forwarded-For and a forged socket header when no stamp is installed", () => {
    vi.stubEnv("TRUST_PROXY", "");
    const headers = new Headers({
      "x-forwarded-for": "192.0.2.1",
      "x-employee-email-socket-address": "192.0.2.2",
    });

    expect(clientAddress(headers)).toBeNull();
  });
});
