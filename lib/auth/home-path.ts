import type { Role } from "@/lib/generated/prisma/enums";

import { canViewEmailContacts } from "./permissions";

/** Where a signed-in person lands: the admin area if they may see it. */
export function homePathFor(role: Role): string {
  return canViewEmailContacts(role) ? "/email-contacts" : "/";
}
