import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";
import { seedOrganization } from "./support/database";
import { signIn } from "./support/session";

test("the API reference lists every endpoint with a curl example", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.admin);

  await page.goto("/email-contacts/import/contact-api");
  await page.getByRole("link", { name: "API Reference" }).click();
  await expect(
    page.getByRole("heading", { name: "API Reference" }),
  ).toBeVisible();

  const upload = page.getByRole("region", {
    name: /POST\s*\/api\/v1\/contacts\/upload/,
  });
  await expect(upload).toContainText(`curl -u "$AUTH_ID:$ACCESS_KEY"`);
  await expect(upload).toContainText('"contacts"');
  await expect(
    page.getByRole("region", { name: /GET\s*\/api\/v1\/contacts$/ }),
  ).toContainText("limit");
  await expectNoAxeViolations(page);
});
