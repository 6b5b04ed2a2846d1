"use server";

import { revalidatePath } from "next/cache";

import { failureFrom } from "@/lib/actions/failure";
import {
  keyChangeInputSchema,
  type DeleteApiKeyResult,
  type KeyChangeInput,
} from "@/lib/api-keys/key-change";
import { apiKeyActorFrom, deleteApiKey } from "@/lib/api-keys/manage";
import { getRequestContext } from "@/lib/audit/request-context";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isRefusal } from "@/lib/errors/refusal";

const API_KEYS_PAGE = "/email-contacts/import/contact-api/api-keys";

/**
 * Deletes the organization's API key. A public endpoint like every server
 * action: it reads who is asking from the database and takes the
 * organization from them, never from the browser.
 */
export async function deleteApiKeyAction(
  input: KeyChangeInput,
): Promise<DeleteApiKeyResult> {
  try {
    const user = await getCurrentUser();
    const { expectedAuthId } = keyChangeInputSchema.parse(input);
    const actor = apiKeyActorFrom(user);

    const outcome = await deleteApiKey(actor, await getRequestContext(), {
      expectedAuthId,
    });
    revalidatePath(API_KEYS_PAGE);

    return { ok: true, alreadyDeleted: outcome.alreadyDeleted };
  } catch (error) {
    // A refusal means the screen was out of date (a key changed in another
    // tab, a role or the feature switched): show the page as it is now.
    if (isRefusal(error)) revalidatePath(API_KEYS_PAGE);

    return failureFrom(error, "delete-api-key");
  }
}
