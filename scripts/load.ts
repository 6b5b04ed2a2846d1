// `npm run load`: a bounded load test of the production build. 50 connections
// for 60 s (`-- --duration 10` for the short form that `npm test` runs) of
// mixed Contact API reads and writes with a valid key, plus requests with an
// invalid key from a handful of client addresses. Passes when no 5xx and no
// status other than the expected ones was seen (200/201 for the valid key,
// 401/429 for the invalid one), no valid request was throttled, and the
// server's resident memory stayed flat after warm-up.
import { spawn } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

import autocannon from "autocannon";

import {
  accessKeyHint,
  digestAccessKey,
  generateCredentials,
} from "@/lib/api-keys/credentials";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";

import { ensureDatabase, TEST_DATABASE } from "./db/embedded";
import { freePort } from "./free-port";

type Kind = "list" | "read" | "create" | "update" | "invalid";
const EXPECTED: Record<Kind, number[]> = {
  list: [200],
  read: [200],
  create: [201],
  update: [200],
  invalid: [401, 429],
};

const args = process.argv.slice(2);
const duration = Number(valueOf("--duration") ?? 60);
const connections = Number(valueOf("--connections") ?? 50);
// Memory may grow this much from the end of warm-up to the end of the run;
// judged on runs of 30 s or more (a short run is mostly warm-up).
const RSS_GROWTH_LIMIT = 1.25;
const RSS_JUDGED_FROM_SECONDS = 30;

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npm run build` first.");
  }
  const database = await ensureDatabase({ name: TEST_DATABASE });
  await applyMigrations(database.url);
  const fixture = await seed(database.url);
  const server = await startServer(database.url);

  try {
    const result = await runLoad(server.baseURL, fixture, server.pid);
    report(result);
    if (result.failures.length > 0) {
      throw new Error(`load test failed:\n- ${result.failures.join("\n- ")}`);
    }
  } finally {
    server.stop();
    await database.stop();
  }
}

type Fixture = { authorization: string; contactIds: string[] };

async function seed(url: string): Promise<Fixture> {
  const db = createPrismaClient(url);
  try {
    const credentials = generateCredentials();
    const tag = randomUUID().slice(0, 8);
    const org = await db.organization.create({
      data: {
        name: `Load test ${tag}`,
        contactApiEnabled: true,
        apiKey: {
          create: {
            authId: credentials.authId,
            accessKeyDigest: new Uint8Array(
              digestAccessKey(credentials.accessKey),
            ),
            accessKeyHint: accessKeyHint(credentials.accessKey),
          },
        },
      },
    });
    const contactIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const email = `load${i}-${tag}@example.com`;
      const contact = await db.contact.create({
        data: { organizationId: org.id, email, uniqueId: email },
      });
      contactIds.push(contact.id);
    }
    const token = Buffer.from(
      `${credentials.authId}:${credentials.accessKey}`,
    ).toString("base64");
    return { authorization: `Basic ${token}`, contactIds };
  } finally {
    await db.$disconnect();
  }
}

async function startServer(databaseUrl: string) {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomUUID(),
        // Load-test clients say which address they stand for.
        TRUST_PROXY: "true",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { baseURL, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

type LoadResult = {
  failures: string[];
  summary: Record<string, unknown>;
};

async function runLoad(
  baseURL: string,
  fixture: Fixture,
  pid: number,
): Promise<LoadResult> {
  const statuses: Record<string, Record<number, number>> = {};
  const rss: { second: number; mb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    rss.push({
      second: Math.round((Date.now() - started) / 1000),
      mb: rssMb(pid),
    });
  }, 1000);

  const invalid = `Basic ${Buffer.from("eeid_load-invalid:eesk_wrong").toString("base64")}`;
  const pick = <T>(items: T[]): T => items[randomInt(items.length)]!;

  const result = await autocannon({
    url: baseURL,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request, context) => {
          const roll = randomInt(100);
          const kind: Kind =
            roll < 45
              ? "list"
              : roll < 65
                ? "read"
                : roll < 75
                  ? "create"
                  : roll < 90
                    ? "update"
                    : "invalid";
          context.kind = kind;
          const id = pick(fixture.contactIds);
          const headers: Record<string, string> = {
            authorization: kind === "invalid" ? invalid : fixture.authorization,
            // Valid traffic from clean addresses, guesses from five others.
            "x-forwarded-for":
              kind === "invalid"
                ? `198.51.100.${randomInt(1, 6)}`
                : `10.20.${randomInt(256)}.${randomInt(1, 255)}`,
            "content-type": "application/json",
          };
          const shapes = {
            list: { method: "GET", path: "/api/v1/contacts?limit=20" },
            read: { method: "GET", path: `/api/v1/contacts/${id}` },
            create: {
              method: "POST",
              path: "/api/v1/contacts",
              body: JSON.stringify({ email: `${randomUUID()}@load.test` }),
            },
            update: {
              method: "PATCH",
              path: `/api/v1/contacts/${id}`,
              body: JSON.stringify({ jobTitle: `Title ${randomInt(1000)}` }),
            },
            invalid: { method: "GET", path: "/api/v1/contacts" },
          } as const;
          return { ...request, ...shapes[kind], headers };
        },
        onResponse: (status, _body, context) => {
          const kind = String(context.kind);
          statuses[kind] ??= {};
          statuses[kind][status] = (statuses[kind][status] ?? 0) + 1;
        },
      },
    ],
  });
  clearInterval(sampler);

  return judge(result, statuses, rss);
}

function judge(
  result: autocannon.Result,
  statuses: Record<string, Record<number, number>>,
  rss: { second: number; mb: number }[],
): LoadResult {
  const failures: string[] = [];
  let unexpected = 0;
  let status5xx = 0;
  for (const [kind, counts] of Object.entries(statuses)) {
    for (const [status, n] of Object.entries(counts)) {
      if (Number(status) >= 500) status5xx += n;
      if (!EXPECTED[kind as Kind].includes(Number(status))) {
        unexpected += n;
        failures.push(`${n} × ${status} for ${kind}`);
      }
    }
  }
  if (result.errors > 0) failures.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const quarter = Math.max(1, Math.floor(rss.length / 4));
  const afterWarmUp = median(rss.slice(quarter, 2 * quarter).map((s) => s.mb));
  const atEnd = median(rss.slice(-quarter).map((s) => s.mb));
  const judged = result.duration >= RSS_JUDGED_FROM_SECONDS;
  if (judged && atEnd > afterWarmUp * RSS_GROWTH_LIMIT) {
    failures.push(`RSS grew from ${afterWarmUp} MB to ${atEnd} MB`);
  }

  return {
    failures,
    summary: {
      duration: result.duration,
      connections: result.connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      statuses,
      status5xx,
      unexpected,
      errors: result.errors,
      timeouts: result.timeouts,
      rssMb: {
        start: rss[0]?.mb,
        afterWarmUp,
        atEnd,
        max: Math.max(...rss.map((s) => s.mb)),
      },
    },
  };
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

function report({ summary, failures }: LoadResult): void {
  mkdirSync(".test-reports", { recursive: true });
  writeFileSync(
    ".test-reports/load.json",
    JSON.stringify({ ...summary, failures }, null, 2),
  );
  console.log(JSON.stringify(summary, null, 2));
  console.log(failures.length === 0 ? "load: passed" : "load: FAILED");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
