import { expect, test } from "@playwright/test";

import { seedOrganization } from "./support/database";
import {
  extraPort,
  previewEnvironment,
  skipWithoutLocalBuild,
  startExpectingFailure,
  startServer,
} from "./support/server";

// `next start` of the production build checks its configuration before it
// serves (instrumentation.ts), and behind a TLS-terminating proxy it takes
// its public URL, and so the Secure cookies, from the proxy's headers.

skipWithoutLocalBuild();

const SECRET = "x".repeat(40);

test("next start stops at once, naming a missing or malformed variable", async () => {
  const missingSecret = await startExpectingFailure(extraPort(4), {
    NEXTAUTH_SECRET: "",
  });
  expect(missingSecret.code).toBe(1);
  expect(missingSecret.output).toContain(
    "NEXTAUTH_SECRET is required in production",
  );

  const badUrl = await startExpectingFailure(extraPort(5), {
    NEXTAUTH_SECRET: SECRET,
    DATABASE_URL: "mysql://somewhere/else",
    LOG_LEVEL: "loud",
  });
  expect(badUrl.code).toBe(1);
  expect(badUrl.output).toContain("DATABASE_URL must be a postgresql://");
  expect(badUrl.output).toContain("LOG_LEVEL must be one of");
});

test("behind a TLS proxy, sign-in sets Secure cookies for the preview's own URL", async ({
  request,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const server = await startServer(extraPort(3), previewEnvironment());

  try {
    const proxied = {
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "employee-email-pr-5.preview.example.com",
    };
    const csrf = await request.get(`${server.baseUrl}/api/auth/csrf`, {
      headers: proxied,
    });
    const { csrfToken } = await csrf.json();
    const csrfCookie = csrf
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value.split(";")[0])
      .join("; ");

    const response = await request.post(
      `${server.baseUrl}/api/auth/callback/credentials`,
      {
        headers: { ...proxied, Cookie: csrfCookie },
        form: {
          csrfToken,
          email: organization.parentAdmin.email,
          password: organization.parentAdmin.password,
          callbackUrl: "/email-contacts",
          json: "true",
        },
      },
    );

    const { url } = await response.json();
    expect(url).toBe(
      "https://employee-email-pr-5.preview.example.com/email-contacts",
    );
    const session = response
      .headersArray()
      .find((header) => header.value.includes("session-token="));
    expect(session?.value).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(session?.value).toMatch(/;\s*Secure/i);
  } finally {
    await server.stop();
  }
});
