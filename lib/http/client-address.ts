import { isIP } from "node:net";

// Which address a request came from, for throttling and the audit log.
//
// Next.js copies the socket address into X-Forwarded-For only when the
// request has none, so behind no proxy a client chooses the value it sends.
// That is why X-Forwarded-For is read only when TRUST_PROXY says a proxy we
// run sets it; otherwise the address comes from the socket, stamped on the
// request by ./socket-address-stamp before Next.js sees it.

/** Set on every incoming request by the stamp; a client's own value is overwritten. */
export const SOCKET_ADDRESS_HEADER = "x-employee-email-socket-address";

const STAMP_INSTALLED = Symbol.for("employee-email.socket-address-stamp");

export function markSocketAddressStampInstalled(): void {
  (globalThis as Record<symbol, unknown>)[STAMP_INSTALLED] = true;
}

function socketAddressStampInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMP_INSTALLED] === true;
}

/**
 * How many proxies of ours sit in front of the app: "true" is one, a number
 * is that many, unset or "false" none (X-Forwarded-For is then ignored).
 */
// Read here directly for now; the deployment's zod config module will own it.
export function trustedProxyHops(
  value: string | undefined = process.env.TRUST_PROXY,
): number {
  const setting = value?.trim().toLowerCase();
  if (!setting || setting === "false" || setting === "0") return 0;
  if (setting === "true") return 1;

  const hops = Number(setting);
  return Number.isInteger(hops) && hops > 0 && hops < 10 ? hops : 0;
}

/** The client's IP address, or null when it cannot be known. */
export function clientAddress(headers: Headers): string | null {
  const hops = trustedProxyHops();
  if (hops > 0) return fromForwardedFor(headers.get("x-forwarded-for"), hops);

  if (!socketAddressStampInstalled()) return null;
  return normalize(headers.get(SOCKET_ADDRESS_HEADER));
}

// Each proxy appends the address it saw, so with N proxies of ours the
// client is the Nth entry from the right; entries further left are the
// client's own words.
function fromForwardedFor(header: string | null, hops: number): string | null {
  const entries = (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

  return normalize(entries[entries.length - hops] ?? null);
}

function normalize(address: string | null): string | null {
  if (!address) return null;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;

  return isIP(plain) ? plain : null;
}
