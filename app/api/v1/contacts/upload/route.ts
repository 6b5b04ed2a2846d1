import { uploadContacts } from "@/lib/contacts/bulk";
import { contactUploadSchema } from "@/lib/contacts/schema";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { MAX_UPLOAD_BODY_BYTES, readJsonBody } from "@/lib/http/request-input";
import { withApiKey } from "@/lib/http/with-api-key";

// Every call checks the key against the database; nothing here may be cached.
export const dynamic = "force-dynamic";

// POST /api/v1/contacts/upload: create or update up to 1,000 contacts.
export const POST = withApiKey(async ({ request, organizationId }) => {
  const { contacts } = await readJsonBody(request, contactUploadSchema, {
    maxBytes: MAX_UPLOAD_BODY_BYTES,
  });

  const result = await uploadContacts(organizationId, contacts);

  return Response.json(result);
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
