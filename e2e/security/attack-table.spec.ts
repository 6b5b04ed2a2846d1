import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

import { expect, test, type APIRequestContext } from "@playwright/test";

import type { Credentials } from "../../lib/api-keys/credentials";
import {
  API_KEYS_PAGE,
  buildActionIds,
  callAction,
  craftSessionCookie,
  signInCookie,
} from "../support/actions";
import {
  database,
  seedOrganization,
  type SeededOrganization,
} from "../support/database";
import { basic, currentAuthId, freshAddress, seedKey } from "../support/keys";

// ONE table of attacks, run against every server action, every Contact API
// route and every page. A test below lists the route and action files on
// disk and fails when one of them is missing from the table, so a new route
// cannot ship without these cases.

test.describe.configure({ mode: "default" });

const SKIP_MIDDLEWARE_HEADERS = {
  "x-middleware-subrequest":
    "middleware:middleware:middleware:middleware:middleware",
  "x-middleware-prefetch": "1",
  "x-invoke-path": "/api/health",
  "x-now-route-matches": "1",
};

type Tally = { tried: number; refused: number; status5xx: number };
const tally: Record<string, Tally> = {};
function count(table: string, status: number, refused: boolean): void {
  tally[table] ??= { tried: 0, refused: 0, status5xx: 0 };
  tally[table].tried += 1;
  if (refused) tally[table].refused += 1;
  if (status >= 500) tally[table].status5xx += 1;
}

// --- the world the attacks run in ---------------------------------------

type World = {
  baseURL: string;
  victim: SeededOrganization & { key: Credentials; contactId: string };
  stranger: SeededOrganization & { key: Credentials; contactId: string };
  featureOff: SeededOrganization & { key: Credentials };
  baseUser: { id: string; email: string; password: string };
  cookies: Record<string, string>;
  userIds: Record<string, string>;
};
let world: World;

async function orgWithKey(contactApiEnabled: boolean) {
  const org = await seedOrganization({ contactApiEnabled, contacts: 1 });
  const key = await seedKey(org.id);
  const contact = await database().contact.findFirstOrThrow({
    where: { organizationId: org.id },
  });
  return { ...org, key, contactId: contact.id };
}

async function userId(email: string): Promise<string> {
  return (await database().user.findUniqueOrThrow({ where: { email } })).id;
}

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL!;
  const victim = await orgWithKey(true);
  const stranger = await orgWithKey(true);
  const featureOff = await orgWithKey(false);
  const baseUserEmail = `base-${crypto.randomUUID()}@e2e.test`;
  const baseUser = await database().user.create({
    data: {
      email: baseUserEmail,
      name: "Base user",
      role: "BASE_USER",
      organizationId: victim.id,
      passwordHash: (
        await database().user.findUniqueOrThrow({
          where: { email: victim.manager.email },
        })
      ).passwordHash,
    },
  });

  const cookies: Record<string, string> = {
    victimParent: await signInCookie(base, victim.parentAdmin),
    victimAdmin: await signInCookie(base, victim.admin),
    victimManager: await signInCookie(base, victim.manager),
    victimBaseUser: await signInCookie(base, {
      email: baseUserEmail,
      password: victim.manager.password,
      role: "BASE_USER",
    }),
    strangerParent: await signInCookie(base, stranger.parentAdmin),
    featureOffParent: await signInCookie(base, featureOff.parentAdmin),
  };
  const userIds = { victimParent: await userId(victim.parentAdmin.email) };

  world = {
    baseURL: base,
    victim,
    stranger,
    featureOff,
    baseUser: {
      id: baseUser.id,
      email: baseUserEmail,
      password: victim.manager.password,
    },
    cookies,
    userIds,
  };
});

test.afterAll(() => {
  mkdirSync(".test-reports", { recursive: true });
  writeFileSync(
    ".test-reports/attack-table.json",
    JSON.stringify(tally, null, 2),
  );
  for (const [table, t] of Object.entries(tally)) {
    console.log(
      `attack table ${table}: ${t.tried} tried, ${t.refused} refused as expected, ${t.status5xx} 5xx`,
    );
  }
});

// --- server actions ------------------------------------------------------

type ActionAttack = {
  name: string;
  /** The session cookie to send (null: none) and the organization attacked. */
  setup: () => Promise<{
    cookie: string | null;
    victimOrgId: string;
    args?: unknown[];
    origin?: string;
    headers?: Record<string, string>;
    page?: string;
  }>;
};

async function movedOrDemoted(change: "demote" | "move") {
  const org = await orgWithKey(true);
  const cookie = await signInCookie(world.baseURL, org.parentAdmin);
  await database().user.update({
    where: { email: org.parentAdmin.email },
    data:
      change === "demote"
        ? { role: "ADMIN" }
        : { organizationId: world.stranger.id, role: "ADMIN" },
  });
  return {
    cookie,
    victimOrgId: org.id,
    args: [{ expectedAuthId: org.key.authId }],
  };
}

const victimArgs = () => [{ expectedAuthId: world.victim.key.authId }];

const ACTION_ATTACKS: ActionAttack[] = [
  {
    name: "no session",
    setup: async () => ({
      cookie: null,
      victimOrgId: world.victim.id,
      args: victimArgs(),
    }),
  },
  {
    name: "expired session",
    setup: async () => ({
      cookie: await craftSessionCookie(world.userIds.victimParent!, {
        maxAgeSeconds: -60,
      }),
      victimOrgId: world.victim.id,
      args: victimArgs(),
    }),
  },
  {
    name: "forged session (wrong secret)",
    setup: async () => ({
      cookie: await craftSessionCookie(world.userIds.victimParent!, {
        secret: "not-the-server-secret-at-all-0000",
      }),
      victimOrgId: world.victim.id,
      args: victimArgs(),
    }),
  },
  {
    name: "tampered session cookie",
    setup: async () => {
      const real = world.cookies.victimParent!;
      const middle = Math.floor(real.length / 2);
      const flipped = real[middle] === "A" ? "B" : "A";
      return {
        cookie: real.slice(0, middle) + flipped + real.slice(middle + 1),
        victimOrgId: world.victim.id,
        args: victimArgs(),
      };
    },
  },
  { name: "Parent Admin since demoted", setup: () => movedOrDemoted("demote") },
  {
    name: "Parent Admin since moved to another organization",
    setup: () => movedOrDemoted("move"),
  },
  {
    name: "Admin of the organization",
    setup: async () => ({
      cookie: world.cookies.victimAdmin!,
      victimOrgId: world.victim.id,
      args: victimArgs(),
    }),
  },
  {
    name: "Manager of the organization",
    setup: async () => ({
      cookie: world.cookies.victimManager!,
      victimOrgId: world.victim.id,
      args: victimArgs(),
    }),
  },
  {
    name: "Base User of the organization",
    setup: async () => ({
      cookie: world.cookies.victimBaseUser!,
      victimOrgId: world.victim.id,
      args: victimArgs(),
    }),
  },
  {
    name: "Parent Admin of another organization, with the victim's ids in arguments and URL",
    setup: async () => ({
      cookie: world.cookies.strangerParent!,
      victimOrgId: world.victim.id,
      args: [
        {
          expectedAuthId: world.victim.key.authId,
          organizationId: world.victim.id,
          userId: world.userIds.victimParent,
        },
      ],
      page: `${API_KEYS_PAGE}?organizationId=${world.victim.id}`,
    }),
  },
  {
    name: "Contact API feature off",
    setup: async () => ({
      cookie: world.cookies.featureOffParent!,
      victimOrgId: world.featureOff.id,
      args: [{ expectedAuthId: world.featureOff.key.authId }],
    }),
  },
  {
    name: "feature switched off during the session",
    setup: async () => {
      const org = await orgWithKey(true);
      const cookie = await signInCookie(world.baseURL, org.parentAdmin);
      await database().organization.update({
        where: { id: org.id },
        data: { contactApiEnabled: false },
      });
      return {
        cookie,
        victimOrgId: org.id,
        args: [{ expectedAuthId: org.key.authId }],
      };
    },
  },
  {
    name: "foreign Origin with a valid Parent Admin session",
    setup: async () => ({
      cookie: world.cookies.victimParent!,
      victimOrgId: world.victim.id,
      args: victimArgs(),
      origin: "https://evil.example",
    }),
  },
  {
    name: "middleware-skipping headers without a session",
    setup: async () => ({
      cookie: null,
      victimOrgId: world.victim.id,
      args: victimArgs(),
      headers: SKIP_MIDDLEWARE_HEADERS,
    }),
  },
];

/** Every server action, by the file and export that define it. */
const ACTIONS: Record<string, string> = {
  "app/(app)/email-contacts/import/contact-api/api-keys/actions/generate-api-key.ts#generateApiKeyAction":
    "generate",
  "app/(app)/email-contacts/import/contact-api/api-keys/actions/delete-api-key.ts#deleteApiKeyAction":
    "delete",
};

for (const [action, label] of Object.entries(ACTIONS)) {
  test.describe(`server action ${label}`, () => {
    for (const attack of ACTION_ATTACKS) {
      test(`refuses: ${attack.name}`, async ({ request }) => {
        const actionId = buildActionIds().get(action);
        expect(actionId, `${action} is in the build`).toBeTruthy();
        const { cookie, victimOrgId, args, origin, headers, page } =
          await attack.setup();
        const before = await currentAuthId(victimOrgId);
        const victimContacts = await database().contact.count({
          where: { organizationId: victimOrgId },
        });

        const reply = await callAction(request, {
          baseURL: world.baseURL,
          actionId: actionId!,
          args: args ?? [{ expectedAuthId: null }],
          cookie,
          origin,
          headers,
          page,
        });

        const untouched = (await currentAuthId(victimOrgId)) === before;
        const refused = reply.ok !== true && reply.status < 500 && untouched;
        count("server actions", reply.status, refused);
        expect(reply.status, reply.body.slice(0, 300)).toBeLessThan(500);
        expect(reply.ok).not.toBe(true);
        expect(untouched).toBe(true);
        expect(
          await database().contact.count({
            where: { organizationId: victimOrgId },
          }),
        ).toBe(victimContacts);
      });
    }

    test("works for the organization's own Parent Admin (the table is not vacuous)", async ({
      request,
    }) => {
      const org = await orgWithKey(true);
      const cookie = await signInCookie(world.baseURL, org.parentAdmin);
      const reply = await callAction(request, {
        baseURL: world.baseURL,
        actionId: buildActionIds().get(action)!,
        args: [{ expectedAuthId: org.key.authId }],
        cookie,
      });
      expect(reply.status).toBe(200);
      expect(reply.ok).toBe(true);
      expect(await currentAuthId(org.id)).not.toBe(org.key.authId);
    });
  });
}

// The Fields screen's actions, which never touch the API key. Of the attacks
// above, those that must fail for any caller apply to both. Defining a field
// is open to Admins as well; the Unique Contact ID is the Parent Admin's
// alone. A stranger may change its own organization, the victim's never.
const FIELDS_PAGE = "/email-contacts/fields";
const REFUSED_FOR_ANY_CALLER = new Set([
  "no session",
  "expired session",
  "forged session (wrong secret)",
  "tampered session cookie",
  "Manager of the organization",
  "Base User of the organization",
  "foreign Origin with a valid Parent Admin session",
  "middleware-skipping headers without a session",
]);
const STRANGER_ATTACK =
  "Parent Admin of another organization, with the victim's ids in arguments and URL";
const ADMIN_ATTACK = "Admin of the organization";

type FieldsScreenAction = {
  label: string;
  /** Attacks that must fail, besides REFUSED_FOR_ANY_CALLER. */
  alsoRefused: string[];
  /** Arguments an attacker sends, with the victim's organization id. */
  attackArgs: () => unknown[];
  /** Who may call it, with what, to show the table is not vacuous. */
  allowed: { name: string; cookie: () => string; args: () => unknown[] };
  /** The victim organization's state that a refused call leaves as it was. */
  victimState: () => Promise<string>;
};

const FIELD_ACTIONS: Record<string, FieldsScreenAction> = {
  "app/(app)/email-contacts/fields/actions/define-custom-field.ts#defineCustomFieldAction":
    {
      label: "define custom field",
      alsoRefused: [],
      attackArgs: () => [
        {
          label: `Intruder ${Date.now()}`,
          type: "TEXT",
          organizationId: world.victim.id,
        },
      ],
      allowed: {
        name: "an Admin of the organization",
        cookie: () => world.cookies.victimAdmin!,
        args: () => [{ label: `Team ${Date.now()}`, type: "TEXT" }],
      },
      victimState: async () =>
        String(
          await database().customField.count({
            where: { organizationId: world.victim.id },
          }),
        ),
    },
  "app/(app)/email-contacts/fields/actions/change-unique-contact-id.ts#changeUniqueContactIdAction":
    {
      label: "change Unique Contact ID",
      alsoRefused: [ADMIN_ATTACK],
      attackArgs: () => [{ field: "email", organizationId: world.victim.id }],
      allowed: {
        name: "the organization's own Parent Admin",
        cookie: () => world.cookies.victimParent!,
        args: () => [{ field: "email" }],
      },
      // A refused call records nothing; an allowed one always does.
      victimState: async () => {
        const organization = await database().organization.findUniqueOrThrow({
          where: { id: world.victim.id },
          select: { uniqueContactIdField: true },
        });
        const changes = await database().auditEvent.count({
          where: {
            organizationId: world.victim.id,
            action: "unique_contact_id.changed",
          },
        });
        return `${organization.uniqueContactIdField}/${changes}`;
      },
    },
};

for (const [action, table] of Object.entries(FIELD_ACTIONS)) {
  test.describe(`server action ${table.label}`, () => {
    const mustFail = (name: string) =>
      REFUSED_FOR_ANY_CALLER.has(name) || table.alsoRefused.includes(name);
    const attacks = ACTION_ATTACKS.filter(
      (attack) => mustFail(attack.name) || attack.name === STRANGER_ATTACK,
    );

    for (const attack of attacks) {
      test(`refuses: ${attack.name}`, async ({ request }) => {
        const { cookie, origin, headers } = await attack.setup();
        const before = await table.victimState();

        const reply = await callAction(request, {
          baseURL: world.baseURL,
          actionId: buildActionIds().get(action)!,
          args: table.attackArgs(),
          cookie,
          origin,
          headers,
          page: `${FIELDS_PAGE}?organizationId=${world.victim.id}`,
        });

        const untouched = (await table.victimState()) === before;
        const refused =
          untouched &&
          reply.status < 500 &&
          (!mustFail(attack.name) || reply.ok !== true);
        count("server actions", reply.status, refused);
        expect(reply.status, reply.body.slice(0, 300)).toBeLessThan(500);
        if (mustFail(attack.name)) expect(reply.ok).not.toBe(true);
        expect(untouched).toBe(true);
      });
    }

    test(`works for ${table.allowed.name} (the table is not vacuous)`, async ({
      request,
    }) => {
      const before = await table.victimState();
      const reply = await callAction(request, {
        baseURL: world.baseURL,
        actionId: buildActionIds().get(action)!,
        args: table.allowed.args(),
        cookie: table.allowed.cookie(),
        page: FIELDS_PAGE,
      });

      expect(reply.status).toBe(200);
      expect(reply.ok).toBe(true);
      expect(await table.victimState()).not.toBe(before);
    });
  });
}

// --- Contact API routes --------------------------------------------------

type Victim = { organizationId: string; contactId: string; email: string };

type Endpoint = {
  method: string;
  /** The request, aimed at the victim's contact where a route takes an id. */
  path: (contactId: string) => string;
  body?: (victim: Victim) => unknown;
  /** The body names the victim's email, so the answer may echo it back. */
  sendsVictimEmail?: true;
};

/** Every Contact API route and method, by the file that defines it. */
const ENDPOINTS: Record<string, Endpoint> = {
  "app/api/v1/contacts/route.ts#GET": {
    method: "GET",
    path: () => "/api/v1/contacts",
  },
  "app/api/v1/contacts/route.ts#POST": {
    method: "POST",
    path: () => "/api/v1/contacts",
    body: ({ organizationId }) => ({
      email: `intruder-${Date.now()}@example.com`,
      organizationId,
    }),
  },
  "app/api/v1/contacts/[id]/route.ts#GET": {
    method: "GET",
    path: (id) => `/api/v1/contacts/${id}`,
  },
  "app/api/v1/contacts/[id]/route.ts#PATCH": {
    method: "PATCH",
    path: (id) => `/api/v1/contacts/${id}`,
    body: ({ organizationId }) => ({ firstName: "Intruder", organizationId }),
  },
  "app/api/v1/contacts/[id]/route.ts#DELETE": {
    method: "DELETE",
    path: (id) => `/api/v1/contacts/${id}`,
  },
  "app/api/v1/contacts/[id]/route.ts#PUT": {
    method: "PUT",
    path: (id) => `/api/v1/contacts/${id}`,
    body: ({ organizationId }) => ({ firstName: "Intruder", organizationId }),
  },
  "app/api/v1/contacts/route.ts#DELETE": {
    method: "DELETE",
    path: () => "/api/v1/contacts",
    body: ({ email }) => ({ uniqueIds: [email] }),
    sendsVictimEmail: true,
  },
  "app/api/v1/contacts/upload/route.ts#POST": {
    method: "POST",
    path: () => "/api/v1/contacts/upload",
    // The victim's email is not sent: a stranger's key would rightly create
    // a contact of its own with it, which the page checks below would then
    // see in the stranger's list. `untouched` proves the victim's row safe.
    body: ({ organizationId }) => ({
      contacts: [
        { email: `intruder-${Date.now()}@example.com`, organizationId },
      ],
    }),
  },
  "app/api/v1/fields/route.ts#GET": {
    method: "GET",
    path: () => "/api/v1/fields",
  },
};

/**
 * Routes that need no credentials, and why: the table checks they are only
 * these. The API's own description holds nothing of any organization.
 */
const PUBLIC_ROUTES = new Set(["app/api/v1/openapi.json/route.ts#GET"]);

type ApiAttack = {
  name: string;
  expected: number[];
  setup: () => Promise<{
    authorization?: string;
    headers?: Record<string, string>;
  }>;
};

// A failed authentication is a 401 until its address or Auth ID has failed
// too often, then a 429: both are the refusal.
const UNAUTHENTICATED = [401, 429];

const API_ATTACKS: ApiAttack[] = [
  {
    name: "no credentials",
    expected: UNAUTHENTICATED,
    setup: async () => ({}),
  },
  {
    name: "wrong Access Key",
    expected: UNAUTHENTICATED,
    setup: async () => ({
      authorization: basic({ ...world.victim.key, accessKey: "eesk_wrong" }),
    }),
  },
  {
    name: "unknown Auth ID",
    expected: UNAUTHENTICATED,
    setup: async () => ({
      authorization: basic({ ...world.victim.key, authId: "eeid_unknown" }),
    }),
  },
  {
    name: "Parent Admin session cookie instead of a key",
    expected: UNAUTHENTICATED,
    setup: async () => ({
      headers: {
        Cookie: `next-auth.session-token=${world.cookies.victimParent}`,
      },
    }),
  },
  {
    name: "middleware-skipping headers without credentials",
    expected: UNAUTHENTICATED,
    setup: async () => ({ headers: SKIP_MIDDLEWARE_HEADERS }),
  },
  {
    name: "Contact API feature off",
    expected: [403],
    setup: async () => ({ authorization: basic(world.featureOff.key) }),
  },
  {
    name: "feature switched off while its key is in use",
    expected: [403],
    setup: async () => {
      const org = await orgWithKey(true);
      const response = await fetch(`${world.baseURL}/api/v1/contacts`, {
        headers: {
          Authorization: basic(org.key),
          "X-Forwarded-For": freshAddress(),
        },
      });
      expect(response.status).toBe(200);
      await database().organization.update({
        where: { id: org.id },
        data: { contactApiEnabled: false },
      });
      return { authorization: basic(org.key) };
    },
  },
  {
    name: "replaced key",
    expected: UNAUTHENTICATED,
    setup: async () => {
      const org = await orgWithKey(true);
      await seedKey(org.id);
      return { authorization: basic(org.key) };
    },
  },
  {
    name: "deleted key",
    expected: UNAUTHENTICATED,
    setup: async () => {
      const org = await orgWithKey(true);
      await database().apiKey.delete({ where: { organizationId: org.id } });
      return { authorization: basic(org.key) };
    },
  },
  {
    name: "another organization's key, with the victim's ids in URL and body",
    // Collection routes act on the caller's own organization; item routes
    // answer 404 exactly as for a contact that does not exist; a body or a
    // query that names an organization is refused as invalid (422, 400).
    expected: [200, 201, 400, 404, 422],
    setup: async () => ({ authorization: basic(world.stranger.key) }),
  },
];

async function sendApi(
  request: APIRequestContext,
  endpoint: Endpoint,
  attack: { authorization?: string; headers?: Record<string, string> },
  victimEmail: string,
) {
  const url = `${world.baseURL}${endpoint.path(world.victim.contactId)}?organizationId=${world.victim.id}`;
  return request.fetch(url, {
    method: endpoint.method,
    headers: {
      "X-Forwarded-For": freshAddress(),
      ...(attack.authorization ? { Authorization: attack.authorization } : {}),
      ...attack.headers,
    },
    data: endpoint.body?.({
      organizationId: world.victim.id,
      contactId: world.victim.contactId,
      email: victimEmail,
    }),
    maxRedirects: 0,
  });
}

for (const [route, endpoint] of Object.entries(ENDPOINTS)) {
  test.describe(`API ${route}`, () => {
    for (const attack of API_ATTACKS) {
      test(`refuses: ${attack.name}`, async ({ request }) => {
        const before = await database().contact.findUniqueOrThrow({
          where: { id: world.victim.contactId },
        });
        const response = await sendApi(
          request,
          endpoint,
          await attack.setup(),
          before.email,
        );
        const body = await response.text();

        const after = await database().contact.findUnique({
          where: { id: world.victim.contactId },
        });
        const untouched = JSON.stringify(after) === JSON.stringify(before);
        const leaked =
          body.includes(world.victim.contactId) ||
          (!endpoint.sendsVictimEmail && body.includes(before.email));
        const refused =
          attack.expected.includes(response.status()) && untouched && !leaked;
        count("API routes", response.status(), refused);

        expect(response.status(), body.slice(0, 300)).toBeLessThan(500);
        expect(attack.expected).toContain(response.status());
        expect(untouched).toBe(true);
        expect(leaked).toBe(false);
        expect(response.headers()["cache-control"]).toBe("no-store");
        if (response.status() === 401) {
          expect(response.headers()["www-authenticate"]).toContain("Basic");
        }
      });
    }
  });
}

// --- pages ---------------------------------------------------------------

const PAGES: Record<string, string> = {
  "app/(app)/page.tsx": "/",
  "app/(app)/email-contacts/page.tsx": "/email-contacts",
  "app/(app)/email-contacts/import/contact-api/page.tsx":
    "/email-contacts/import/contact-api",
  "app/(app)/email-contacts/import/contact-api/api-keys/page.tsx":
    API_KEYS_PAGE,
  "app/(app)/email-contacts/import/contact-api/reference/page.tsx":
    "/email-contacts/import/contact-api/reference",
  "app/(app)/email-contacts/fields/page.tsx": "/email-contacts/fields",
};

/** Pages with a segment of their own: the victim's contact goes in it. */
const PAGES_WITH_CONTACT: Record<string, (contactId: string) => string> = {
  "app/(app)/email-contacts/[id]/page.tsx": (id) => `/email-contacts/${id}`,
};

type PageAttack = {
  name: string;
  cookie: () => Promise<string | null>;
  headers?: Record<string, string>;
  expect: "sign-in" | "refused";
  /** A member of the victim organization may see its name, nothing more. */
  sameOrganization?: boolean;
};
const PAGE_ATTACKS: PageAttack[] = [
  { name: "no session", cookie: async () => null, expect: "sign-in" },
  {
    name: "expired session",
    cookie: () =>
      craftSessionCookie(world.userIds.victimParent!, { maxAgeSeconds: -60 }),
    expect: "sign-in",
  },
  {
    name: "forged session",
    cookie: () =>
      craftSessionCookie(world.userIds.victimParent!, {
        secret: "not-the-server-secret-at-all-0000",
      }),
    expect: "sign-in",
  },
  {
    name: "middleware-skipping headers",
    cookie: async () => null,
    headers: SKIP_MIDDLEWARE_HEADERS,
    expect: "sign-in",
  },
  {
    name: "Manager",
    cookie: async () => world.cookies.victimManager!,
    expect: "refused",
    sameOrganization: true,
  },
  {
    name: "Base User",
    cookie: async () => world.cookies.victimBaseUser!,
    expect: "refused",
    sameOrganization: true,
  },
  {
    name: "Parent Admin of another organization with the victim's id in the URL",
    cookie: async () => world.cookies.strangerParent!,
    expect: "refused",
  },
];

const PAGE_TARGETS: [string, () => string][] = [
  ...Object.values(PAGES).map((page): [string, () => string] => [
    page,
    () => page,
  ]),
  ...Object.entries(PAGES_WITH_CONTACT).map(
    ([file, pathOf]): [string, () => string] => [
      file,
      () => pathOf(world.victim.contactId),
    ],
  ),
];

for (const [label, pathOf] of PAGE_TARGETS) {
  test.describe(`page ${label}`, () => {
    for (const attack of PAGE_ATTACKS) {
      test(`refuses: ${attack.name}`, async ({ request }) => {
        const pagePath = pathOf();
        const cookie = await attack.cookie();
        const response = await request.get(
          `${world.baseURL}${pagePath}?organizationId=${world.victim.id}`,
          {
            headers: {
              ...(cookie
                ? { Cookie: `next-auth.session-token=${cookie}` }
                : {}),
              ...attack.headers,
            },
            maxRedirects: 0,
          },
        );
        const body = await response.text();
        const status = response.status();
        // Nothing of the victim organization in the answer, whatever it is;
        // its own members may see its name in the header, nothing more.
        const victimContact = await database().contact.findUniqueOrThrow({
          where: { id: world.victim.contactId },
        });
        const markers = [world.victim.key.authId, victimContact.email];
        if (!attack.sameOrganization) markers.push(world.victim.name);
        const found = markers.filter((marker) => body.includes(marker));
        const leaked = found.length > 0;
        const refused =
          !leaked &&
          (attack.expect === "sign-in"
            ? [303, 307, 308].includes(status) &&
              (response.headers()["location"] ?? "").includes("/sign-in")
            : [200, 303, 307, 403, 404].includes(status));
        count("pages", status, refused);
        expect(status).toBeLessThan(500);
        expect(found).toEqual([]);
        expect(
          refused,
          `${status} ${response.headers()["location"] ?? ""}`,
        ).toBe(true);
      });
    }
  });
}

// --- the table covers every route ----------------------------------------

function filesUnder(dir: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, name));
    else if (name.test(entry.name)) found.push(full);
  }
  return found;
}

test("every API route, server action and page is in the attack table", () => {
  const methods =
    /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(?:,|\})/g;
  // An export bound to methodNotAllowed answers 405 to everyone: not a route.
  const refusedOnly =
    /export\s+const\s+(\w+)\s*=\s*(?:notAllowed|methodNotAllowed\()/g;
  const routes = filesUnder("app/api/v1", /^route\.(ts|tsx)$/).flatMap(
    (file) => {
      const source = readFileSync(file, "utf8");
      const only405 = new Set(
        [...source.matchAll(refusedOnly)].map((m) => m[1]),
      );
      return [...source.matchAll(methods)]
        .map((m) => m[1] ?? m[2])
        .filter((method) => !only405.has(method))
        .map((method) => `${file}#${method}`);
    },
  );
  const actions = filesUnder("app", /\.(ts|tsx)$/)
    .filter((file) =>
      /^\s*["']use server["']/m.test(readFileSync(file, "utf8")),
    )
    .flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(
          /export\s+(?:async\s+)?function\s+(\w+)/g,
        ),
      ].map((m) => `${file}#${m[1]}`),
    );
  const pages = filesUnder("app/(app)", /^page\.tsx$/);

  expect(routes.length).toBeGreaterThan(0);
  const listed = (action: string) =>
    action in ACTIONS || action in FIELD_ACTIONS;
  expect(
    routes.filter(
      (route) => !(route in ENDPOINTS) && !PUBLIC_ROUTES.has(route),
    ),
  ).toEqual([]);
  expect(actions.filter((action) => !listed(action))).toEqual([]);
  expect([...buildActionIds().keys()].filter((a) => !listed(a))).toEqual([]);
  expect(
    pages.filter((page) => !(page in PAGES) && !(page in PAGES_WITH_CONTACT)),
  ).toEqual([]);
});
