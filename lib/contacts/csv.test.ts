import { describe, expect, it } from "vitest";

import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it("leaves plain text alone", () => {
    expect(csvCell("Ada Lovelace")).toBe("Ada Lovelace");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(true)).toBe("true");
  });

  it("writes null and undefined as an empty cell", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks per RFC 4180", () => {
    expect(csvCell("Smith, John")).toBe('"Smith, John"');
    expect(csvCell('The "Boss"')).toBe('"The ""Boss"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])(
    "prefixes a cell starting with %j so it cannot run as a formula",
    (start) => {
      const cell = csvCell(`${start}HYPERLINK("http://evil.test")`);
      expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("neutralises and quotes a formula that also holds a comma", () => {
    expect(csvCell("=SUM(A1,A2)")).toBe(`"'=SUM(A1,A2)"`);
    expect(csvCell("\r=1+1")).toBe(`"'\r=1+1"`);
  });

  it("leaves a formula character inside the text alone", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("ada@example.com")).toBe("ada@example.com");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", null, "=1", "x,y"])).toBe(`a,,'=1,"x,y"\r\n`);
  });
});
