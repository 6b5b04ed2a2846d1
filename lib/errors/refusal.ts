// The one error type for "you may not do this now". Its message is written
// for the person at the screen; anything else thrown is a fault, logged in
// full and shown only as a generic message.

export type RefusalReason =
  "not_signed_in" | "forbidden" | "feature_disabled" | "stale";

const MESSAGES: Record<RefusalReason, string> = {
  not_signed_in: "Your session has ended. Sign in again to continue.",
  forbidden: "Only the Parent Admin can manage the API key.",
  feature_disabled:
    "The Contact API is not enabled for your organization. Ask your " +
    "Customer Success Manager to enable it.",
  stale: "This key changed in another tab; the page now shows the current key.",
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
