import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  API_NAME_PATTERN,
  deriveApiName,
  MAX_API_NAME_LENGTH,
} from "./field-names";

describe("deriveApiName", () => {
  it.each([
    ["Start Date", "startDate"],
    ["start date", "startDate"],
    ["START DATE", "startDate"],
    ["  Start   Date  ", "startDate"],
    ["Employee Number", "employeeNumber"],
    ["Employee ID", "employeeId"],
    ["Employee #", "employee"],
    ["cost-center", "costCenter"],
    ["cost_center", "costCenter"],
    ["Cost/Center (EU)", "costCenterEu"],
    ["Manager's Name", "managersName"],
    ["O’Brien Flag", "oBrienFlag"],
    ["startDate", "startDate"],
    ["HRManager", "hrManager"],
    ["T-Shirt Size", "tShirtSize"],
    ["Address Line 2", "addressLine2"],
    ["Q3 Goal", "q3Goal"],
    ["2FA Enabled", "field2faEnabled"],
    ["401k", "field401k"],
    ["Café Visits", "cafeVisits"],
    ["Straße", "strasse"],
    ["Ærø Office", "aeroOffice"],
    ["Łódź Site", "lodzSite"],
    ["ｆｕｌｌ ｗｉｄｔｈ", "fullWidth"],
    ["Niveau ½", "niveau12"],
  ])("derives %j as %j", (label, expected) => {
    expect(deriveApiName(label)).toBe(expected);
  });

  it.each(["", "   ", "!!!", "部署", "Отдел", "🎉"])(
    "returns an empty name for %j, which has no Latin letter or digit",
    (label) => {
      expect(deriveApiName(label)).toBe("");
    },
  );

  it("keeps the Latin part of a mixed label", () => {
    expect(deriveApiName("部署 Code")).toBe("code");
  });

  it("cuts a long label to the maximum length", () => {
    const name = deriveApiName("word ".repeat(40));
    expect(name).toHaveLength(MAX_API_NAME_LENGTH);
    expect(name).toMatch(API_NAME_PATTERN);
  });

  it("always yields a valid API name or nothing, whatever the label", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (label) => {
        const name = deriveApiName(label);
        expect(name === "" || API_NAME_PATTERN.test(name)).toBe(true);
      }),
    );
  });

  it("is stable: deriving from a name derived from words changes nothing", () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{1,10}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (words) => {
        const label = words.join(" ");
        const name = deriveApiName(label);
        expect(deriveApiName(name)).toBe(name);
      }),
    );
  });
});
