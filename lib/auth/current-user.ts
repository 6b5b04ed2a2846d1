import "server-only";

import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { z } from "zod";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

import { authOptions } from "./options";
import { canViewEmailContacts } from "./permissions";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: { id: string; name: string; contactApiEnabled: boolean };
};

const userIdSchema = z.uuid();

/**
 * The signed-in person as the database knows them right now, or null.
 * Role and organization are read on every call, never taken from the
 * session token, so a demotion or a deleted account takes effect at once.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);

  const userId = userIdSchema.safeParse(session?.user?.id);
  if (!userId.success) return null;

  return db.user.findUnique({
    where: { id: userId.data },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organization: {
        select: { id: true, name: true, contactApiEnabled: true },
      },
    },
  });
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");

  return user;
}

/**
 * For Email Contacts pages: a Parent Admin or Admin. Anyone else signed in
 * gets the 403 page (app/(app)/forbidden.tsx), not a hint of what is here.
 */
export async function requireEmailContactsAccess(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!canViewEmailContacts(user.role)) forbidden();

  return user;
}
