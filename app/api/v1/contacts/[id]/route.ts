import {
  deleteContact,
  getContact,
  updateContact,
} from "@/lib/contacts/repository";
import { contactPatchSchema } from "@/lib/contacts/schema";
import { readJsonBody } from "@/lib/http/request-input";
import { withApiKey } from "@/lib/http/with-api-key";

// Every call checks the key against the database; nothing here may be cached.
export const dynamic = "force-dynamic";

type Params = { id: string };

// GET /api/v1/contacts/{id}: one contact of the organization.
export const GET = withApiKey<Params>(async ({ params, organizationId }) => {
  const contact = await getContact(organizationId, params.id);

  return Response.json(contact);
});

// PATCH /api/v1/contacts/{id}: change the given fields of a contact.
export const PATCH = withApiKey<Params>(
  async ({ request, params, organizationId }) => {
    const patch = await readJsonBody(request, contactPatchSchema);

    const contact = await updateContact(organizationId, params.id, patch);

    return Response.json(contact);
  },
);

// DELETE /api/v1/contacts/{id}: delete a contact for good.
export const DELETE = withApiKey<Params>(async ({ params, organizationId }) => {
  await deleteContact(organizationId, params.id);

  return new Response(null, { status: 204 });
});
