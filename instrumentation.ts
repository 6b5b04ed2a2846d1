// Runs once when a Next.js server starts (`next start`, `next dev`), before
// it serves anything: a deploy with a missing or malformed variable stops
// here, naming the variable, instead of failing on some later request.
// The check lives in a module imported only for the Node.js runtime, so the
// Edge build of this file never sees process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigAtStartUp } =
      await import("@/lib/config/check-at-start-up");
    checkConfigAtStartUp();
  }
}
