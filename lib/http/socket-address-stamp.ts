import { Server, type IncomingMessage } from "node:http";

import {
  markSocketAddressStampInstalled,
  SOCKET_ADDRESS_HEADER,
} from "./client-address";

/**
 * Copies each request's socket address into a header before Next.js routes
 * it, and overwrites whatever a client sent under that name. Route handlers
 * and server actions see no socket, and Next.js keeps a client's own
 * X-Forwarded-For, so this is the one place the real peer address is known.
 * Installed once per process from instrumentation.ts.
 */
export function installSocketAddressStamp(): void {
  const prototype = Server.prototype as Server & { __eeStamped?: boolean };
  if (prototype.__eeStamped) return;

  const emit = prototype.emit;
  prototype.emit = function stampedEmit(
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] =
        request.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;

  prototype.__eeStamped = true;
  markSocketAddressStampInstalled();
}
