import { describe, expect, it } from "vitest";

import {
  basicHeader,
  issueKey,
  seedOrganizationWithKey,
} from "@/lib/api-keys/testing";
import { db } from "@/lib/db/client";
import { ApiProblem } from "@/lib/http/problem";

import { authenticateApiKey } from "./verify";

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

function flipLastCharacter(text: string): string {
  const last = text.at(-1) === "x" ? "y" : "x";
  return text.slice(0, -1) + last;
}

async function lastUsedAt(apiKeyId: string): Promise<Date | null> {
  const key = await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } });
  return key.lastUsedAt;
}

describe("authenticateApiKey", () => {
  it("returns the organization and key of valid credentials", async () => {
    const org = await seedOrganizationWithKey();

    await expect(authenticateApiKey(org.authorization)).resolves.toEqual({
      organizationId: org.id,
      apiKeyId: org.apiKeyId,
    });
  });

  it("answers the same 401 for no header, a wrong Access Key and an unknown Auth ID", async () => {
    const org = await seedOrganizationWithKey();
    const { authId, accessKey } = org.credentials;
    const other = await seedOrganizationWithKey();

    const attempts = [
      null,
      "Bearer token",
      basicHeader({ authId, accessKey: flipLastCharacter(accessKey) }),
      basicHeader({ authId, accessKey: other.credentials.accessKey }),
      basicHeader({ authId: "eeid_doesnotexist0000000", accessKey }),
      basicHeader({ authId: accessKey, accessKey: authId }),
    ];

    for (const authorization of attempts) {
      const problem = await problemOf(authenticateApiKey(authorization));
      expect(problem.kind).toBe("invalid-credentials");
      expect(problem.detail).toBe(new ApiProblem("invalid-credentials").detail);
    }
  });

  it("rejects a replaced key on the next request", async () => {
    const org = await seedOrganizationWithKey();
    await authenticateApiKey(org.authorization);

    const replacement = await issueKey(org.id);

    await expect(
      problemOf(authenticateApiKey(org.authorization)),
    ).resolves.toMatchObject({
      status: 401,
    });
    await expect(
      authenticateApiKey(replacement.authorization),
    ).resolves.toMatchObject({
      organizationId: org.id,
    });
  });

  it("rejects a deleted key on the next request", async () => {
    const org = await seedOrganizationWithKey();
    await authenticateApiKey(org.authorization);

    await db.apiKey.delete({ where: { id: org.apiKeyId } });

    await expect(
      problemOf(authenticateApiKey(org.authorization)),
    ).resolves.toMatchObject({
      status: 401,
    });
  });

  it("answers 403 while the organization's Contact API is off", async () => {
    const org = await seedOrganizationWithKey({ contactApiEnabled: false });

    const problem = await problemOf(authenticateApiKey(org.authorization));

    expect(problem.status).toBe(403);
    expect(problem.kind).toBe("contact-api-disabled");
  });

  it("refuses on the next request once the feature is switched off", async () => {
    const org = await seedOrganizationWithKey();
    await authenticateApiKey(org.authorization);

    await db.organization.update({
      where: { id: org.id },
      data: { contactApiEnabled: false },
    });

    await expect(
      problemOf(authenticateApiKey(org.authorization)),
    ).resolves.toMatchObject({
      status: 403,
    });
  });

  it("checks the credentials before the feature flag", async () => {
    const org = await seedOrganizationWithKey({ contactApiEnabled: false });
    const wrong = basicHeader({ ...org.credentials, accessKey: "eesk_wrong" });

    await expect(problemOf(authenticateApiKey(wrong))).resolves.toMatchObject({
      status: 401,
    });
  });

  it("records use at most about once a minute", async () => {
    const org = await seedOrganizationWithKey();
    expect(await lastUsedAt(org.apiKeyId)).toBeNull();

    await authenticateApiKey(org.authorization);
    const first = await lastUsedAt(org.apiKeyId);
    expect(first).not.toBeNull();

    await authenticateApiKey(org.authorization);
    expect(await lastUsedAt(org.apiKeyId)).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.apiKey.update({
      where: { id: org.apiKeyId },
      data: { lastUsedAt: twoMinutesAgo },
    });
    await authenticateApiKey(org.authorization);
    expect((await lastUsedAt(org.apiKeyId))!.getTime()).toBeGreaterThan(
      twoMinutesAgo.getTime(),
    );
  });

  it("does not record use for wrong credentials", async () => {
    const org = await seedOrganizationWithKey();
    const wrong = basicHeader({ ...org.credentials, accessKey: "eesk_wrong" });

    await problemOf(authenticateApiKey(wrong));

    expect(await lastUsedAt(org.apiKeyId)).toBeNull();
  });

  it("does not record use for a call refused because the feature is off", async () => {
    const org = await seedOrganizationWithKey({ contactApiEnabled: false });

    await problemOf(authenticateApiKey(org.authorization));

    expect(await lastUsedAt(org.apiKeyId)).toBeNull();
  });
});
