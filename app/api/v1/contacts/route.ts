import { deleteContactsByUniqueId } from "@/lib/contacts/bulk";
import { listContactsJson } from "@/lib/contacts/list";
import { createContact } from "@/lib/contacts/repository";
import {
  contactBulkDeleteSchema,
  contactCreateSchema,
  contactListQuerySchema,
} from "@/lib/contacts/schema";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { parseSearchParams, readJsonBody } from "@/lib/http/request-input";
import { withApiKey } from "@/lib/http/with-api-key";

// Every call checks the key against the database; nothing here may be cached.
export const dynamic = "force-dynamic";

// GET /api/v1/contacts: one page of the organization's contacts, filtered.
export const GET = withApiKey(async ({ request, organizationId }) => {
  const { searchParams } = new URL(request.url);
  const query = parseSearchParams(searchParams, contactListQuerySchema);

  const body = await listContactsJson(organizationId, query);

  return new Response(body, {
    headers: { "Content-Type": "application/json" },
  });
});

// POST /api/v1/contacts: create a contact in the organization.
export const POST = withApiKey(async ({ request, organizationId }) => {
  const input = await readJsonBody(request, contactCreateSchema);

  const contact = await createContact(organizationId, input);

  return Response.json(contact, {
    status: 201,
    headers: { Location: `/api/v1/contacts/${contact.id}` },
  });
});

// DELETE /api/v1/contacts: delete up to 1,000 contacts by Unique Contact ID.
export const DELETE = withApiKey(async ({ request, organizationId }) => {
  const { uniqueIds } = await readJsonBody(request, contactBulkDeleteSchema);

  const result = await deleteContactsByUniqueId(organizationId, uniqueIds);

  return Response.json(result);
});

const notAllowed = methodNotAllowed(["GET", "POST", "DELETE"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
