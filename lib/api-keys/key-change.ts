import { z } from "zod";

import type { ActionResult } from "@/lib/actions/result";

// Shared by the key's client components and its server actions; nothing
// here reaches the server, so the browser bundle may import it.

/**
 * What the browser sends to generate, replace or delete the key: only the
 * Auth ID its screen showed (null: no key), to notice a stale tab. Never an
 * organization or user id.
 */
export const keyChangeInputSchema = z.object({
  expectedAuthId: z.string().min(1).max(64).nullable(),
});

export type KeyChangeInput = z.infer<typeof keyChangeInputSchema>;

export type GenerateApiKeyResult = ActionResult<{
  authId: string;
  accessKey: string;
}>;

export type DeleteApiKeyResult = ActionResult<{ alreadyDeleted: boolean }>;
