// Shown in UTC, so that the server render and every viewer agree on it.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "3 Dec 2025, 16:50 UTC" */
export function formatDateTime(date: Date): string {
  return `${dateTimeFormat.format(date)} UTC`;
}
