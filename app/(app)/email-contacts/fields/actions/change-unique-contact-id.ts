"use server";

import { revalidatePath } from "next/cache";

import { failureFrom } from "@/lib/actions/failure";
import { getRequestContext } from "@/lib/audit/request-context";
import { getCurrentUser } from "@/lib/auth/current-user";
import {
  changeUniqueContactIdField,
  UniqueIdRefusal,
  uniqueIdActorFrom,
} from "@/lib/contacts/change-unique-id";
import type {
  ChangeUniqueIdResult,
  UniqueIdInput,
} from "@/lib/contacts/unique-id-input";

const FIELDS_PAGE = "/email-contacts/fields";

/**
 * Makes another field the Unique Contact ID. Every server action is a public
 * endpoint whatever page shows its form, so this one reads who is asking from
 * the database and takes the organization from them, never from the browser.
 */
export async function changeUniqueContactIdAction(
  input: UniqueIdInput,
): Promise<ChangeUniqueIdResult> {
  try {
    const actor = uniqueIdActorFrom(await getCurrentUser());

    const changed = await changeUniqueContactIdField(
      actor,
      await getRequestContext(),
      input,
    );
    revalidatePath(FIELDS_PAGE);

    return { ok: true, field: changed.field };
  } catch (error) {
    if (error instanceof UniqueIdRefusal) {
      return { ok: false, error: error.message };
    }

    return failureFrom(error, "change-unique-contact-id");
  }
}
