/**
 * Shown wherever the Contact API would be used while Customer Success has
 * not enabled it for the organization; there is no self-service switch.
 */
export function ContactApiDisabledNotice() {
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">
        The Contact API is not enabled for your organization.
      </p>
      <p className="mt-1">
        To use it, ask your Customer Success Manager to enable it.
      </p>
    </div>
  );
}
