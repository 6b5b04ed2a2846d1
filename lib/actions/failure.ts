import "server-only";

import { randomUUID } from "node:crypto";

import { ZodError } from "zod";

import { isRefusal } from "@/lib/errors/refusal";
import { logger } from "@/lib/log/logger";

import type { ActionFailure } from "./result";

/**
 * Turns anything an action threw into its failure result. A refusal keeps
 * its message; any other error is logged in full under a reference and
 * hidden, since its text may name tables, queries or hosts.
 */
export function failureFrom(error: unknown, action: string): ActionFailure {
  if (isRefusal(error)) return { ok: false, error: error.message };

  // Only a hand-made request sends an action input our own form never does:
  // the client's fault, so it is answered plainly and logged without a stack.
  if (error instanceof ZodError) {
    logger.warn(
      { action, issues: error.issues.length },
      "invalid action input",
    );
    return {
      ok: false,
      error: "The request was not understood. Reload the page.",
    };
  }

  const reference = randomUUID().slice(0, 8);
  logger.error({ err: error, action, reference }, "server action failed");

  return {
    ok: false,
    error:
      "Something went wrong. Try again; if it keeps happening, contact " +
      `support (reference ${reference}).`,
  };
}
