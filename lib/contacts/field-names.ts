// The API name of a custom field, derived from its label: the key of the
// field in a contact's `customFields` ("Start Date" becomes "startDate").
// Pure, so the Fields screen can show the name while the admin types.

export const MAX_API_NAME_LENGTH = 64;

/** What every API name matches: camelCase, ASCII letters and digits. */
export const API_NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/;

// Letters that Unicode does not decompose into a base letter and an accent.
const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "Ae",
  œ: "oe",
  Œ: "Oe",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  ı: "i",
};

/**
 * The camelCase API name of a field label, or "" when the label holds no
 * Latin letter or digit (the caller then asks for another label).
 *
 * Accents are dropped ("Café" → "cafe"), apostrophes join ("Manager's Name"
 * → "managersName"), any other punctuation or space splits words, existing
 * camel case and acronyms are kept as word breaks ("HRManager" →
 * "hrManager"), and a name that would start with a digit gets a "field"
 * prefix ("2FA Enabled" → "field2faEnabled").
 */
export function deriveApiName(label: string): string {
  const words = splitWords(toAscii(label));
  if (words.length === 0) return "";

  const camel = words
    .map((word, index) => {
      const lower = word.toLowerCase();
      return index === 0 ? lower : lower[0]!.toUpperCase() + lower.slice(1);
    })
    .join("");

  const name = /^[0-9]/.test(camel) ? `field${camel}` : camel;
  return name.slice(0, MAX_API_NAME_LENGTH);
}

function toAscii(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/./gu, (char) => TRANSLITERATIONS[char] ?? char);
}

function splitWords(text: string): string[] {
  return (
    text
      // "Manager's" and "O’Brien" are one word each.
      .replace(/(?<=[A-Za-z0-9])['’](?=[A-Za-z0-9])/g, "")
      // "startDate" → "start Date", "HRManager" → "HR Manager".
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([0-9])([A-Z][a-z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => word !== "")
  );
}
