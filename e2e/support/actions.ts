import { readFileSync } from "node:fs";
import path from "node:path";

import {
  request as playwrightRequest,
  type APIRequestContext,
} from "@playwright/test";
import { encode } from "next-auth/jwt";

import type { SeededAccount } from "./database";

// Server actions replayed the way an attacker would: a POST with the
// Next-Action header, straight to the server, no page involved.

export const API_KEYS_PAGE = "/email-contacts/import/contact-api/api-keys";
export const SESSION_COOKIE = "next-auth.session-token";

type ManifestEntry = { filename?: string; exportedName?: string };

/** Action ids of the production build, by "file#export". */
export function buildActionIds(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(
      path.join(process.cwd(), ".next/server/server-reference-manifest.json"),
      "utf8",
    ),
  ) as { node: Record<string, ManifestEntry> };

  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) {
      ids.set(`${entry.filename}#${entry.exportedName}`, id);
    }
  }
  return ids;
}

export type ActionReply = { status: number; body: string; ok: boolean | null };

export async function callAction(
  request: APIRequestContext,
  options: {
    baseURL: string;
    actionId: string;
    args: unknown[];
    cookie?: string | null;
    origin?: string;
    headers?: Record<string, string>;
    page?: string;
  },
): Promise<ActionReply> {
  const response = await request.post(
    `${options.baseURL}${options.page ?? API_KEYS_PAGE}`,
    {
      headers: {
        "Next-Action": options.actionId,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: options.origin ?? options.baseURL,
        ...(options.cookie
          ? { Cookie: `${SESSION_COOKIE}=${options.cookie}` }
          : {}),
        ...options.headers,
      },
      data: JSON.stringify(options.args),
      maxRedirects: 0,
    },
  );
  const body = await response.text();

  return { status: response.status(), body, ok: okOf(body) };
}

// The action's return value is one line of the RSC stream: `1:{"ok":...}`.
function okOf(body: string): boolean | null {
  if (/"ok":true/.test(body)) return true;
  if (/"ok":false/.test(body)) return false;
  return null;
}

/** A real session cookie, from signing in through next-auth's endpoints. */
export async function signInCookie(
  baseURL: string,
  account: SeededAccount,
): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    const csrf = await (await context.get("/api/auth/csrf")).json();
    const response = await context.post("/api/auth/callback/credentials", {
      form: {
        csrfToken: csrf.csrfToken,
        email: account.email,
        password: account.password,
        json: "true",
      },
      maxRedirects: 0,
    });
    if (response.status() >= 400)
      throw new Error(`sign-in failed: ${response.status()}`);

    const cookies = await context.storageState();
    const session = cookies.cookies.find(
      (cookie) => cookie.name === SESSION_COOKIE,
    );
    if (!session) throw new Error(`no session cookie for ${account.email}`);
    return session.value;
  } finally {
    await context.dispose();
  }
}

/** A session token as next-auth makes it, for tokens we want expired or forged. */
export function craftSessionCookie(
  userId: string,
  options: { secret?: string; maxAgeSeconds?: number } = {},
): Promise<string> {
  const secret = options.secret ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET must be the server's secret");

  return encode({
    token: { sub: userId },
    secret,
    maxAge: options.maxAgeSeconds ?? 3600,
  });
}
