// Runs once when a Next.js server starts (`next start`, `next dev`), before
// it serves anything. The work lives in modules imported only for the
// Node.js runtime, so the Edge build of this file never sees them.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  // A deploy with a missing or malformed variable stops here, naming the
  // variable, instead of failing on some later request.
  const { checkConfigAtStartUp } =
    await import("@/lib/config/check-at-start-up");
  checkConfigAtStartUp();

  // Throttling needs the real client address; see lib/http/client-address.ts.
  const { installSocketAddressStamp } =
    await import("@/lib/http/socket-address-stamp");
  installSocketAddressStamp();
}
