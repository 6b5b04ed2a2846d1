// CSV for spreadsheets people open with a double click. RFC 4180 quoting,
// CRLF line ends, and no cell a spreadsheet could run as a formula.

// Excel, LibreOffice and Google Sheets treat a cell starting with one of
// these as a formula (CSV injection); TAB and CR are in the list because
// some of them strip leading whitespace before deciding.
const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised against formulas, then quoted if it must be. */
export function csvCell(value: string | number | boolean | null | undefined) {
  if (value === null || value === undefined) return "";

  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;

  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(
  values: readonly (string | number | boolean | null | undefined)[],
): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
