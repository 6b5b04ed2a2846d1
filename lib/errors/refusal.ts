// The one error type for "you may not do this now". Its message is written
// for the person at the screen; anything else thrown is a fault, logged in
// full and shown only as a generic message.

export type RefusalReason =
  | "not_signed_in"
  | "forbidden"
  | "feature_disabled"
  | "stale"
  | "fields_forbidden"
  | "field_label_unusable"
  | "field_duplicate"
  | "unique_id_forbidden";

const MESSAGES: Record<RefusalReason, string> = {
  not_signed_in: "Your session has ended. Sign in again to continue.",
  forbidden: "Only the Parent Admin can manage the API key.",
  feature_disabled:
    "The Contact API is not enabled for your organization. Ask your " +
    "Customer Success Manager to enable it.",
  stale: "This key changed in another tab; the page now shows the current key.",
  fields_forbidden: "Only a Parent Admin or an Admin can define fields.",
  field_label_unusable:
    "This label gives no API name. Use at least one letter or digit.",
  field_duplicate:
    "A field with this API name already exists. Choose another label.",
  unique_id_forbidden:
    "Only the Parent Admin can change the Unique Contact ID.",
};

export class Refusal extends Error {
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason) {
    super(MESSAGES[reason]);
    this.name = "Refusal";
    this.reason = reason;
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
