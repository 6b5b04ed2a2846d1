/**
 * Production never gets the demo accounts (their password is public), unless
 * a preview environment asks for them explicitly.
 */
export function assertSeedAllowed(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv,
): void {
  if (env.NODE_ENV !== "production") return;
  if (argv.includes("--allow-production") || env.SEED_ALLOW_PRODUCTION === "1")
    return;

  throw new Error(
    "Refusing to seed demo accounts with NODE_ENV=production. " +
      "For a preview environment, pass --allow-production or set SEED_ALLOW_PRODUCTION=1.",
  );
}
