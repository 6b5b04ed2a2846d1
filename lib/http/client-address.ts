import { isIP } from "node:net";

import { parseTrustProxy } from "@/lib/config/trust-proxy";

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
 * How many proxies of ours sit in front of the app (see TRUST_PROXY in
 * lib/config/trust-proxy). The start-up check refuses a value that means
 * nothing; should one get here anyway, no proxy is trusted.
 */
export function trustedProxyHops(
  value: string | undefined = process.env.TRUST_PROXY,
): number {
  return parseTrustProxy(value) ?? 0;
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
