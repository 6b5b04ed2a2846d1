/**
 * Emails are stored trimmed and lower-cased, so every comparison goes through
 * this one function: "Parent@Acme.test " signs in as parent@acme.test.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
