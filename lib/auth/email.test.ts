import { describe, expect, it } from "vitest";

import { normalizeEmail } from "./email";

describe("normalizeEmail", () => {
  it("trims and lower-cases, matching how emails are stored", () => {
    expect(normalizeEmail("  Parent@ACME.test\t")).toBe("parent@acme.test");
  });

  it("leaves an already normal address unchanged", () => {
    expect(normalizeEmail("admin@acme.test")).toBe("admin@acme.test");
  });
});
