import { describe, expect, it } from "vitest";

import {
  ACCESS_KEY_LENGTH,
  accessKeyHint,
  digestAccessKey,
  generateCredentials,
  hasValidAccessKeyChecksum,
} from "./credentials";

describe("generateCredentials", () => {
  it("makes prefixed ASCII parts with no colon", () => {
    const { authId, accessKey } = generateCredentials();

    expect(authId).toMatch(/^eeid_[0-9A-Za-z]{22}$/);
    expect(accessKey).toMatch(/^eesk_[0-9A-Za-z]{49}$/);
    expect(accessKey).toHaveLength(ACCESS_KEY_LENGTH);
  });

  it("never repeats itself", () => {
    const keys = new Set(
      Array.from({ length: 1000 }, () => generateCredentials().accessKey),
    );

    expect(keys.size).toBe(1000);
  });

  it("carries at least 256 bits: the secret part varies in every position", () => {
    const secrets = Array.from({ length: 200 }, () =>
      generateCredentials().accessKey.slice(5, 5 + 43),
    );
    // The leading digit is skewed towards small values, so it is left out.
    for (let position = 1; position < 43; position++) {
      const seen = new Set(secrets.map((secret) => secret[position]));
      expect(seen.size).toBeGreaterThan(20);
    }
  });
});

describe("hasValidAccessKeyChecksum", () => {
  it("accepts a generated key", () => {
    expect(hasValidAccessKeyChecksum(generateCredentials().accessKey)).toBe(
      true,
    );
  });

  it("rejects a key with one character changed", () => {
    const { accessKey } = generateCredentials();
    const position = 10;
    const swapped = accessKey[position] === "a" ? "b" : "a";
    const tampered =
      accessKey.slice(0, position) + swapped + accessKey.slice(position + 1);

    expect(hasValidAccessKeyChecksum(tampered)).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["wrong prefix", "eeid_" + "0".repeat(49)],
    ["too short", "eesk_abc"],
    ["non-alphanumeric body", "eesk_" + "-".repeat(49)],
  ])("rejects a look-alike: %s", (_, candidate) => {
    expect(hasValidAccessKeyChecksum(candidate)).toBe(false);
  });
});

describe("digestAccessKey and accessKeyHint", () => {
  it("stores a 32-byte digest that differs from the key", () => {
    const { accessKey } = generateCredentials();
    const digest = digestAccessKey(accessKey);

    expect(digest).toHaveLength(32);
    expect(digest.toString("utf8")).not.toContain(accessKey);
    expect(digestAccessKey(accessKey).equals(digest)).toBe(true);
  });

  it("shows only the last four characters", () => {
    expect(accessKeyHint("eesk_abcdefWXYZ")).toBe("WXYZ");
  });
});
