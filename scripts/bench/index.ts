import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

import { faker } from "@faker-js/faker";
import { Pool } from "pg";

import { applyMigrations } from "@/lib/db/migrations";
import { createPrismaClient } from "@/lib/db/create-client";

import { ensureDatabase } from "../db/embedded";
import { runScript } from "../db/run";
import {
  basicAuth,
  measure,
  DURATION_SECONDS,
  type Measurement,
} from "./measure";
import {
  ensureBenchOrganization,
  freshBenchOrganization,
  type BenchOrganization,
} from "./seed";
import { buildIfStale, startServer } from "./server";

// `npm run bench`: seeds 100,000 and 1,000 contacts, starts the production
// build on a free loopback port, measures the Contact API with autocannon,
// prints a table and writes bench/results/latest.json. Uses DATABASE_URL, or
// the embedded PostgreSQL (database employee_email_bench) when it is unset.

const BENCH_DATABASE = "employee_email_bench";
const UPLOAD_BATCH = 1_000;

type Row = {
  measurement: string;
  figure: string;
  target: string;
  met: boolean | null;
};

runScript(async () => {
  const database = await ensureDatabase({ name: BENCH_DATABASE });
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const prisma = createPrismaClient(database.url);

  try {
    await applyMigrations(database.url);
    const large = await ensureBenchOrganization(
      prisma,
      pool,
      "Bench 100k",
      100_000,
      100,
    );
    const small = await ensureBenchOrganization(
      prisma,
      pool,
      "Bench 1k",
      1_000,
      1,
    );
    const upload = await freshBenchOrganization(prisma, "Bench upload");

    buildIfStale(database.url);
    const server = await startServer(database.url);
    try {
      const results = await runMeasurements(server.url, large, small, upload);
      report(results, { postgres: await postgresVersion(pool) });
    } finally {
      await server.stop();
      await prisma.organization.deleteMany({ where: { name: upload.name } });
    }
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.stop();
  }
});

type Results = {
  listAt10: Measurement;
  healthAt10: Measurement;
  health1: Measurement;
  list1k: Measurement;
  list100k: Measurement;
  upload: (Measurement & { contactsPerSecond: number }) | null;
  lookup: Measurement | null;
};

async function runMeasurements(
  url: string,
  large: BenchOrganization,
  small: BenchOrganization,
  upload: BenchOrganization,
): Promise<Results> {
  const list = `${url}/api/v1/contacts?limit=100`;
  const auth = (org: BenchOrganization) => ({
    authorization: basicAuth(org.credentials),
  });

  // Warm-up: the first requests compile routes and fill connection pools.
  await measure({
    url: list,
    connections: 4,
    headers: auth(large),
    duration: 3,
  });
  await measure({ url: `${url}/api/health`, connections: 4, duration: 2 });

  step("throughput, list at 10 connections");
  const listAt10 = await measure({
    url: list,
    connections: 10,
    headers: auth(large),
  });
  step("throughput, /api/health at 10 connections");
  const healthAt10 = await measure({
    url: `${url}/api/health`,
    connections: 10,
  });

  // The floor: what Next.js alone costs per request on this machine now.
  step("latency, /api/health at 1 connection");
  const health1 = await measure({ url: `${url}/api/health`, connections: 1 });
  step("latency, list at 1,000 contacts");
  const list1k = await measure({
    url: list,
    connections: 1,
    headers: auth(small),
  });
  step("latency, list at 100,000 contacts");
  const list100k = await measure({
    url: list,
    connections: 1,
    headers: auth(large),
  });

  step("bulk upsert through POST /api/v1/contacts/upload");
  const uploaded = await measureUpload(url, upload);
  step("lookup by email at 100,000 contacts");
  const lookup = await measureLookup(url, large);

  return {
    listAt10,
    healthAt10,
    health1,
    list1k,
    list100k,
    upload: uploaded,
    lookup,
  };
}

// Batches of 1,000 over a pool of 20,000 addresses: the first pass inserts,
// later passes update, as a nightly HR sync would.
async function measureUpload(url: string, org: BenchOrganization) {
  const endpoint = `${url}/api/v1/contacts/upload`;
  const headers = {
    authorization: basicAuth(org.credentials),
    "content-type": "application/json",
  };
  faker.seed(7);
  const people = Array.from({ length: 20_000 }, (_, i) => ({
    email: `upload.${i}@bench.example`,
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    department: "Engineering",
    location: faker.location.city(),
  }));
  let batch = 0;
  const nextBody = () => {
    const start = (batch++ * UPLOAD_BATCH) % people.length;
    return JSON.stringify({
      contacts: people.slice(start, start + UPLOAD_BATCH),
    });
  };

  const probe = await fetch(endpoint, {
    method: "POST",
    headers,
    body: nextBody(),
  });
  if (!probe.ok) {
    console.log(
      `  POST /api/v1/contacts/upload answered ${probe.status}; skipped.`,
    );
    return null;
  }

  const result = await measure({
    url,
    connections: 2,
    requests: [
      {
        method: "POST",
        path: "/api/v1/contacts/upload",
        headers,
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });

  return {
    ...result,
    contactsPerSecond: result.requestsPerSecond * UPLOAD_BATCH,
  };
}

async function measureLookup(url: string, org: BenchOrganization) {
  const headers = { authorization: basicAuth(org.credentials) };
  const pathFor = (email: string) =>
    `/api/v1/contacts?email=${encodeURIComponent(email)}`;

  // An API without the email filter would answer with a whole page.
  const email = org.sampleEmails[0]!;
  const probe = await fetch(`${url}${pathFor(email)}`, { headers });
  const body = probe.ok
    ? ((await probe.json()) as { data?: { email: string }[] })
    : null;
  if (body?.data?.length !== 1 || body.data[0]!.email !== email) {
    console.log(
      `  GET ${pathFor("…")} is not a lookup (status ${probe.status}); skipped.`,
    );
    return null;
  }

  let i = 0;
  return measure({
    url,
    connections: 1,
    headers,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({
          ...request,
          path: pathFor(org.sampleEmails[i++ % org.sampleEmails.length]!),
        }),
      },
    ],
  });
}

function report(results: Results, machine: { postgres: string }) {
  const { listAt10, healthAt10, health1, list1k, list100k, upload, lookup } =
    results;
  const ratio = listAt10.requestsPerSecond / healthAt10.requestsPerSecond;
  const growth = list100k.p50Ms / list1k.p50Ms;

  const rows: Row[] = [
    {
      measurement: "list (100k), 10 conn, req/s",
      figure: rps(listAt10),
      target: "",
      met: null,
    },
    {
      measurement: "/api/health, 10 conn, req/s",
      figure: rps(healthAt10),
      target: "",
      met: null,
    },
    {
      measurement: "list / health throughput",
      figure: ratio.toFixed(2),
      target: ">= 0.5",
      met: ratio >= 0.5,
    },
    {
      measurement: "/api/health, 1 conn, p50 / p99 (floor)",
      figure: `${health1.p50Ms.toFixed(2)} / ${health1.p99Ms.toFixed(2)} ms`,
      target: "",
      met: null,
    },
    latencyRow("list at 1,000, 1 conn", list1k),
    latencyRow("list at 100,000, 1 conn", list100k),
    {
      measurement: "list p50, 100k vs 1k",
      figure: `${growth.toFixed(2)}x`,
      target: "<= 1.2x",
      met: growth <= 1.2,
    },
    upload
      ? {
          measurement: "bulk upsert, contacts/s",
          figure: upload.contactsPerSecond.toFixed(0),
          target: ">= 5000",
          met: upload.contactsPerSecond >= 5000,
        }
      : {
          measurement: "bulk upsert",
          figure: "n/a",
          target: ">= 5000",
          met: null,
        },
    lookup
      ? {
          measurement: "lookup by email (100k), p99",
          figure: `${lookup.p99Ms.toFixed(2)} ms (p50 ${lookup.p50Ms.toFixed(2)})`,
          target: "< 10 ms",
          met: lookup.p99Ms < 10,
        }
      : {
          measurement: "lookup by email",
          figure: "n/a",
          target: "< 10 ms",
          met: null,
        },
  ];

  console.log("");
  console.table(
    rows.map((row) => ({
      measurement: row.measurement,
      figure: row.figure,
      target: row.target,
      met: row.met === null ? "" : row.met ? "yes" : "NO",
    })),
  );
  const failures = Object.entries(results).filter(
    ([, m]) => m && (m.non2xx > 0 || m.errors > 0),
  );
  for (const [name, m] of failures) {
    console.log(`  ${name}: ${m!.non2xx} non-2xx answers, ${m!.errors} errors`);
  }

  const output = {
    ranAt: new Date().toISOString(),
    durationSeconds: DURATION_SECONDS,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      node: process.version,
      postgres: machine.postgres,
      // The run shares the machine: a high load makes every figure worse.
      loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    },
    rows,
    raw: results,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/latest.json",
    `${JSON.stringify(output, null, 2)}\n`,
  );
  const [load] = os.loadavg();
  if (load! > os.cpus().length) {
    console.log(
      `  Warning: load average ${load!.toFixed(1)} on ${os.cpus().length} ` +
        "CPUs; other processes took part of the machine during this run.",
    );
  }
  console.log("Written to bench/results/latest.json.");
}

function latencyRow(name: string, m: Measurement): Row {
  return {
    measurement: `${name}, p50 / p99`,
    figure: `${m.p50Ms.toFixed(2)} / ${m.p99Ms.toFixed(2)} ms`,
    target: "< 5 / < 15 ms",
    met: m.p50Ms < 5 && m.p99Ms < 15,
  };
}

function rps(m: Measurement): string {
  return m.requestsPerSecond.toFixed(0);
}

function step(text: string) {
  console.log(`Measuring ${text} (${DURATION_SECONDS} s)…`);
}

async function postgresVersion(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ server_version: string }>(
    "SHOW server_version",
  );
  return rows[0]!.server_version;
}
