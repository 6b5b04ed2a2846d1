"use server";

import { revalidatePath } from "next/cache";

import { failureFrom } from "@/lib/actions/failure";
import {
  keyChangeInputSchema,
  type GenerateApiKeyResult,
  type KeyChangeInput,
} from "@/lib/api-keys/key-change";
import { apiKeyActorFrom, generateApiKey } from "@/lib/api-keys/manage";
import { getRequestContext } from "@/lib/audit/request-context";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isRefusal } from "@/lib/errors/refusal";

const API_KEYS_PAGE = "/email-contacts/import/contact-api/api-keys";

/**
 * Generates the organization's API key, or replaces it. Every server action
 * is a public endpoint whatever page shows its button, so this one reads
 * who is asking from the database and takes the organization from them.
 */
export async function generateApiKeyAction(
  input: KeyChangeInput,
): Promise<GenerateApiKeyResult> {
  try {
    const user = await getCurrentUser();
    const { expectedAuthId } = keyChangeInputSchema.parse(input);
    const actor = apiKeyActorFrom(user);

    const key = await generateApiKey(actor, await getRequestContext(), {
      expectedAuthId,
    });
    revalidatePath(API_KEYS_PAGE);

    return { ok: true, authId: key.authId, accessKey: key.accessKey };
  } catch (error) {
    // A refusal means the screen was out of date (a key changed in another
    // tab, a role or the feature switched): show the page as it is now.
    if (isRefusal(error)) revalidatePath(API_KEYS_PAGE);

    return failureFrom(error, "generate-api-key");
  }
}
