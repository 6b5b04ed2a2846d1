import { z } from "zod";

// The one definition of a contact's fields, shared by the Contact API, the
// forms and the imports, so each channel accepts exactly the same input.

export const CONTACT_FIELD_MAX_LENGTHS = {
  email: 254,
  firstName: 100,
  lastName: 100,
  location: 200,
  department: 200,
  jobTitle: 200,
  phone: 50,
} as const;

const CUSTOM_TEXT_MAX_LENGTH = 1000;
const MAX_CUSTOM_FIELDS = 100;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

// Contacts end up in email headers and CSV exports: a CR/LF or other control
// character there is a header-injection or formula risk, never real data.
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/u;

/** Trimmed, at most `max` characters, no control characters or line breaks. */
function text(max: number) {
  return z
    .string()
    .refine((value) => !CONTROL_CHARACTER.test(value), {
      message: "Must not contain control characters or line breaks.",
      abort: true,
    })
    .trim()
    .max(max, `Must be at most ${max} characters.`);
}

// An empty value clears the field, the same as null.
function optionalText(max: number) {
  return text(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();
}

/** The email as stored and as compared: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const contactEmailSchema = text(CONTACT_FIELD_MAX_LENGTHS.email)
  .transform(normaliseEmail)
  .pipe(z.email("Must be a valid email address."));
const email = contactEmailSchema;

// Keys are the camelCase API names derived from the field labels; whether a
// key is one of the organization's fields is checked against the database.
const customFieldValue = z.union(
  [z.null(), z.boolean(), z.number(), text(CUSTOM_TEXT_MAX_LENGTH)],
  { error: "Must be a string, number, boolean or null." },
);

export const customFieldsInputSchema = z
  .record(
    z
      .string()
      .regex(/^[a-z][A-Za-z0-9]{0,63}$/, "Must be a camelCase field name."),
    customFieldValue,
  )
  .refine((fields) => Object.keys(fields).length <= MAX_CUSTOM_FIELDS, {
    message: `At most ${MAX_CUSTOM_FIELDS} custom fields.`,
  });

const defaultFields = {
  firstName: optionalText(CONTACT_FIELD_MAX_LENGTHS.firstName),
  lastName: optionalText(CONTACT_FIELD_MAX_LENGTHS.lastName),
  location: optionalText(CONTACT_FIELD_MAX_LENGTHS.location),
  department: optionalText(CONTACT_FIELD_MAX_LENGTHS.department),
  jobTitle: optionalText(CONTACT_FIELD_MAX_LENGTHS.jobTitle),
  phone: optionalText(CONTACT_FIELD_MAX_LENGTHS.phone),
};

// Strict: an unknown key (a typo, or an `id` or `organizationId` a client
// hoped to set) is reported instead of silently dropped.
export const contactCreateSchema = z.strictObject({
  email,
  ...defaultFields,
  customFields: customFieldsInputSchema.optional(),
});

export const contactPatchSchema = z
  .strictObject({
    email: email.optional(),
    ...defaultFields,
    customFields: customFieldsInputSchema.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: "Provide at least one field to change.",
  });

export type ContactCreateInput = z.output<typeof contactCreateSchema>;
export type ContactPatchInput = z.output<typeof contactPatchSchema>;
export type CustomFieldsInput = z.output<typeof customFieldsInputSchema>;

// What leaves the server. Parsing the row through this drops every column not
// named here (organizationId, uniqueId), whatever the query selected.
export const contactOutputSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  location: z.string().nullable(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  customFields: z.record(z.string(), z.json()),
  createdAt: z.date().transform((date) => date.toISOString()),
  updatedAt: z.date().transform((date) => date.toISOString()),
});

export type ContactOutput = z.output<typeof contactOutputSchema>;

// Exact-match filters on the default fields, compared as they are stored.
const filterText = (max: number) =>
  text(max).pipe(z.string().min(1, "Must not be empty."));

export const MAX_SEARCH_LENGTH = 200;

export const contactListQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
        .max(
          MAX_PAGE_SIZE,
          `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
        ),
    )
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200, "Invalid cursor.").optional(),
  email: text(CONTACT_FIELD_MAX_LENGTHS.email)
    .transform(normaliseEmail)
    .pipe(z.string().min(1, "Must not be empty."))
    .optional(),
  firstName: filterText(CONTACT_FIELD_MAX_LENGTHS.firstName).optional(),
  lastName: filterText(CONTACT_FIELD_MAX_LENGTHS.lastName).optional(),
  location: filterText(CONTACT_FIELD_MAX_LENGTHS.location).optional(),
  department: filterText(CONTACT_FIELD_MAX_LENGTHS.department).optional(),
  jobTitle: filterText(CONTACT_FIELD_MAX_LENGTHS.jobTitle).optional(),
  phone: filterText(CONTACT_FIELD_MAX_LENGTHS.phone).optional(),
  updatedSince: z.iso
    .datetime({
      offset: true,
      error: "Must be an ISO 8601 date-time, such as 2024-01-31T09:00:00Z.",
    })
    .optional(),
  q: filterText(MAX_SEARCH_LENGTH).optional(),
});

export type ContactListQuery = z.output<typeof contactListQuerySchema>;

// PUT /contacts/{uniqueId}: the contact as a whole. The email may be left out
// when the URL carries it as the Unique Contact ID.
export const contactPutSchema = z.strictObject({
  email: email.optional(),
  ...defaultFields,
  customFields: customFieldsInputSchema.optional(),
});

export type ContactPutInput = z.output<typeof contactPutSchema>;

export const MAX_BATCH_SIZE = 1000;

// The upload's envelope; each row is checked on its own with
// contactCreateSchema, so one bad row does not reject the others.
export const contactUploadSchema = z.strictObject({
  contacts: z
    .array(z.unknown())
    .min(1, "Send at least one contact.")
    .max(MAX_BATCH_SIZE, `At most ${MAX_BATCH_SIZE} contacts per request.`),
});

export const contactBulkDeleteSchema = z.strictObject({
  uniqueIds: z
    .array(
      text(CUSTOM_TEXT_MAX_LENGTH).pipe(
        z.string().min(1, "Must not be empty."),
      ),
    )
    .min(1, "Send at least one Unique Contact ID.")
    .max(MAX_BATCH_SIZE, `At most ${MAX_BATCH_SIZE} ids per request.`),
});
