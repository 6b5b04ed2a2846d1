import "server-only";

import { z } from "zod";

import { parseTrustProxy } from "./trust-proxy";

// The server's configuration, read from the environment once and validated
// at start-up (instrumentation.ts), so a deploy with a missing or malformed
// variable stops before it serves, with a message naming the variable.
// `server-only` keeps it out of client bundles; scripts (react-server
// condition) and tests (aliased) can still call the parser.

const LOG_LEVELS = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
] as const;

const MIN_SECRET_LENGTH = 32;

const httpUrl = z.url({
  protocol: /^https?$/,
  error: "must be an absolute http:// or https:// URL",
});

// A host name with an optional port, as Vercel sets it: "app-git-x.vercel.app".
const host = z
  .string()
  .regex(
    /^[a-z0-9.-]+(:\d+)?$/i,
    "must be a host name such as app.example.com",
  );

// Comma-separated hosts, as Next's serverActions.allowedOrigins takes them
// ("*.example.com" wildcards allowed).
const hostList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^(\*\.)?[a-z0-9.-]+(:\d+)?$/i,
          "must list host names, comma-separated, without a scheme",
        ),
    ),
  );

// Space-separated CSP frame-ancestors sources: 'none', 'self' or origins.
const frameAncestors = z
  .string()
  .transform((value) => value.split(/\s+/).filter(Boolean))
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^('none'|'self'|https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/i,
          "must be 'none', 'self' or https:// origins, space-separated",
        ),
    ),
  );

const databaseUrl = z
  .string({ error: "is required" })
  .min(1, "is required")
  .regex(
    /^postgres(ql)?:\/\/\S+$/,
    "must be a postgresql:// connection string",
  );

const schema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development"),
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: httpUrl.optional(),
  VERCEL_URL: host.optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const hops = parseTrustProxy(value);
      if (hops === null)
        context.addIssue({
          code: "custom",
          message:
            'must be "true", "false" or the number of proxies in front (0 to 9)',
        });
      return hops ?? 0;
    }),
  SERVER_ACTIONS_ALLOWED_ORIGINS: hostList.default([]),
  FRAME_ANCESTORS: frameAncestors.default(["'none'"]),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
    .optional(),
});

// Checked on the raw environment as well as the parsed one, so a single run
// reports these together with any malformed variable.
function productionProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];

  if (!env.NEXTAUTH_SECRET)
    problems.push("NEXTAUTH_SECRET is required in production");
  else if (env.NEXTAUTH_SECRET.length < MIN_SECRET_LENGTH)
    problems.push(
      `NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (try \`openssl rand -hex 32\`)`,
    );

  const trustProxy = (parseTrustProxy(env.TRUST_PROXY) ?? 0) > 0;
  if (!env.NEXTAUTH_URL && !env.VERCEL_URL && !trustProxy)
    problems.push(
      "NEXTAUTH_URL is required in production unless VERCEL_URL is set or " +
        "TRUST_PROXY=1 (the public URL then comes from the proxy's " +
        "X-Forwarded-Host and X-Forwarded-Proto)",
    );

  return problems;
}

export type ServerConfig = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string;
  nextAuthSecret: string | undefined;
  /** The fixed public base URL, when the deploy names one. */
  publicBaseUrl: string | undefined;
  /** Whether X-Forwarded-* headers come from a proxy we trust. */
  trustProxy: boolean;
  serverActionsAllowedOrigins: string[];
  frameAncestors: string[];
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "Invalid configuration; the app cannot start:\n" +
        problems.map((problem) => `  - ${problem}`).join("\n") +
        "\nSee .env.example for every variable.",
    );
    this.name = "ConfigError";
  }
}

/** Validates an environment; throws a ConfigError naming each bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.error?.issues ?? []).map(
      (issue) => `${issue.path.join(".") || "environment"} ${issue.message}`,
    ),
    ...productionProblems(env),
  ];
  if (problems.length || !parsed.success) throw new ConfigError(problems);

  const value = parsed.data;
  return {
    nodeEnv: value.NODE_ENV,
    databaseUrl: value.DATABASE_URL,
    nextAuthSecret: value.NEXTAUTH_SECRET,
    publicBaseUrl:
      value.NEXTAUTH_URL ??
      (value.VERCEL_URL ? `https://${value.VERCEL_URL}` : undefined),
    trustProxy: value.TRUST_PROXY > 0,
    serverActionsAllowedOrigins: value.SERVER_ACTIONS_ALLOWED_ORIGINS,
    frameAncestors: value.FRAME_ANCESTORS,
    logLevel: value.LOG_LEVEL,
  };
}

let cached: ServerConfig | undefined;

/** The process's configuration, parsed on first use and kept. */
export function config(): ServerConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
