import { describe, expect, it } from "vitest";
import { z } from "zod";

import { Refusal } from "@/lib/errors/refusal";

import { failureFrom } from "./failure";

describe("failureFrom", () => {
  it("passes a refusal's message through", () => {
    expect(failureFrom(new Refusal("stale"), "test")).toEqual({
      ok: false,
      error:
        "This key changed in another tab; the page now shows the current key.",
    });
  });

  it("hides an unexpected error behind a generic message", () => {
    const failure = failureFrom(
      new Error('relation "ApiKey" does not exist at db.internal:5432'),
      "test",
    );

    expect(failure.ok).toBe(false);
    expect(failure.error).toMatch(/^Something went wrong\./);
    expect(failure.error).not.toMatch(/ApiKey|db\.internal/);
  });

  it("answers input no form of ours sends as a request to reload", () => {
    const parsed = z.object({ expectedAuthId: z.string() }).safeParse([]);
    if (parsed.success) throw new Error("the input should be invalid");

    const failure = failureFrom(parsed.error, "test");

    expect(failure).toEqual({
      ok: false,
      error: "The request was not understood. Reload the page.",
    });
  });
});
