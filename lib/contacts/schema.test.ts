import { describe, expect, it } from "vitest";

import { fieldErrors } from "@/lib/http/request-input";

import {
  contactCreateSchema,
  contactListQuerySchema,
  contactOutputSchema,
  contactPatchSchema,
  normaliseEmail,
} from "./schema";

function errorsOf(
  schema: typeof contactCreateSchema | typeof contactPatchSchema,
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrors(result.error);
}

describe("contactCreateSchema", () => {
  it("trims every field and normalises the email", () => {
    const parsed = contactCreateSchema.parse({
      email: "  Ada.Lovelace@Example.COM ",
      firstName: " Ada ",
      lastName: "Lovelace",
      jobTitle: "   ",
    });

    expect(parsed).toEqual({
      email: "ada.lovelace@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      jobTitle: null,
    });
  });

  it("requires an email", () => {
    expect(errorsOf(contactCreateSchema, { firstName: "Ada" })).toEqual([
      { field: "email", message: expect.any(String) },
    ]);
  });

  it("rejects an invalid email and one over 254 characters", () => {
    expect(
      errorsOf(contactCreateSchema, { email: "not-an-email" })[0]?.field,
    ).toBe("email");

    const long = `${"a".repeat(64)}@${"b".repeat(186)}.com`; // 255 characters
    expect(long).toHaveLength(255);
    expect(errorsOf(contactCreateSchema, { email: long })[0]?.field).toBe(
      "email",
    );
  });

  it.each([
    ["CR/LF", "Ada\r\nBcc: x@evil.test"],
    ["LF at the end", "Ada\n"],
    ["tab", "Ada\tL"],
    ["NUL", "Ada\u0000"],
    ["line separator", "Ada\u2028"],
  ])("rejects a %s in any field", (_, value) => {
    for (const field of [
      "firstName",
      "lastName",
      "location",
      "department",
      "jobTitle",
      "phone",
    ]) {
      expect(
        errorsOf(contactCreateSchema, { email: "a@b.co", [field]: value })[0]
          ?.field,
      ).toBe(field);
    }
    expect(
      errorsOf(contactCreateSchema, { email: `a@b.co${value.slice(3)}` })[0]
        ?.field,
    ).toBe("email");
  });

  it("limits field lengths", () => {
    expect(
      errorsOf(contactCreateSchema, {
        email: "a@b.co",
        firstName: "x".repeat(101),
      }),
    ).toEqual([
      { field: "firstName", message: "Must be at most 100 characters." },
    ]);
    expect(
      errorsOf(contactCreateSchema, {
        email: "a@b.co",
        phone: "1".repeat(51),
      })[0]?.field,
    ).toBe("phone");
  });

  it("reports unknown fields, such as an organization id, by name", () => {
    expect(
      errorsOf(contactCreateSchema, {
        email: "a@b.co",
        organizationId: "x",
        id: "y",
      }),
    ).toEqual([
      { field: "organizationId", message: "Unknown field." },
      { field: "id", message: "Unknown field." },
    ]);
  });

  it("accepts custom fields keyed by camelCase names", () => {
    const parsed = contactCreateSchema.parse({
      email: "a@b.co",
      customFields: {
        startDate: "2024-01-02",
        remote: true,
        floor: 3,
        badge: null,
      },
    });

    expect(parsed.customFields).toEqual({
      startDate: "2024-01-02",
      remote: true,
      floor: 3,
      badge: null,
    });
  });

  it("rejects custom field keys that are not camelCase and nested values", () => {
    const errors = errorsOf(contactCreateSchema, {
      email: "a@b.co",
      customFields: { "Start Date": "x", nested: { a: 1 }, note: "a\nb" },
    });

    expect(errors.map((e) => e.field)).toEqual([
      "customFields.Start Date",
      "customFields.nested",
      "customFields.note",
    ]);
  });

  it("rejects a body that is not an object", () => {
    expect(errorsOf(contactCreateSchema, null)).toHaveLength(1);
    expect(errorsOf(contactCreateSchema, [])).toHaveLength(1);
  });
});

describe("contactPatchSchema", () => {
  it("accepts any single field and null to clear it", () => {
    expect(contactPatchSchema.parse({ jobTitle: null })).toEqual({
      jobTitle: null,
    });
    expect(contactPatchSchema.parse({ email: " B@C.io" })).toEqual({
      email: "b@c.io",
    });
  });

  it("requires at least one field", () => {
    expect(errorsOf(contactPatchSchema, {})).toEqual([
      { field: "", message: "Provide at least one field to change." },
    ]);
  });

  it("does not let the email be cleared", () => {
    expect(errorsOf(contactPatchSchema, { email: null })[0]?.field).toBe(
      "email",
    );
    expect(errorsOf(contactPatchSchema, { email: "" })[0]?.field).toBe("email");
  });
});

describe("contactOutputSchema", () => {
  it("drops internal columns and formats dates", () => {
    const output = contactOutputSchema.parse({
      id: "0190a5a4-0000-7000-8000-000000000001",
      organizationId: "0190a5a4-0000-7000-8000-000000000002",
      uniqueId: "a@b.co",
      email: "a@b.co",
      firstName: null,
      lastName: null,
      location: null,
      department: null,
      jobTitle: null,
      phone: null,
      customFields: {},
      createdAt: new Date("2024-01-02T03:04:05.000Z"),
      updatedAt: new Date("2024-01-02T03:04:05.000Z"),
    });

    expect(output).not.toHaveProperty("organizationId");
    expect(output).not.toHaveProperty("uniqueId");
    expect(output.createdAt).toBe("2024-01-02T03:04:05.000Z");
  });
});

describe("contactListQuerySchema", () => {
  it("defaults the limit to 50", () => {
    expect(contactListQuerySchema.parse({})).toEqual({ limit: 50 });
  });

  it.each(["0", "201", "-1", "1.5", "1e2", " 5", "abc", ""])(
    "rejects limit=%j",
    (limit) => {
      expect(contactListQuerySchema.safeParse({ limit }).success).toBe(false);
    },
  );

  it.each([
    ["1", 1],
    ["200", 200],
    ["007", 7],
  ])("accepts limit=%s", (limit, expected) => {
    expect(contactListQuerySchema.parse({ limit }).limit).toBe(expected);
  });
});

describe("normaliseEmail", () => {
  it("trims and lower-cases", () => {
    expect(normaliseEmail("  Ada@Example.COM\t")).toBe("ada@example.com");
  });
});
