import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./create-client";
import { applyMigrations } from "./migrations";
import { checkReadiness, DatabaseUnreachable } from "./readiness";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "@/tests/support/scratch-database";

describe("checkReadiness", () => {
  let scratch: ScratchDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    scratch = await createScratchDatabase("ee_g_ready");
    db = createPrismaClient(scratch.url);
  });

  afterAll(async () => {
    await db.$disconnect();
    await scratch.drop();
  });

  it("lists every migration as pending on an empty database", async () => {
    const readiness = await checkReadiness(db);

    expect(readiness).toMatchObject({
      ready: false,
      reason: "migrations-pending",
    });
    expect(readiness.ready || readiness.pending).toContain(
      "20261203165648_init",
    );
  });

  it("is ready once the migrations are applied", async () => {
    await applyMigrations(scratch.url);

    expect(await checkReadiness(db)).toEqual({ ready: true });
  });

  it("reports an unreachable database without its address", async () => {
    const nowhere = createPrismaClient(
      "postgresql://postgres@127.0.0.1:1/nowhere",
    );

    const error = await checkReadiness(nowhere).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachable);
    expect(String(error)).not.toContain("127.0.0.1");
  });
});
