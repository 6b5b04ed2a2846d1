import "server-only";

import { z } from "zod";

import { clientAddress } from "@/lib/http/client-address";
import { signInThrottle } from "@/lib/throttle/policies";

import { normalizeEmail } from "./email";
import { verifyCredentials } from "./verify-credentials";

/** The error next-auth hands back to the sign-in form when throttled. */
export const SIGN_IN_THROTTLED = "TooManyAttempts";

const emailSchema = z.object({ email: z.string().max(320) });

/**
 * next-auth's authorize step: checks the credentials, throttling failures
 * per client address and per email. The email is counted whether or not an
 * account has it, so neither the answer nor the throttle tells a stranger
 * which accounts exist.
 */
export async function authorizeSignIn(
  credentials: unknown,
  headers: Record<string, unknown> | undefined,
): Promise<{ id: string } | null> {
  const address = clientAddress(toHeaders(headers));
  const parsed = emailSchema.safeParse(credentials);
  const account = parsed.success ? normalizeEmail(parsed.data.email) : null;

  if (await signInThrottle.check(address, account)) {
    throw new Error(SIGN_IN_THROTTLED);
  }

  const user = await verifyCredentials(credentials);
  if (user) return user;

  if (await signInThrottle.recordFailure(address, account)) {
    throw new Error(SIGN_IN_THROTTLED);
  }
  return null;
}

function toHeaders(source: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(source ?? {})) {
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}
