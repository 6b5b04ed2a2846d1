"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";

import { failureFrom } from "@/lib/actions/failure";
import { getRequestContext } from "@/lib/audit/request-context";
import { getCurrentUser } from "@/lib/auth/current-user";
import type {
  CustomFieldInput,
  DefineCustomFieldResult,
} from "@/lib/contacts/custom-field-input";
import {
  defineCustomField,
  fieldsActorFrom,
} from "@/lib/contacts/define-custom-field";

const FIELDS_PAGE = "/email-contacts/fields";

/**
 * Defines a custom field. Every server action is a public endpoint whatever
 * page shows its form, so this one reads who is asking from the database and
 * takes the organization from them, never from the browser.
 */
export async function defineCustomFieldAction(
  input: CustomFieldInput,
): Promise<DefineCustomFieldResult> {
  try {
    const actor = fieldsActorFrom(await getCurrentUser());

    const field = await defineCustomField(
      actor,
      await getRequestContext(),
      input,
    );
    revalidatePath(FIELDS_PAGE);

    return { ok: true, field: { label: field.label, apiName: field.apiName } };
  } catch (error) {
    if (error instanceof ZodError) {
      return { ok: false, error: error.issues[0]?.message ?? "Invalid input." };
    }

    return failureFrom(error, "define-custom-field");
  }
}
