import type { z } from "zod";

import { ApiProblem, type FieldError } from "@/lib/http/problem";

// A contact is well under a kilobyte; the limit stops a client from making
// the server buffer megabytes before validation refuses them.
export const MAX_JSON_BODY_BYTES = 64 * 1024;

// A bulk upload carries up to a thousand contacts.
export const MAX_UPLOAD_BODY_BYTES = 5 * 1024 * 1024;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** A JSON body validated by `schema`: 415, 413, 400 or 422 problems otherwise. */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<z.output<Schema>> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim();
  if (!mediaType || !JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiProblem("unsupported-media-type", {
      detail: "Send the body as application/json.",
    });
  }

  const json = parseJson(await readBoundedText(request, maxBytes));

  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiProblem("validation-failed", {
      errors: fieldErrors(result.error),
    });
  }

  return result.data;
}

/** Query parameters validated by `schema`; a 400 problem naming them otherwise. */
export function parseSearchParams<Schema extends z.ZodType>(
  searchParams: URLSearchParams,
  schema: Schema,
): z.output<Schema> {
  const result = schema.safeParse(Object.fromEntries(searchParams));
  if (!result.success) {
    throw new ApiProblem("invalid-request", {
      errors: fieldErrors(result.error),
    });
  }

  return result.data;
}

/** One entry per field at fault, named by its dotted path ("customFields.startDate"). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String).join(".");

    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: "Unknown field.",
      }));
    }

    return [{ field: path, message: issue.message }];
  });
}

async function readBoundedText(
  request: Request,
  maxBytes: number,
): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();

  // Counted while reading: a chunked body carries no Content-Length to trust.
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;

    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }

  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(
      Buffer.concat(chunks),
    );
  } catch {
    throw new ApiProblem("malformed-json", {
      detail: "The body is not valid UTF-8.",
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("malformed-json", {
      detail: "The body is not valid JSON.",
    });
  }
}

function tooLarge(maxBytes: number): ApiProblem {
  return new ApiProblem("payload-too-large", {
    detail: `The body may be at most ${maxBytes} bytes.`,
  });
}
