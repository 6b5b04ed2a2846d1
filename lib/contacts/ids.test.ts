import { describe, expect, it } from "vitest";

import { ApiProblem } from "@/lib/http/problem";

import { customFieldErrors, mergeCustomFields } from "./custom-fields";
import { decodeCursor, encodeCursor, isUuid } from "./ids";

const ID = "0190a5a4-1c2b-7d3e-8f40-123456789abc";

describe("cursors", () => {
  it("round-trip a contact id", () => {
    expect(decodeCursor(encodeCursor(ID))).toBe(ID);
  });

  it.each([
    "",
    "!!!!",
    encodeCursor("not-a-uuid"),
    `${encodeCursor(ID)}=`,
    `${encodeCursor(ID)}A`,
  ])("refuse the forged cursor %j with a 400 problem", (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ApiProblem);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as ApiProblem).status).toBe(400);
    }
  });
});

describe("isUuid", () => {
  it("accepts uuids only", () => {
    expect(isUuid(ID)).toBe(true);
    expect(isUuid("123")).toBe(false);
    expect(isUuid(`${ID}'; drop table`)).toBe(false);
  });
});

describe("customFieldErrors", () => {
  const definitions = [
    { apiName: "startDate", type: "DATE" as const },
    { apiName: "floor", type: "NUMBER" as const },
    { apiName: "remote", type: "BOOLEAN" as const },
    { apiName: "badge", type: "TEXT" as const },
  ];

  it("accepts values of the defined types and null", () => {
    expect(
      customFieldErrors(
        { startDate: "2024-02-29", floor: 3, remote: false, badge: "B-12" },
        definitions,
      ),
    ).toEqual([]);
    expect(customFieldErrors({ startDate: null }, definitions)).toEqual([]);
  });

  it("names unknown keys and wrongly typed values", () => {
    expect(
      customFieldErrors(
        {
          nickname: "x",
          startDate: "2023-02-29",
          floor: "3",
          remote: "yes",
          badge: 12,
        },
        definitions,
      ).map((e) => e.field),
    ).toEqual([
      "customFields.nickname",
      "customFields.startDate",
      "customFields.floor",
      "customFields.remote",
      "customFields.badge",
    ]);
  });
});

describe("mergeCustomFields", () => {
  it("sets given keys, removes null ones and keeps the rest", () => {
    expect(
      mergeCustomFields(
        { floor: 2, badge: "B-1" },
        { floor: 3, badge: null, remote: true },
      ),
    ).toEqual({ floor: 3, remote: true });
  });

  it("treats a stored value that is not an object as empty", () => {
    expect(mergeCustomFields([1, 2], { floor: 1 })).toEqual({ floor: 1 });
  });
});
