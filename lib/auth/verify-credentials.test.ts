import { randomUUID } from "node:crypto";

import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";

import { verifyCredentials } from "./verify-credentials";

const password = "correct horse battery staple";
let email: string;
let userId: string;

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  email = `signer-${tag}@verify.test`;

  const organization = await db.organization.create({
    data: {
      name: `Verify ${tag}`,
      users: {
        create: {
          email,
          name: "Signer",
          role: "ADMIN",
          passwordHash: await hash(password),
        },
      },
    },
    include: { users: true },
  });
  userId = organization.users[0]!.id;
});

describe("verifyCredentials", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    expect(
      await verifyCredentials({ email: ` ${email.toUpperCase()} `, password }),
    ).toEqual({ id: userId });
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    expect(await verifyCredentials({ email, password: "wrong" })).toBeNull();
    expect(
      await verifyCredentials({ email: "nobody@verify.test", password }),
    ).toBeNull();
  });

  it.each([
    ["a NUL byte", `${"parent@acme.test"}\u0000`],
    ["a line break", "parent@acme.test\r\nX-Injected: 1"],
    ["an over-long address", `${"a".repeat(400)}@verify.test`],
  ])("refuses an email with %s without asking the database", async (_, bad) => {
    await expect(
      verifyCredentials({ email: bad, password }),
    ).resolves.toBeNull();
  });
});
