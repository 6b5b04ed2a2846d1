import "server-only";

import { ConfigError, config } from "./env";

/**
 * Validates the configuration when the Node.js server starts; on a problem,
 * prints every bad variable and exits before anything is served.
 */
export function checkConfigAtStartUp(): void {
  try {
    const { trustProxy } = config();

    // next-auth v4 takes the public URL from X-Forwarded-Host and -Proto only
    // when AUTH_TRUST_HOST is set (NEXTAUTH_URL, when set, still wins).
    if (trustProxy) process.env.AUTH_TRUST_HOST ??= "true";
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;

    console.error(error.message);
    process.exit(1);
  }
}
