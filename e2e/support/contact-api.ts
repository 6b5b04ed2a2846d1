import type { APIRequestContext, APIResponse } from "@playwright/test";

import type { Credentials } from "../../lib/api-keys/credentials";

// A real HTTP client with HTTP Basic credentials, as an integration would call.

function basic({ authId, accessKey }: Credentials): Record<string, string> {
  const token = Buffer.from(`${authId}:${accessKey}`, "utf8").toString(
    "base64",
  );
  return { Authorization: `Basic ${token}` };
}

export function listContacts(
  request: APIRequestContext,
  credentials: Credentials,
  /** Another instance than the suite's own, e.g. http://localhost:3102. */
  baseUrl = "",
): Promise<APIResponse> {
  return request.get(`${baseUrl}/api/v1/contacts?limit=100`, {
    headers: basic(credentials),
  });
}

export function createContact(
  request: APIRequestContext,
  credentials: Credentials,
  contact: Record<string, unknown>,
): Promise<APIResponse> {
  return request.post("/api/v1/contacts", {
    headers: basic(credentials),
    data: contact,
  });
}
