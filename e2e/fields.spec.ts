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

test("a Parent Admin makes an employee number the Unique Contact ID", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await database().customField.create({
    data: {
      organizationId: organization.id,
      label: "Employee Number",
      apiName: "employeeNumber",
      type: "NUMBER",
    },
  });
  await signIn(page, organization.parentAdmin);
  await page.goto("/email-contacts/fields");
  const section = page.getByRole("region", { name: "Unique Contact ID" });

  // The seeded contacts have no employee number yet: refused, nothing moves.
  await section
    .getByLabel("Unique Contact ID")
    .selectOption({ label: "Employee Number" });
  await section.getByRole("button", { name: "Save Unique Contact ID" }).click();
  await expect(section.getByRole("alert")).toContainText("no value");

  const contacts = await database().contact.findMany({
    where: { organizationId: organization.id },
  });
  for (const [i, contact] of contacts.entries()) {
    await database().contact.update({
      where: { id: contact.id },
      data: { customFields: { employeeNumber: 5000 + i } },
    });
  }
  await section.getByRole("button", { name: "Save Unique Contact ID" }).click();
  await expect(section.getByRole("status")).toContainText("employeeNumber");
  await expectNoAxeViolations(page);

  const stored = await database().organization.findUniqueOrThrow({
    where: { id: organization.id },
  });
  expect(stored.uniqueContactIdField).toBe("employeeNumber");
});

test("an Admin sees the Unique Contact ID but cannot change it", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.admin);
  await page.goto("/email-contacts/fields");

  const section = page.getByRole("region", { name: "Unique Contact ID" });
  await expect(section).toContainText(
    "Only the Parent Admin can change the Unique Contact ID.",
  );
  await expect(section.getByRole("button")).toHaveCount(0);
});
