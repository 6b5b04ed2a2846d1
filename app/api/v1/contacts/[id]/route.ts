import {
  deleteContact,
  getContact,
  updateContact,
} from "@/lib/contacts/repository";
import { putContact } from "@/lib/contacts/bulk";
import { contactPatchSchema, contactPutSchema } from "@/lib/contacts/schema";
import { ApiProblem } from "@/lib/http/problem";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
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

// PUT /api/v1/contacts/{uniqueId}: create or update the contact with this
// Unique Contact ID (201 created, 200 updated).
export const PUT = withApiKey<Params>(async ({ request, organizationId }) => {
  const uniqueId = uniqueIdFromPath(request);
  const input = await readJsonBody(request, contactPutSchema);

  const { contact, created } = await putContact(
    organizationId,
    uniqueId,
    input,
  );

  return Response.json(contact, {
    status: created ? 201 : 200,
    ...(created && { headers: { Location: `/api/v1/contacts/${contact.id}` } }),
  });
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

export const POST = methodNotAllowed(["GET", "PUT", "PATCH", "DELETE"]);

// Decoded here, once, from the raw path: whether a framework hands the
// segment over decoded or not, "a%2Bb%40x.io" is "a+b@x.io".
function uniqueIdFromPath(request: Request): string {
  const segment = new URL(request.url).pathname.split("/").at(-1) ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiProblem("not-found", {
      detail: "The Unique Contact ID in the URL is not valid percent-encoding.",
    });
  }
}
