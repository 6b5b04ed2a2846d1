import { buildOpenApiDocument } from "@/lib/contacts/openapi";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

const document = JSON.stringify(buildOpenApiDocument());

// GET /api/v1/openapi.json: the API's description; public, and cacheable as
// it holds no data of any organization.
export function GET(): Response {
  return new Response(document, {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=300",
    },
  });
}

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
