import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { basicHeader, seedOrganizationWithKey } from "@/lib/api-keys/testing";

import * as collection from "@/app/api/v1/contacts/route";

import { apiRequest, freshAddress, noParams } from "./support";

// Any Authorization header, well-formed or not, gets 200, 401 or 429 from the
// real route handler, never a 500. Property-based cases from fast-check, then
// the shapes a hand-written parser usually gets wrong.

const URL = "http://localhost/api/v1/contacts?limit=1";
const ALLOWED = new Set([200, 401, 429]);

let org: Awaited<ReturnType<typeof seedOrganizationWithKey>>;
const seen = { tried: 0, status5xx: 0 };

beforeAll(async () => {
  // A client address per request, so throttling of one case cannot colour
  // the next; the throttle itself is tested in throttling.test.ts.
  vi.stubEnv("TRUST_PROXY", "true");
  org = await seedOrganizationWithKey();
});

async function statusFor(header: string): Promise<number> {
  const response = await collection.GET(
    apiRequest(URL, { authorization: header, address: freshAddress() }),
    noParams,
  );
  seen.tried += 1;
  if (response.status >= 500) seen.status5xx += 1;
  return response.status;
}

// What an HTTP header can carry at all: bytes 0x00-0xFF except NUL, CR, LF
// (fetch's Headers refuses those before any handler runs).
const headerByte = fc
  .integer({ min: 1, max: 255 })
  .filter((byte) => byte !== 0x0a && byte !== 0x0d);
const headerText = (maxLength: number) =>
  fc
    .array(headerByte, { maxLength })
    .map((bytes) => String.fromCharCode(...bytes));
const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("Basic header robustness against GET /api/v1/contacts", () => {
  it("answers 200, 401 or 429 for any header bytes", async () => {
    await fc.assert(
      fc.asyncProperty(headerText(300), async (header) => {
        expect(ALLOWED).toContain(await statusFor(header));
      }),
      { numRuns: 150 },
    );
  });

  it("answers 200, 401 or 429 for any Basic token bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("Basic ", "basic ", "BASIC  ", " Basic\t"),
        fc.uint8Array({ maxLength: 200 }),
        async (scheme, bytes) => {
          expect(ALLOWED).toContain(await statusFor(scheme + base64Of(bytes)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("answers 401 for the real Auth ID with any other password bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 120 }), async (bytes) => {
        const token = Buffer.concat([
          Buffer.from(`${org.credentials.authId}:`),
          Buffer.from(bytes),
        ]).toString("base64");
        expect([401, 429]).toContain(await statusFor(`Basic ${token}`));
      }),
      { numRuns: 60 },
    );
  });

  const encode = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const handWritten: [string, () => string, number[]][] = [
    ["the valid key", () => org.authorization, [200]],
    [
      "lower-case scheme",
      () => org.authorization.replace("Basic", "basic"),
      [200],
    ],
    [
      "upper-case scheme",
      () => org.authorization.replace("Basic", "BASIC"),
      [200],
    ],
    [
      "two spaces after the scheme",
      () => org.authorization.replace(" ", "  "),
      [200],
    ],
    [
      "a tab instead of the space",
      () => org.authorization.replace(" ", "\t"),
      [401],
    ],
    ["no token", () => "Basic", [401]],
    ["scheme and a space", () => "Basic ", [401]],
    [
      "Bearer scheme",
      () => org.authorization.replace("Basic", "Bearer"),
      [401],
    ],
    ["missing padding", () => org.authorization.replace(/=+$/, ""), [200, 401]],
    ["extra padding", () => `${org.authorization}==`, [401]],
    ["padding in the middle", () => "Basic YWJj=ZGVm", [401]],
    [
      "two tokens",
      () => `${org.authorization} ${org.authorization.slice(6)}`,
      [401],
    ],
    ["no colon", () => `Basic ${encode(org.credentials.authId)}`, [401]],
    [
      "empty Auth ID",
      () => `Basic ${encode(`:${org.credentials.accessKey}`)}`,
      [401],
    ],
    [
      "empty Access Key",
      () => `Basic ${encode(`${org.credentials.authId}:`)}`,
      [401],
    ],
    ["only a colon", () => `Basic ${encode(":")}`, [401]],
    [
      "colons in the key",
      () =>
        `Basic ${encode(`${org.credentials.authId}:${org.credentials.accessKey}:x:y`)}`,
      [401],
    ],
    [
      "colon first in the key",
      () =>
        `Basic ${encode(`${org.credentials.authId}::${org.credentials.accessKey}`)}`,
      [401],
    ],
    ["non-ASCII user", () => `Basic ${encode("Zoë😀:ключ")}`, [401]],
    [
      "invalid UTF-8",
      () =>
        `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0xc3, 0x28]).toString("base64")}`,
      [401],
    ],
    [
      "NUL in the key",
      () =>
        `Basic ${encode(`${org.credentials.authId}:\u0000${org.credentials.accessKey}`)}`,
      [401],
    ],
    ["Latin-1 bytes in the header", () => "Basic \u00e9\u00ff\u00a0", [401]],
    ["a long token (1 MB)", () => `Basic ${"A".repeat(1_000_000)}`, [401]],
    [
      "a long Access Key",
      () =>
        `Basic ${encode(`${org.credentials.authId}:${"k".repeat(10_000)}`)}`,
      [401],
    ],
    ["a long Auth ID", () => `Basic ${encode(`${"i".repeat(700)}:x`)}`, [401]],
    [
      "the key's digits swapped",
      () => org.authorization.slice(0, -3) + "AAA",
      [401],
    ],
  ];

  it.each(handWritten)("%s", async (_, header, expected) => {
    // An organization of its own: the failures of earlier cases against one
    // Auth ID would otherwise add up to its throttle (a 429, rightly).
    org = await seedOrganizationWithKey();

    expect(expected).toContain(await statusFor(header()));
  });

  it("saw no 5xx", () => {
    console.info(
      `Basic robustness: ${seen.tried} requests, ${seen.status5xx} 5xx`,
    );
    expect(seen.status5xx).toBe(0);
  });
});
