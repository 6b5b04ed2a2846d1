import { describe, expect, it } from "vitest";

import { parsePageRequest, shapePage } from "./page-cursor";

const ID = "01970000-0000-7000-8000-000000000001";

describe("parsePageRequest", () => {
  it("reads ?cursor as the page after that contact", () => {
    expect(parsePageRequest({ cursor: ID })).toEqual({
      direction: "after",
      cursor: ID,
    });
  });

  it("reads ?before as the page before that contact", () => {
    expect(parsePageRequest({ before: ID })).toEqual({
      direction: "before",
      cursor: ID,
    });
  });

  it("reads no cursor, or a malformed one, as the first page", () => {
    expect(parsePageRequest({})).toEqual({ direction: "first" });
    expect(parsePageRequest({ cursor: "' OR 1=1 --" })).toEqual({
      direction: "first",
    });
  });

  it("takes the first value of a repeated parameter", () => {
    expect(parsePageRequest({ cursor: [ID, "other"] })).toEqual({
      direction: "after",
      cursor: ID,
    });
  });
});

describe("shapePage", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it("offers no previous page on the first page", () => {
    expect(shapePage(rows(4), "first", 3)).toEqual({
      items: [1, 2, 3],
      hasPrevious: false,
      hasNext: true,
    });
  });

  it("offers no next page when the extra row is missing", () => {
    expect(shapePage(rows(3), "after", 3)).toEqual({
      items: [1, 2, 3],
      hasPrevious: true,
      hasNext: false,
    });
  });

  it("puts rows fetched backwards back in order", () => {
    expect(shapePage([6, 5, 4, 3], "before", 3)).toEqual({
      items: [4, 5, 6],
      hasPrevious: true,
      hasNext: true,
    });
  });

  it("knows when paging backwards reached the first contact", () => {
    expect(shapePage([2, 1], "before", 3)).toEqual({
      items: [1, 2],
      hasPrevious: false,
      hasNext: true,
    });
  });
});
