/**
 * What every server action returns. A module of types only, so client
 * components can import it without pulling in anything of the server.
 */
export type ActionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: string };

export type ActionFailure = Extract<ActionResult, { ok: false }>;
