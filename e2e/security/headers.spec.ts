import { expect, test, type APIResponse } from "@playwright/test";

import { signInCookie } from "../support/actions";
import { seedOrganization } from "../support/database";
import { basic, freshAddress, seedKey } from "../support/keys";
import { openApiKeysPage, signIn } from "../support/session";

// Security headers on every page and every response, and a CSP whose
// scripts run by nonce only.

function expectSecurityHeaders(response: APIResponse): string {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, response.url()).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
  );
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // `next start` runs with NODE_ENV=production.
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  return csp;
}

test("pages, API answers, auth endpoints and static files all carry the headers", async ({
  request,
  baseURL,
}) => {
  const org = await seedOrganization({ contactApiEnabled: true });
  const key = await seedKey(org.id);
  const cookie = await signInCookie(baseURL!, org.parentAdmin);
  const session = { Cookie: `next-auth.session-token=${cookie}` };
  const api = (authorization?: string) => ({
    ...(authorization ? { Authorization: authorization } : {}),
    "X-Forwarded-For": freshAddress(),
  });

  const responses = [
    await request.get("/sign-in"),
    await request.get("/", { headers: session }),
    await request.get("/email-contacts", { headers: session }),
    await request.get("/email-contacts/import/contact-api/api-keys", {
      headers: session,
    }),
    await request.get("/no-such-page"),
    await request.get("/email-contacts", { maxRedirects: 0 }),
    await request.get("/api/v1/contacts", { headers: api(basic(key)) }),
    await request.get("/api/v1/contacts", { headers: api() }),
    await request.get("/api/v1/contacts/00000000-0000-0000-0000-000000000000", {
      headers: api(basic(key)),
    }),
    await request.get("/api/health"),
    await request.get("/api/auth/csrf"),
    await request.get("/icon.svg"),
  ];
  const html = await responses[0]!.text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  if (asset) responses.push(await request.get(asset));

  for (const response of responses) expectSecurityHeaders(response);
  console.log(`headers: ${responses.length} responses checked`);
});

test("every script of a page carries the nonce of its CSP, a new one per request", async ({
  request,
}) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const nonce = /'nonce-([^']+)'/.exec(expectSecurityHeaders(first))![1]!;
  const otherNonce = /'nonce-([^']+)'/.exec(expectSecurityHeaders(second))![1]!;
  expect(nonce).not.toBe(otherNonce);

  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map(
    (m) => m[0],
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("the app works under its CSP: no violation while signing in and opening the key page", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text()))
      violations.push(message.text());
  });
  const org = await seedOrganization({ contactApiEnabled: true });

  await signIn(page, org.parentAdmin);
  await openApiKeysPage(page);
  await page.getByRole("button", { name: "Generate API Key" }).click();
  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toBeVisible();

  expect(violations).toEqual([]);
});
