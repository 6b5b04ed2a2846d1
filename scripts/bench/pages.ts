import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { applyMigrations } from "@/lib/db/migrations";
import { seedDatabase } from "@/lib/db/seed/seed-database";

import { CHROMIUM_PATH } from "../chromium";
import { targetDatabase } from "../db/target";
import { run } from "../run";
import { runScript } from "../db/run";
import { firstLoadJs } from "./first-load-js";

// `npm run bench:pages [-- --skip-build]`: the API Keys page of the
// production build, as a Parent Admin of the demo data sees it.
//  - first-load JS (gzip) from the build's manifests, target <= 130 kB;
//  - Lighthouse 12.2.3 against `next start` (Debian's Chromium, headless),
//    mobile (its default) and desktop: performance >= 95, accessibility 100,
//    best practices >= 95.
// Results go to bench/results/pages.json; the README keeps the latest.

const PAGE = "/(app)/email-contacts/import/contact-api/api-keys";
const PATH = "/email-contacts/import/contact-api/api-keys";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE_URL = `http://localhost:${PORT}`;
const ACCOUNT = { email: "parent@acme.test", password: "demo-password" };
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const TARGET = {
  firstLoadGzipKb: 130,
  performance: 95,
  accessibility: 100,
  bestPractices: 95,
};

type Scores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
};

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(PORT)],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );

  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error("next start exited");
    const up = await fetch(`${BASE_URL}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer on ${BASE_URL}`);
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in through next-auth's endpoints; returns the session cookie. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookiesOf(csrf).join("; "),
    },
    body: new URLSearchParams({ csrfToken, ...ACCOUNT, json: "true" }),
  });

  const session = cookiesOf(response).find((cookie) =>
    cookie.includes("session-token="),
  );
  if (!session) throw new Error(`Sign-in as ${ACCOUNT.email} failed.`);
  return session;
}

async function lighthouse(
  cookie: string,
  formFactor: "mobile" | "desktop",
): Promise<Scores> {
  const output = path.resolve(`bench/results/lighthouse-${formFactor}.json`);
  // The session cookie goes through a file, so the command line that run()
  // prints (and CI logs) never shows it.
  const headers = path.resolve("bench/results/.session-headers.json");
  writeFileSync(headers, JSON.stringify({ Cookie: cookie }), { mode: 0o600 });

  try {
    await run(
      `lighthouse (${formFactor})`,
      "npx",
      [
        "lighthouse",
        `${BASE_URL}${PATH}`,
        "--quiet",
        "--output=json",
        `--output-path=${output}`,
        "--only-categories=performance,accessibility,best-practices",
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
        `--extra-headers=${headers}`,
        ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
      ],
      { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    );
  } finally {
    rmSync(headers, { force: true });
  }

  const report = JSON.parse(readFileSync(output, "utf8"));
  if (
    report.finalDisplayedUrl &&
    !String(report.finalDisplayedUrl).endsWith(PATH)
  )
    throw new Error(
      `Lighthouse ended on ${report.finalDisplayedUrl}, not the API Keys page.`,
    );
  const score = (id: string) => Math.round(report.categories[id].score * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
  };
}

function verdict(scores: Scores): string {
  const ok =
    scores.performance >= TARGET.performance &&
    scores.accessibility >= TARGET.accessibility &&
    scores.bestPractices >= TARGET.bestPractices;
  return ok ? "meets the targets" : "BELOW TARGET";
}

runScript(async () => {
  const { values } = parseArgs({
    options: { "skip-build": { type: "boolean" } },
  });
  const database = await targetDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: BASE_URL,
    NEXTAUTH_SECRET:
      process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  try {
    await applyMigrations(database.url);
    await seedDatabase(database.url);
    if (!values["skip-build"] || !existsSync(".next/BUILD_ID"))
      await run("production build", "npx", ["next", "build"], env);

    const js = firstLoadJs(path.resolve(".next"), PAGE);
    mkdirSync("bench/results", { recursive: true });

    const server = await startServer(env);
    let mobile: Scores;
    let desktop: Scores;
    try {
      const cookie = await signIn();
      mobile = await lighthouse(cookie, "mobile");
      desktop = await lighthouse(cookie, "desktop");
    } finally {
      server.kill("SIGTERM");
    }

    const firstLoadGzipKb = Math.round((js.gzipBytes / 1024) * 10) / 10;
    writeFileSync(
      "bench/results/pages.json",
      JSON.stringify(
        { page: PATH, firstLoadGzipKb, js, mobile, desktop, target: TARGET },
        null,
        2,
      ),
    );

    console.log(`\nAPI Keys page (${PATH}), production build`);
    console.log(
      `First-load JS: ${firstLoadGzipKb} kB gzip in ${js.files.length} files ` +
        `(target <= ${TARGET.firstLoadGzipKb} kB: ${firstLoadGzipKb <= TARGET.firstLoadGzipKb ? "met" : "NOT MET"})`,
    );
    for (const [name, scores] of [
      ["mobile", mobile],
      ["desktop", desktop],
    ] as const)
      console.log(
        `Lighthouse ${name}: performance ${scores.performance}, accessibility ` +
          `${scores.accessibility}, best practices ${scores.bestPractices} (${verdict(scores)})`,
      );
  } finally {
    await database.stop();
  }
});
