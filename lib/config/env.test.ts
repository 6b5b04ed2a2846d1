import { describe, expect, it } from "vitest";

import { ConfigError, parseConfig } from "./env";

const SECRET = "s".repeat(32);

const production: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app@db.example.com:5432/employee_email",
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: "https://email.example.com",
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseConfig", () => {
  it("accepts a complete production environment with safe defaults", () => {
    const config = parseConfig(production);

    expect(config.publicBaseUrl).toBe("https://email.example.com");
    expect(config.trustProxy).toBe(false);
    expect(config.frameAncestors).toEqual(["'none'"]);
    expect(config.serverActionsAllowedOrigins).toEqual([]);
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: undefined }, /DATABASE_URL is required/],
    [
      "DATABASE_URL",
      { DATABASE_URL: "mysql://x@y/z" },
      /DATABASE_URL must be a postgresql/,
    ],
    [
      "NEXTAUTH_SECRET",
      { NEXTAUTH_SECRET: undefined },
      /NEXTAUTH_SECRET is required in production/,
    ],
    [
      "NEXTAUTH_SECRET",
      { NEXTAUTH_SECRET: "too-short" },
      /NEXTAUTH_SECRET must be at least 32 characters/,
    ],
    [
      "NEXTAUTH_URL",
      { NEXTAUTH_URL: undefined },
      /NEXTAUTH_URL is required in production unless VERCEL_URL/,
    ],
    [
      "NEXTAUTH_URL",
      { NEXTAUTH_URL: "email.example.com" },
      /NEXTAUTH_URL must be an absolute/,
    ],
    ["VERCEL_URL", { VERCEL_URL: "https://x.vercel.app" }, /VERCEL_URL must/],
    ["TRUST_PROXY", { TRUST_PROXY: "yes" }, /TRUST_PROXY must be/],
    [
      "SERVER_ACTIONS_ALLOWED_ORIGINS",
      { SERVER_ACTIONS_ALLOWED_ORIGINS: "https://a.example.com" },
      /SERVER_ACTIONS_ALLOWED_ORIGINS.* must list host names/,
    ],
    [
      "FRAME_ANCESTORS",
      { FRAME_ANCESTORS: "'self' javascript:alert(1)" },
      /FRAME_ANCESTORS.* must be 'none', 'self'/,
    ],
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }, /LOG_LEVEL must be one of/],
  ])("names %s when it is missing or malformed", (_name, change, message) => {
    const problems = problemsOf({ ...production, ...change });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({ NODE_ENV: "production" });

    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL",
    ]);
  });

  it("takes the public URL from VERCEL_URL, or from a trusted proxy", () => {
    const onVercel = parseConfig({
      ...production,
      NEXTAUTH_URL: undefined,
      VERCEL_URL: "employee-email-git-x.vercel.app",
    });
    expect(onVercel.publicBaseUrl).toBe(
      "https://employee-email-git-x.vercel.app",
    );

    const behindProxy = parseConfig({
      ...production,
      NEXTAUTH_URL: undefined,
      TRUST_PROXY: "1",
    });
    expect(behindProxy.publicBaseUrl).toBeUndefined();
    expect(behindProxy.trustProxy).toBe(true);
  });

  it("needs neither secret nor public URL outside production", () => {
    const config = parseConfig({
      NODE_ENV: "development",
      DATABASE_URL: production.DATABASE_URL,
    });

    expect(config.nextAuthSecret).toBeUndefined();
  });

  it("parses the lists other modules read", () => {
    const config = parseConfig({
      ...production,
      SERVER_ACTIONS_ALLOWED_ORIGINS:
        "email.example.com, *.preview.example.com",
      FRAME_ANCESTORS: "'self' https://intranet.example.com",
      TRUST_PROXY: "true",
    });

    expect(config.serverActionsAllowedOrigins).toEqual([
      "email.example.com",
      "*.preview.example.com",
    ]);
    expect(config.frameAncestors).toEqual([
      "'self'",
      "https://intranet.example.com",
    ]);
    expect(config.trustProxy).toBe(true);
  });
});
