// Runs once when a Next.js server starts (`next start`, `next dev`), before
// it serves anything: a deploy with a missing or malformed variable stops
// here, naming the variable, instead of failing on some later request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { ConfigError, config } = await import("@/lib/config/env");
  try {
    const { trustProxy } = config();

    // next-auth v4 takes the public URL from X-Forwarded-Host and -Proto only
    // when AUTH_TRUST_HOST is set (NEXTAUTH_URL, when set, still wins).
    if (trustProxy) process.env.AUTH_TRUST_HOST ??= "true";
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;

    console.error(error.message);
    process.exit(1);
  }
}
