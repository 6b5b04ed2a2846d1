import { listFields } from "@/lib/contacts/fields";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { withApiKey } from "@/lib/http/with-api-key";

// Every call checks the key against the database; nothing here may be cached.
export const dynamic = "force-dynamic";

// GET /api/v1/fields: the default and custom fields of a contact, with types.
export const GET = withApiKey(async ({ organizationId }) => {
  const fields = await listFields(organizationId);

  return Response.json(fields);
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
