// Turns an OpenAPI 3 document into what the API reference page shows: one
// entry per operation with its parameters, an example body and a curl line.
// Pure and loosely typed: it reads whatever document the API generates.

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  description?: string;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
  $ref?: string;
};

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: Schema; example?: unknown }>;
  };
  responses?: Record<string, { description?: string; $ref?: string }>;
};

export type OpenApiDocument = {
  servers?: { url: string }[];
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation | unknown>>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, { description?: string }>;
  };
};

export type ReferenceParameter = {
  name: string;
  location: string;
  required: boolean;
  type: string;
  description: string;
};

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ReferenceParameter[];
  requestExample: string | null;
  responses: { status: string; description: string }[];
  curl: string;
};

const METHODS = ["get", "post", "put", "patch", "delete"];

export function referenceOperations(
  document: OpenApiDocument,
): ReferenceOperation[] {
  const operations: ReferenceOperation[] = [];
  const base = document.servers?.[0]?.url ?? "";

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      operations.push(describe(document, base, path, method, operation));
    }
  }

  return operations;
}

function describe(
  document: OpenApiDocument,
  base: string,
  path: string,
  method: string,
  operation: Operation,
): ReferenceOperation {
  const parameters = (operation.parameters ?? []).map((p) =>
    resolveParameter(document, p),
  );
  const requestExample = bodyExample(document, operation);
  const upper = method.toUpperCase();

  return {
    id: operation.operationId ?? `${method}-${path}`.replace(/[^\w-]+/g, "-"),
    method: upper,
    path: `${base}${path}`,
    summary: operation.summary ?? `${upper} ${base}${path}`,
    description: operation.description ?? "",
    parameters: parameters.map((p) => ({
      name: p.name,
      location: p.in,
      required: Boolean(p.required),
      type: typeName(document, p.schema),
      description: p.description ?? p.schema?.description ?? "",
    })),
    requestExample,
    responses: Object.entries(operation.responses ?? {}).map(
      ([status, response]) => ({
        status,
        description:
          response.description ??
          resolveResponse(document, response.$ref)?.description ??
          "",
      }),
    ),
    curl: curlFor(upper, `${base}${path}`, parameters, requestExample),
  };
}

function curlFor(
  method: string,
  path: string,
  parameters: Parameter[],
  body: string | null,
): string {
  // Path parameters stay visible as shell variables the reader fills in.
  const filledPath = path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => `$${name.toUpperCase()}`,
  );
  const query = parameters
    .filter((p) => p.in === "query" && p.required)
    .map((p) => `${p.name}=…`)
    .join("&");
  const url = `$BASE_URL${filledPath}${query ? `?${query}` : ""}`;

  const lines = [`curl -u "$AUTH_ID:$ACCESS_KEY"`];
  if (method !== "GET") lines.push(`-X ${method}`);
  if (body !== null) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d '${body.replaceAll("'", "'\\''")}'`);
  }
  lines.push(`"${url}"`);

  return lines.join(" \\\n  ");
}

function bodyExample(
  document: OpenApiDocument,
  operation: Operation,
): string | null {
  const content = operation.requestBody?.content?.["application/json"];
  if (!content) return null;

  const example = content.example ?? exampleFor(document, content.schema, 0);
  return JSON.stringify(example, null, 2);
}

function exampleFor(
  document: OpenApiDocument,
  raw: Schema | undefined,
  depth: number,
): unknown {
  const schema = resolveSchema(document, raw);
  if (!schema || depth > 6) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.enum?.length) return schema.enum[0];

  const variant = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (variant) return exampleFor(document, variant, depth + 1);
  if (schema.allOf) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => exampleFor(document, part, depth + 1)),
    );
  }

  switch (primaryType(schema)) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => schema.required?.includes(name) || depth < 2)
          .map(([name, prop]) => [name, exampleFor(document, prop, depth + 1)]),
      );
    case "array":
      return [exampleFor(document, schema.items, depth + 1)];
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "string":
      return stringExample(schema.format);
    default:
      return null;
  }
}

function stringExample(format: string | undefined): string {
  if (format === "email") return "ada.lovelace@example.com";
  if (format === "date") return "2024-01-31";
  if (format === "date-time") return "2024-01-31T09:00:00Z";
  if (format === "uuid") return "0193a5b0-0000-7000-8000-000000000000";
  return "text";
}

function typeName(document: OpenApiDocument, raw: Schema | undefined): string {
  const schema = resolveSchema(document, raw);
  if (!schema) return "";
  if (schema.enum?.length) return schema.enum.map(String).join(" | ");

  const type = primaryType(schema) ?? "";
  return schema.format ? `${type} (${schema.format})` : type;
}

function primaryType(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  return undefined;
}

function resolveSchema(
  document: OpenApiDocument,
  schema: Schema | undefined,
): Schema | undefined {
  const name = schema?.$ref?.replace("#/components/schemas/", "");
  return name ? document.components?.schemas?.[name] : schema;
}

function resolveParameter(
  document: OpenApiDocument,
  parameter: Parameter,
): Parameter {
  const name = parameter.$ref?.replace("#/components/parameters/", "");
  return (name && document.components?.parameters?.[name]) || parameter;
}

function resolveResponse(document: OpenApiDocument, ref: string | undefined) {
  const name = ref?.replace("#/components/responses/", "");
  return name ? document.components?.responses?.[name] : undefined;
}
