import { Writable } from "node:stream";

import pino from "pino";
import { describe, expect, it } from "vitest";

import { loggerOptions } from "./logger";

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  return { stream, lines };
}

describe("logger", () => {
  it("redacts credentials and cookies wherever they sit", () => {
    const { stream, lines } = capture();
    const log = pino({ ...loggerOptions, level: "info" }, stream);

    log.info(
      {
        accessKey: "eesk_top-level",
        result: { accessKey: "eesk_nested" },
        req: { headers: { authorization: "Basic c2VjcmV0", cookie: "s=1" } },
        headers: { cookie: "session=2" },
      },
      "something happened",
    );

    const output = lines.join("");
    expect(output).toContain("something happened");
    expect(output).not.toMatch(/eesk_|c2VjcmV0|s=1|session=2/);
    expect(output).toContain("[redacted]");
  });
});
