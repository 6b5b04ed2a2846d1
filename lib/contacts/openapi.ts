import { z } from "zod";

import {
  contactBulkDeleteSchema,
  contactCreateSchema,
  contactListQuerySchema,
  contactOutputSchema,
  contactPatchSchema,
  contactPutSchema,
  fieldListSchema,
  MAX_BATCH_SIZE,
} from "./schema";

// The OpenAPI 3.1 document of the Contact API, generated from the same zod
// schemas the handlers validate with, so the two cannot drift apart.

type JsonSchema = Record<string, unknown>;

const input = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
const output = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
  }) as JsonSchema;

// The shared output schema, with what its types cannot say in JSON Schema:
// timestamps leave as ISO strings (a transform has no schema), and custom
// field values are flat (z.json() is recursive and would need a $defs entry).
const contactSchema = contactOutputSchema.extend({
  id: z.uuid(),
  customFields: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean()]),
  ),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const pageSchema = z.object({
  data: z.array(contactSchema),
  nextCursor: z.string().nullable(),
});

const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });

const problemSchema = z.object({
  type: z.url(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
});

const uploadBodySchema = z.strictObject({
  contacts: z.array(contactCreateSchema).min(1).max(MAX_BATCH_SIZE),
});

const uploadResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.union([
      z.object({
        index: z.number().int(),
        status: z.enum(["created", "updated"]),
        id: z.uuid(),
        uniqueId: z.string(),
      }),
      z.object({
        index: z.number().int(),
        status: z.literal("error"),
        errors: z.array(fieldErrorSchema),
      }),
    ]),
  ),
});

const deleteResultSchema = z.object({
  deleted: z.number().int(),
  notFound: z.number().int(),
  results: z.array(
    z.object({
      uniqueId: z.string(),
      status: z.enum(["deleted", "not-found"]),
    }),
  ),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const body = (name: string) => ({ required: true, content: json(ref(name)) });
const ok = (description: string, name: string) => ({
  description,
  content: json(ref(name)),
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

// Every authenticated operation can answer these.
const common = {
  "401": problem("No, wrong or replaced credentials"),
  "403": problem("The Contact API is not enabled for the organization"),
  "429": problem("Throttled; see Retry-After"),
  "500": problem("Internal error"),
};
const withBody = {
  "400": problem("Malformed JSON"),
  "413": problem("Body too large"),
  "415": problem("Body is not application/json"),
  "422": problem("Invalid fields, each named in errors"),
};

const idParameter = (description: string) => ({
  name: "id",
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});

function queryParameters(): JsonSchema[] {
  const schema = input(contactListQuerySchema) as {
    properties: Record<string, JsonSchema>;
  };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

export function buildOpenApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Employee Email Contact API",
      version: "1.0.0",
      description:
        "Read and change the contacts of one organization. HTTP Basic: the " +
        "Auth ID is the user name, the Access Key the password.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ basic: [] }],
    paths: {
      "/contacts": {
        get: {
          operationId: "listContacts",
          summary: "One page of contacts, filtered",
          parameters: queryParameters(),
          responses: {
            "200": ok("A page", "ContactPage"),
            "400": problem("Invalid query"),
            ...common,
          },
        },
        post: {
          operationId: "createContact",
          summary: "Create a contact",
          requestBody: body("ContactCreate"),
          responses: {
            "201": ok("Created", "Contact"),
            "409": problem("Unique Contact ID already used"),
            ...withBody,
            ...common,
          },
        },
        delete: {
          operationId: "deleteContacts",
          summary: `Delete up to ${MAX_BATCH_SIZE} contacts by Unique Contact ID`,
          requestBody: body("ContactBulkDelete"),
          responses: {
            "200": ok("Result per id", "DeleteResult"),
            ...withBody,
            ...common,
          },
        },
      },
      "/contacts/upload": {
        post: {
          operationId: "uploadContacts",
          summary: `Create or update up to ${MAX_BATCH_SIZE} contacts`,
          requestBody: body("ContactUpload"),
          responses: {
            "200": ok("Result per row", "UploadResult"),
            ...withBody,
            ...common,
          },
        },
      },
      "/contacts/{id}": {
        get: {
          operationId: "getContact",
          parameters: [idParameter("The contact's id")],
          responses: {
            "200": ok("The contact", "Contact"),
            "404": problem("No such contact"),
            ...common,
          },
        },
        put: {
          operationId: "putContact",
          summary: "Create or update by Unique Contact ID",
          parameters: [idParameter("The Unique Contact ID (URL-encoded)")],
          requestBody: body("ContactPut"),
          responses: {
            "200": ok("Updated", "Contact"),
            "201": ok("Created", "Contact"),
            ...withBody,
            ...common,
          },
        },
        patch: {
          operationId: "patchContact",
          parameters: [idParameter("The contact's id")],
          requestBody: body("ContactPatch"),
          responses: {
            "200": ok("Changed", "Contact"),
            "404": problem("No such contact"),
            "409": problem("Unique Contact ID already used"),
            ...withBody,
            ...common,
          },
        },
        delete: {
          operationId: "deleteContact",
          parameters: [idParameter("The contact's id")],
          responses: {
            "204": { description: "Deleted" },
            "404": problem("No such contact"),
            ...common,
          },
        },
      },
      "/fields": {
        get: {
          operationId: "listFields",
          responses: {
            "200": ok("Default and custom fields", "FieldList"),
            ...common,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          security: [],
          responses: {
            "200": {
              description: "This document",
              content: json({ type: "object" }),
            },
          },
        },
      },
    },
    components: {
      securitySchemes: { basic: { type: "http", scheme: "basic" } },
      schemas: {
        Contact: output(contactSchema),
        ContactPage: output(pageSchema),
        ContactCreate: input(contactCreateSchema),
        ContactPut: input(contactPutSchema),
        ContactPatch: input(contactPatchSchema),
        ContactUpload: input(uploadBodySchema),
        ContactBulkDelete: input(contactBulkDeleteSchema),
        UploadResult: output(uploadResultSchema),
        DeleteResult: output(deleteResultSchema),
        FieldList: output(fieldListSchema),
        Problem: output(problemSchema),
      },
    },
  };
}
