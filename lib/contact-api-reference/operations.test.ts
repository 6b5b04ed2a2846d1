import { describe, expect, it } from "vitest";

import { referenceOperations, type OpenApiDocument } from "./operations";

const DOCUMENT: OpenApiDocument = {
  servers: [{ url: "/api/v1" }],
  paths: {
    "/contacts/{id}": {
      put: {
        operationId: "putContact",
        summary: "Create or update",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/ContactPut" },
            },
          },
        },
        responses: { "200": { description: "Updated" } },
      },
    },
    "/contacts": {
      get: { operationId: "listContacts", responses: {} },
    },
  },
  components: {
    schemas: {
      ContactPut: {
        type: "object",
        properties: {
          email: { type: "string", format: "email" },
          firstName: { type: ["string", "null"] },
          note: { type: "string", example: "It's here" },
        },
      },
    },
  },
};

describe("referenceOperations", () => {
  it("lists each operation under the server's base path", () => {
    const operations = referenceOperations(DOCUMENT);

    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "PUT /api/v1/contacts/{id}",
      "GET /api/v1/contacts",
    ]);
  });

  it("writes a curl line with Basic credentials and an example body", () => {
    const [put] = referenceOperations(DOCUMENT);

    expect(JSON.parse(put!.requestExample!)).toEqual({
      email: "ada.lovelace@example.com",
      firstName: "text",
      note: "It's here",
    });
    expect(put!.curl).toContain(`curl -u "$AUTH_ID:$ACCESS_KEY"`);
    expect(put!.curl).toContain("-X PUT");
    expect(put!.curl).toContain(`"$BASE_URL/api/v1/contacts/$ID"`);
    // The apostrophe is escaped for a single-quoted shell string.
    expect(put!.curl).toContain(`It'\\''s here`);
  });

  it("leaves GET without a method flag or a body", () => {
    const list = referenceOperations(DOCUMENT)[1]!;

    expect(list.curl).not.toContain("-X");
    expect(list.curl).not.toContain("-d");
    expect(list.requestExample).toBeNull();
  });
});
