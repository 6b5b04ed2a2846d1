import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { csvRow } from "./csv";
import { exportContactBatches } from "./list-for-page";
import type { ContactListFilter } from "./page-cursor";

const DEFAULT_HEADERS = [
  "First name",
  "Last name",
  "Email",
  "Department",
  "Job title",
  "Location",
  "Phone",
  "Created",
  "Updated",
];

/**
 * The organization's contacts as a CSV byte stream, read a thousand at a
 * time by keyset, so 100,000 contacts never sit in memory at once. Custom
 * fields follow the default columns, headed by their labels.
 */
export function contactsCsvStream(
  organizationId: string,
  filter: ContactListFilter,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: ReturnType<typeof exportContactBatches> | undefined;
  let fields: { label: string; apiName: string }[] = [];

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      fields = await db.customField.findMany({
        where: { organizationId },
        orderBy: [{ label: "asc" }, { id: "asc" }],
        select: { label: true, apiName: true },
      });
      batches = exportContactBatches(organizationId, filter);

      // The byte order mark makes Excel read the file as UTF-8.
      const header = csvRow([
        ...DEFAULT_HEADERS,
        ...fields.map((f) => f.label),
      ]);
      controller.enqueue(encoder.encode(`\uFEFF${header}`));
    },

    async pull(controller) {
      try {
        const next = await batches!.next();
        if (next.done) return controller.close();

        const text = next.value
          .map((contact) => {
            const custom = asRecord(contact.customFields);
            return csvRow([
              contact.firstName,
              contact.lastName,
              contact.email,
              contact.department,
              contact.jobTitle,
              contact.location,
              contact.phone,
              contact.createdAt.toISOString(),
              contact.updatedAt.toISOString(),
              ...fields.map((field) => custom[field.apiName]),
            ]);
          })
          .join("");
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        logger.error({ err: error }, "contact export failed");
        controller.error(new Error("The export failed."));
      }
    },

    async cancel() {
      await batches?.return(undefined);
    },
  });
}

function asRecord(value: unknown): Record<string, string | number | boolean> {
  const isObject =
    typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject ? (value as Record<string, string | number | boolean>) : {};
}
