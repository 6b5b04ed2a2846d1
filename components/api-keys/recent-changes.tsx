type RecentChange = {
  id: string;
  action: string;
  actorLabel: string;
  createdAt: { iso: string; label: string };
};

// Audit actions as a sentence's verb phrase; an action this page does not
// know yet is shown as recorded rather than hidden.
const ACTION_LABELS: Record<string, string> = {
  "api_key.generated": "generated the API key",
  "api_key.replaced": "replaced the API key",
  "api_key.deleted": "deleted the API key",
  "contact_api.enabled": "enabled the Contact API",
  "contact_api.disabled": "turned off the Contact API",
};

/** Who changed the key or the feature, and when, from the audit log. */
export function RecentChanges({ changes }: { changes: RecentChange[] }) {
  return (
    <section aria-labelledby="recent-changes-heading" className="card p-6">
      <h3
        id="recent-changes-heading"
        className="text-lg font-semibold text-zinc-900"
      >
        Recent changes
      </h3>
      {changes.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-700">No changes yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-zinc-100">
          {changes.map((change) => (
            <li key={change.id} className="flex flex-wrap gap-x-2 py-2 text-sm">
              <time dateTime={change.createdAt.iso} className="text-zinc-600">
                {change.createdAt.label}
              </time>
              <span className="text-zinc-900">
                <span className="font-medium">{change.actorLabel}</span>{" "}
                {ACTION_LABELS[change.action] ?? change.action}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
