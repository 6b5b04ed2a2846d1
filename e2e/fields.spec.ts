import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";
import { database, seedOrganization } from "./support/database";
import { signIn } from "./support/session";

test("a Parent Admin defines a field and sees its API name as they type", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.parentAdmin);

  await page.goto("/email-contacts");
  await page.getByRole("link", { name: "Fields" }).click();
  await expect(
    page.getByRole("heading", { name: "Fields", level: 1 }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Label").fill("Start Date");
  await expect(page.getByLabel("API name")).toHaveText("startDate");
  await page.getByLabel("Type").selectOption({ label: "Date" });
  await page.getByRole("button", { name: "Add field" }).click();

  const table = page.getByRole("table", { name: "Custom fields" });
  await expect(table.getByRole("row", { name: /Start Date/ })).toContainText(
    "startDate",
  );
  await expect(table.getByRole("row", { name: /Start Date/ })).toContainText(
    "Date",
  );

  await page.getByLabel("Label").fill("start-date");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "already exists" }),
  ).toBeVisible();

  const events = await database().auditEvent.findMany({
    where: { organizationId: organization.id, action: "custom_field.created" },
  });
  expect(events).toHaveLength(1);
});

test("a Manager cannot open the Fields screen", async ({ page }) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.manager);

  await page.goto("/email-contacts/fields");
  await expect(page.getByRole("heading", { name: "Fields" })).toHaveCount(0);
});
