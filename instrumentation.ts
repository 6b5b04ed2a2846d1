// Runs once when a server process starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  // Throttling needs the real client address; see lib/http/client-address.ts.
  const { installSocketAddressStamp } =
    await import("@/lib/http/socket-address-stamp");
  installSocketAddressStamp();
}
