// TRUST_PROXY says how many proxies of ours sit in front of the app and
// append to X-Forwarded-For: unset, "false" or "0" none; "true" one; a
// number that many. One reading, shared by the start-up check (which refuses
// anything else) and the code that finds a request's client address.

const MAX_HOPS = 9;

/** The number of trusted proxies, or null when the value means nothing. */
export function parseTrustProxy(value: string | undefined): number | null {
  const setting = value?.trim().toLowerCase();
  if (!setting || setting === "false") return 0;
  if (setting === "true") return 1;

  const hops = Number(setting);
  return Number.isInteger(hops) && hops >= 0 && hops <= MAX_HOPS ? hops : null;
}
