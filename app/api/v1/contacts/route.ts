import { createContact, listContacts } from "@/lib/contacts/repository";
import {
  contactCreateSchema,
  contactListQuerySchema,
} from "@/lib/contacts/schema";
import { parseSearchParams, readJsonBody } from "@/lib/http/request-input";
import { withApiKey } from "@/lib/http/with-api-key";

// Every call checks the key against the database; nothing here may be cached.
export const dynamic = "force-dynamic";

// GET /api/v1/contacts: one page of the organization's contacts, oldest first.
export const GET = withApiKey(async ({ request, organizationId }) => {
  const { searchParams } = new URL(request.url);
  const query = parseSearchParams(searchParams, contactListQuerySchema);

  const page = await listContacts(organizationId, query);

  return Response.json(page);
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
