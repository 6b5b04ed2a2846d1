import { readdirSync } from "node:fs";
import path from "node:path";

import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "@/lib/contacts/openapi";
import { isMethodNotAllowed } from "@/lib/http/method-not-allowed";

import * as openapiRoute from "@/app/api/v1/openapi.json/route";

// The document against the code: every route file's methods are in the
// document and every documented operation has a handler.

const API_ROOT = path.join(__dirname, "..", "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, object>; securitySchemes: object };
};

const doc = buildOpenApiDocument() as Doc;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function pathOf(file: string): string {
  const relative = path.relative(API_ROOT, path.dirname(file));
  return `/${relative.split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
}

async function implemented(): Promise<string[]> {
  const operations: string[] = [];
  for (const file of routeFiles(API_ROOT)) {
    const route = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = route[method];
      if (typeof handler === "function" && !isMethodNotAllowed(handler)) {
        operations.push(`${method} ${pathOf(file)}`);
      }
    }
  }
  return operations.sort();
}

function documented(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    )
    .sort();
}

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === "$ref" && typeof v === "string" ? [v] : refs(v),
  );
}

function resolve(pointer: string): unknown {
  expect(pointer.startsWith("#/")).toBe(true);
  return pointer
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)?.[key],
      doc,
    );
}

describe("OpenAPI document", () => {
  it("documents exactly the operations the route files export", async () => {
    expect(documented()).toEqual(await implemented());
  });

  it("has the fields OpenAPI 3.1 requires", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.components.securitySchemes).toEqual({
      basic: { type: "http", scheme: "basic" },
    });
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        for (const response of Object.values(operation.responses)) {
          expect(response).toHaveProperty("description");
        }
      }
    }
  });

  it("resolves every $ref", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const pointer of all) expect(resolve(pointer), pointer).toBeDefined();
  });

  it("holds component schemas that compile as JSON Schema 2020-12", () => {
    const ajv = new Ajv2020({ strict: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(() => ajv.compile(schema), name).not.toThrow();
    }
  });

  it("is served without credentials, no-store like every API response", async () => {
    const response = openapiRoute.GET();

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await response.json()).paths["/contacts/upload"]).toBeDefined();
  });
});
