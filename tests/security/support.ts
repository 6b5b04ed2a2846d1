import { randomInt } from "node:crypto";

// Helpers of the security tests that call route handlers in process.

/** A documentation-range address (RFC 5737) no other test uses. */
export function freshAddress(): string {
  return `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A request as an integration sends it, from the given client address. */
export function apiRequest(
  url: string,
  options: {
    method?: string;
    authorization?: string | null;
    address?: string;
    body?: unknown;
  } = {},
): Request {
  const headers = new Headers();
  if (options.authorization != null) {
    headers.set("authorization", options.authorization);
  }
  if (options.address) headers.set("x-forwarded-for", options.address);
  if (options.body !== undefined)
    headers.set("content-type", "application/json");

  return new Request(url, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

export const noParams = { params: Promise.resolve({}) };
