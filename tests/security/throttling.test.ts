import { performance } from "node:perf_hooks";

import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { basicHeader, seedOrganizationWithKey } from "@/lib/api-keys/testing";
import {
  authorizeSignIn,
  SIGN_IN_THROTTLED,
} from "@/lib/auth/authorize-sign-in";
import { db } from "@/lib/db/client";
import { CONTACT_API_POLICY, SIGN_IN_POLICY } from "@/lib/throttle/policies";

import * as collection from "@/app/api/v1/contacts/route";

import { apiRequest, freshAddress, noParams } from "./support";

// Failed authentication is throttled per client address and per account, in
// the shared PostgreSQL store; a correct key from a clean address always
// passes, whatever anyone else failed.

const URL = "http://localhost/api/v1/contacts?limit=1";

beforeAll(() => {
  vi.stubEnv("TRUST_PROXY", "true");
});

function call(authorization: string | null, address: string) {
  return collection.GET(apiRequest(URL, { authorization, address }), noParams);
}

const wrongKeyOf = (authId: string) =>
  basicHeader({ authId, accessKey: "eesk_wrong" });

describe("Contact API throttling", () => {
  it("refuses an address after its failures, with Retry-After", async () => {
    const address = freshAddress();
    const limit = CONTACT_API_POLICY.perAddress.points;

    for (let i = 0; i < limit; i++) {
      // A different unknown Auth ID each time: only the address adds up.
      const response = await call(wrongKeyOf(`eeid_guess${i}`), address);
      expect(response.status).toBe(401);
    }

    const refused = await call(wrongKeyOf("eeid_more"), address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toBe(
      "application/problem+json",
    );

    // A correct key is never what a throttle stops: it cannot be guessed.
    const org = await seedOrganizationWithKey();
    expect((await call(org.authorization, address)).status).toBe(200);
    expect((await call(org.authorization, freshAddress())).status).toBe(200);
  });

  it("throttles guesses at one Auth ID from many addresses, but never its valid key from a clean address", async () => {
    const org = await seedOrganizationWithKey();
    const wrong = wrongKeyOf(org.credentials.authId);
    const limit = CONTACT_API_POLICY.perAccount.points;
    const attackers = Array.from({ length: limit }, freshAddress);

    for (const address of attackers) {
      expect((await call(wrong, address)).status).toBe(401);
    }

    expect((await call(wrong, freshAddress())).status).toBe(429);
    expect((await call(wrong, attackers[0]!)).status).toBe(429);
    // The valid key gets through, from an address that failed before and
    // from clean ones, again and again.
    expect((await call(org.authorization, attackers[1]!)).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect((await call(org.authorization, freshAddress())).status).toBe(200);
    }
  });

  it("answers an unknown Auth ID and a wrong Access Key alike, with the same work", async () => {
    const org = await seedOrganizationWithKey();
    const samples = 40;
    const timings = { unknown: [] as number[], wrongKey: [] as number[] };
    const bodies = new Set<string>();

    for (let i = 0; i < samples; i++) {
      for (const kind of ["unknown", "wrongKey"] as const) {
        const header =
          kind === "unknown"
            ? basicHeader({ ...org.credentials, authId: `eeid_nobody${i}` })
            : wrongKeyOf(org.credentials.authId);
        const started = performance.now();
        const response = await call(header, freshAddress());
        timings[kind].push(performance.now() - started);

        if (response.status === 401) bodies.add(await response.text());
      }
    }

    expect(bodies.size).toBe(1);
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const gap = Math.abs(median(timings.unknown) - median(timings.wrongKey));
    // Both paths run one lookup, one SHA-256, one comparison and the same
    // two counter writes; a few milliseconds of scheduling noise at most.
    expect(gap).toBeLessThan(Math.max(5, median(timings.unknown) * 0.5));
  });
});

describe("sign-in throttling", () => {
  const headersFrom = (address: string) => ({ "x-forwarded-for": address });

  it("lets the right password in from a clean address while its email is throttled", async () => {
    const org = await seedOrganizationWithKey();
    const email = `victim-${crypto.randomUUID()}@example.com`;
    const user = await db.user.create({
      data: {
        email,
        name: "Victim",
        role: "PARENT_ADMIN",
        organizationId: org.id,
        passwordHash: await hash("right-password"),
      },
    });
    const attacker = freshAddress();

    for (let i = 0; i <= SIGN_IN_POLICY.perAccount.points; i++) {
      await authorizeSignIn(
        { email, password: "wrong" },
        headersFrom(attacker),
      ).catch(() => null);
    }

    await expect(
      authorizeSignIn(
        { email, password: "right-password" },
        headersFrom(attacker),
      ),
    ).rejects.toThrow(SIGN_IN_THROTTLED);
    await expect(
      authorizeSignIn(
        { email, password: "right-password" },
        headersFrom(freshAddress()),
      ),
    ).resolves.toEqual({ id: user.id });
  });

  it("throttles an email after its failures, known or not, and says nothing about which", async () => {
    const limit = SIGN_IN_POLICY.perAccount.points;
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;

    for (let i = 0; i < limit; i++) {
      await expect(
        authorizeSignIn(
          { email: unknown, password: "guess" },
          headersFrom(freshAddress()),
        ),
      ).resolves.toBeNull();
    }

    await expect(
      authorizeSignIn(
        { email: unknown, password: "guess" },
        headersFrom(freshAddress()),
      ),
    ).rejects.toThrow(SIGN_IN_THROTTLED);
  });

  it("refuses an address after its failures", async () => {
    const address = freshAddress();
    const limit = SIGN_IN_POLICY.perAddress.points;

    for (let i = 0; i < limit; i++) {
      await authorizeSignIn(
        {
          email: `spray${i}-${crypto.randomUUID()}@example.com`,
          password: "x",
        },
        headersFrom(address),
      );
    }

    await expect(
      authorizeSignIn(
        { email: "any@example.com", password: "x" },
        headersFrom(address),
      ),
    ).rejects.toThrow(SIGN_IN_THROTTLED);
  });
});
