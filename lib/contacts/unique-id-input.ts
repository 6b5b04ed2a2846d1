import { z } from "zod";

import type { ActionResult } from "@/lib/actions/result";

// Shared by the Unique Contact ID form and its server action; nothing here
// reaches the server, so the browser bundle may import it.

/** "email", or the API name of a TEXT or NUMBER custom field. */
export const uniqueIdInputSchema = z.strictObject({
  field: z.string().trim().min(1, "Choose a field.").max(100),
});

export type UniqueIdInput = z.input<typeof uniqueIdInputSchema>;

export type ChangeUniqueIdResult = ActionResult<{ field: string }>;
