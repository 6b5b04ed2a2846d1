// `npm test`: the whole suite, in the order that fails fastest.
//
// With no DATABASE_URL it runs on the embedded PostgreSQL (database
// employee_email_test); with DATABASE_URL it uses that server as given.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

import { ensureChromium } from "./chromium";
import { ensureDatabase, TEST_DATABASE } from "./db/embedded";
import { run } from "./run";

const REPORTS = ".test-reports";
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

type Totals = { passed: number; failed: number; skipped: number };

async function main(): Promise<void> {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });

  await run("typecheck", "npx", ["tsc", "--noEmit"]);
  await run("formatting", "npx", ["prettier", "--check", "."]);
  await ensureChromium();

  const database = await ensureDatabase({ name: TEST_DATABASE });
  const env = testEnvironment(database.url);
  let failure: unknown;

  try {
    await run("migrations", "npm", ["run", "--silent", "db:migrate"], env);
    await run("schema drift", "npm", ["run", "--silent", "db:check"], env);
    await run("demo data", "npm", ["run", "--silent", "db:seed"], env);
    await run("unit and integration", "npx", vitestArgs(), env);
    await run("production build", "npx", ["next", "build"], env);
    await run("end to end", "npx", ["playwright", "test"], env);
    await run(
      "load, short form",
      "npm",
      ["run", "--silent", "load", "--", "--duration", "10"],
      env,
    );
  } catch (error) {
    failure = error;
  } finally {
    await database.stop();
  }

  printTotals();
  if (failure) throw failure;
}

function testEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: process.env.E2E_BASE_URL ?? `http://localhost:${E2E_PORT}`,
    NEXTAUTH_SECRET:
      process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
    E2E_PORT: String(E2E_PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

function vitestArgs(): string[] {
  return [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${REPORTS}/vitest.json`,
  ];
}

// One closing line over both runners, in the plain form CI reads.
function printTotals(): void {
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };

  const vitest = readReport(`${REPORTS}/vitest.json`);
  if (vitest) {
    totals.passed += vitest.numPassedTests ?? 0;
    totals.failed += vitest.numFailedTests ?? 0;
    totals.skipped +=
      (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  }

  const playwright = readReport(`${REPORTS}/playwright.json`);
  if (playwright?.stats) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky;
    totals.failed += playwright.stats.unexpected;
    totals.skipped += playwright.stats.skipped;
    if (playwright.stats.flaky > 0)
      console.log(
        `\nFlaky: ${playwright.stats.flaky} end-to-end test(s) passed only on retry (listed above).`,
      );
  }

  console.log(
    `\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readReport(path: string): any {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
