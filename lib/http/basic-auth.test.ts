import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  MAX_AUTHORIZATION_LENGTH,
  parseBasicAuthorization,
} from "./basic-auth";

function basic(userPass: string, scheme = "Basic"): string {
  return `${scheme} ${Buffer.from(userPass, "utf8").toString("base64")}`;
}

function basicBytes(bytes: number[]): string {
  return `Basic ${Buffer.from(bytes).toString("base64")}`;
}

describe("parseBasicAuthorization", () => {
  it("returns the user-id and password of a well-formed header", () => {
    expect(parseBasicAuthorization(basic("eeid_abc:eesk_secret"))).toEqual({
      userId: "eeid_abc",
      password: "eesk_secret",
    });
  });

  it("reads the RFC 7617 example", () => {
    expect(
      parseBasicAuthorization("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
    ).toEqual({
      userId: "Aladdin",
      password: "open sesame",
    });
  });

  it.each(["basic", "BASIC", "bAsIc"])(
    "accepts the scheme written %s",
    (scheme) => {
      expect(parseBasicAuthorization(basic("a:b", scheme))).toEqual({
        userId: "a",
        password: "b",
      });
    },
  );

  it("rejects other schemes and a missing scheme", () => {
    const token = Buffer.from("a:b").toString("base64");
    expect(parseBasicAuthorization(`Bearer ${token}`)).toBeNull();
    expect(parseBasicAuthorization(`Basically ${token}`)).toBeNull();
    expect(parseBasicAuthorization(token)).toBeNull();
    expect(parseBasicAuthorization(`Basic${token}`)).toBeNull();
  });

  it("accepts several spaces after the scheme and surrounding whitespace", () => {
    const token = Buffer.from("a:b").toString("base64");
    expect(parseBasicAuthorization(`Basic    ${token}`)).not.toBeNull();
    expect(parseBasicAuthorization(` \tBasic ${token} \t`)).not.toBeNull();
  });

  it("rejects a tab between scheme and token, and spaces inside the token", () => {
    expect(parseBasicAuthorization("Basic\tYTpi")).toBeNull();
    expect(parseBasicAuthorization("Basic YTp iYw==")).toBeNull();
    expect(parseBasicAuthorization("Basic YTpi YTpi")).toBeNull();
  });

  it("requires canonical padding", () => {
    // "a:bc" encodes to YTpiYw==.
    expect(parseBasicAuthorization("Basic YTpiYw==")).not.toBeNull();
    expect(parseBasicAuthorization("Basic YTpiYw")).toBeNull();
    expect(parseBasicAuthorization("Basic YTpiYw=")).toBeNull();
    expect(parseBasicAuthorization("Basic YTpiYw===")).toBeNull();
    expect(parseBasicAuthorization("Basic YTpi====")).toBeNull();
    expect(parseBasicAuthorization("Basic =YTpiYw=")).toBeNull();
  });

  it("rejects non-zero bits hidden in the padding", () => {
    // YTpiYx== decodes to the same bytes as YTpiYw== in lenient decoders.
    expect(parseBasicAuthorization("Basic YTpiYx==")).toBeNull();
  });

  it("rejects base64url and other characters outside the alphabet", () => {
    // "a:>?" encodes with "+" and "/" in standard base64 ("YTo+Pw==").
    expect(parseBasicAuthorization(basic("a:>?"))).not.toBeNull();
    expect(parseBasicAuthorization("Basic YTo-Pw==")).toBeNull();
    expect(parseBasicAuthorization("Basic YTpi!w==")).toBeNull();
  });

  it("splits on the first colon only, so passwords may contain colons", () => {
    expect(parseBasicAuthorization(basic("user:pa:ss:"))).toEqual({
      userId: "user",
      password: "pa:ss:",
    });
  });

  it("rejects a decoded value without a colon", () => {
    expect(parseBasicAuthorization(basic("nocolon"))).toBeNull();
  });

  it("rejects an empty user-id, an empty password or an empty token", () => {
    expect(parseBasicAuthorization(basic(":password"))).toBeNull();
    expect(parseBasicAuthorization(basic("user:"))).toBeNull();
    expect(parseBasicAuthorization(basic(":"))).toBeNull();
    expect(parseBasicAuthorization("Basic ")).toBeNull();
    expect(parseBasicAuthorization("Basic")).toBeNull();
    expect(parseBasicAuthorization("")).toBeNull();
  });

  it("decodes non-ASCII credentials as UTF-8", () => {
    expect(parseBasicAuthorization(basic("test:123£"))).toEqual({
      userId: "test",
      password: "123£",
    });
    expect(parseBasicAuthorization(basic("Zoë:pässwörd🔑"))).toEqual({
      userId: "Zoë",
      password: "pässwörd🔑",
    });
  });

  it("rejects invalid UTF-8 instead of replacing it", () => {
    const prefix = [...Buffer.from("user:pass")];
    expect(parseBasicAuthorization(basicBytes([...prefix, 0xa3]))).toBeNull(); // Latin-1 "£"
    expect(parseBasicAuthorization(basicBytes([...prefix, 0xc3]))).toBeNull(); // truncated
    expect(
      parseBasicAuthorization(basicBytes([...prefix, 0xc0, 0x80])),
    ).toBeNull(); // overlong NUL
    expect(
      parseBasicAuthorization(basicBytes([...prefix, 0xed, 0xa0, 0x80])),
    ).toBeNull(); // surrogate
  });

  it("keeps a byte-order mark as part of the user-id", () => {
    const parsed = parseBasicAuthorization(
      basicBytes([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x62]),
    );
    expect(parsed).toEqual({ userId: "\ufeffa", password: "b" });
  });

  it("rejects control characters in either part", () => {
    expect(parseBasicAuthorization(basic("us\u0000er:pass"))).toBeNull();
    expect(parseBasicAuthorization(basic("user:pa\r\nss"))).toBeNull();
    expect(parseBasicAuthorization(basic("user:pass\u007f"))).toBeNull();
    expect(parseBasicAuthorization(basic("user:pass\u0085"))).toBeNull();
  });

  it("rejects a header over the length limit without decoding it", () => {
    const long = `user:${"x".repeat(MAX_AUTHORIZATION_LENGTH)}`;
    expect(parseBasicAuthorization(basic(long))).toBeNull();
    expect(
      parseBasicAuthorization(`Basic ${"A".repeat(1_000_000)}`),
    ).toBeNull();
  });

  it("accepts a header just under the length limit", () => {
    const password = "x".repeat(700);
    const header = basic(`user:${password}`);
    expect(header.length).toBeLessThanOrEqual(MAX_AUTHORIZATION_LENGTH);
    expect(parseBasicAuthorization(header)?.password).toBe(password);
  });

  it("returns null for a missing header and for values that are not strings", () => {
    expect(parseBasicAuthorization(null)).toBeNull();
    expect(parseBasicAuthorization(undefined)).toBeNull();
    expect(parseBasicAuthorization(42)).toBeNull();
    expect(
      parseBasicAuthorization({ toString: () => basic("a:b") }),
    ).toBeNull();
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (header) => {
        parseBasicAuthorization(header);
        parseBasicAuthorization(`Basic ${header}`);
      }),
    );
  });

  it("round-trips any user-id without colon and any password", () => {
    const printable = (extra: string) =>
      fc
        .string({ unit: "grapheme", minLength: 1, maxLength: 100 })
        .filter((s) => !/[\p{Cc}]/u.test(s) && !s.includes(extra));
    fc.assert(
      fc.property(printable(":"), printable("\u0000"), (userId, password) => {
        expect(parseBasicAuthorization(basic(`${userId}:${password}`))).toEqual(
          {
            userId,
            password,
          },
        );
      }),
    );
  });
});
