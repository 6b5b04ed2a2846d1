import "server-only";

import { randomBytes } from "node:crypto";

import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { normalizeEmail } from "./email";

// The upper bounds keep one request from making argon2 or the database do
// unbounded work; no real email or password comes near them.
// Control characters cannot be in an email address, and PostgreSQL refuses a
// NUL byte outright: such input fails here instead of in the query.
const credentialsSchema = z.object({
  email: z
    .string()
    .max(320)
    .regex(/^[^\p{Cc}]*$/u),
  password: z.string().min(1).max(1024),
});

// An unknown email is checked against this hash of a random password, so it
// costs the same argon2 work as a wrong password and response times do not
// reveal which accounts exist. Default options, as the stored hashes use.
const dummyHash: Promise<string> = hash(randomBytes(32).toString("hex"));

/**
 * The id of the account these credentials sign in to, or null. It never
 * says why it failed: an unknown email and a wrong password look the same.
 */
export async function verifyCredentials(
  input: unknown,
): Promise<{ id: string } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;

  const { email, password } = parsed.data;
  const user = await findAccount(email);

  const passwordMatches = await verifyPassword(
    user?.passwordHash ?? (await dummyHash),
    password,
  );

  return user && passwordMatches ? { id: user.id } : null;
}

// next-auth copies the message of anything thrown here into the redirect URL
// it sends the browser, so a database error is logged and replaced.
async function findAccount(email: string) {
  try {
    return await db.user.findUnique({
      where: { email: normalizeEmail(email) },
      select: { id: true, passwordHash: true },
    });
  } catch (error) {
    logger.error({ err: error }, "sign-in lookup failed");
    throw new Error("Sign-in is unavailable right now.");
  }
}

async function verifyPassword(
  passwordHash: string,
  password: string,
): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must fail closed, not surface as a 500.
    return false;
  }
}
