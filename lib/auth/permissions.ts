import type { Role } from "@/lib/generated/prisma/enums";

// Pure role rules, shared by pages (what to show) and server actions (what to
// allow). Callers must pass a role read from the database for this request.

/** Parent Admins and Admins administer Email Contacts; others do not. */
export function canViewEmailContacts(role: Role): boolean {
  return role === "PARENT_ADMIN" || role === "ADMIN";
}

/** Only the Parent Admin may generate, replace or delete the API key. */
export function canManageApiKey(role: Role): boolean {
  return role === "PARENT_ADMIN";
}

export const ROLE_LABELS: Record<Role, string> = {
  PARENT_ADMIN: "Parent Admin",
  ADMIN: "Admin",
  MANAGER: "Manager",
  BASE_USER: "Base User",
};
