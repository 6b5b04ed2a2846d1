import { getCurrentUser } from "@/lib/auth/current-user";
import { canViewEmailContacts } from "@/lib/auth/permissions";
import { contactsCsvStream } from "@/lib/contacts/export";
import { parseListFilter } from "@/lib/contacts/page-cursor";

// Reads the session and the contacts on every request; never cached.
export const dynamic = "force-dynamic";

// GET /email-contacts/export: the contacts the current filter selects, as CSV.
export async function GET(request: Request): Promise<Response> {
  // A route handler is reached without the page's checks: it reads the
  // caller's role and organization from the database itself.
  const user = await getCurrentUser();
  if (!user) return plain(401, "Sign in to export contacts.");
  if (!canViewEmailContacts(user.role)) {
    return plain(403, "You do not have access to Email Contacts.");
  }

  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = parseListFilter(params);
  const day = new Date().toISOString().slice(0, 10);

  return new Response(contactsCsvStream(user.organization.id, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="email-contacts-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
