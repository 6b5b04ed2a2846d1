import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { database, seedOrganization } from "./support/database";
import { openApiKeysPage, signIn } from "./support/session";

// Every screen and state, checked by axe with no violation allowed: WCAG 2.2
// A and AA and axe's best practices.

test.use({ permissions: ["clipboard-read", "clipboard-write"] });
// Each axe pass takes a second or two; these walk many screens.
test.setTimeout(120_000);

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags([
      "wcag2a",
      "wcag2aa",
      "wcag21a",
      "wcag21aa",
      "wcag22aa",
      "best-practice",
    ])
    .analyze();

  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

async function openKeyAction(page: Page, action: string): Promise<void> {
  await page.getByRole("button", { name: "API key actions" }).click();
  await page.getByRole("menuitem", { name: action }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
}

test("the Parent Admin's journey has no accessibility violations", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });

  await page.goto("/sign-in");
  await expectNoViolations(page, "sign-in");
  await page.getByLabel("Email").fill(organization.parentAdmin.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await expectNoViolations(page, "sign-in with an error");

  await signIn(page, organization.parentAdmin);
  await page.getByRole("link", { name: "Email Contacts" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoViolations(page, "Email Contacts");

  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoViolations(page, "Import menu");
  await page.getByRole("menuitem", { name: "Contact API" }).click();
  await expect(
    page.getByRole("heading", { name: "Contact API" }),
  ).toBeVisible();
  await expectNoViolations(page, "Contact API");

  await page.getByRole("link", { name: "API Keys" }).click();
  await expect(
    page.getByRole("button", { name: "Generate API Key" }),
  ).toBeVisible();
  await expectNoViolations(page, "API Keys without a key");

  await page.getByRole("button", { name: "Generate API Key" }).click();
  await page.getByRole("button", { name: "Copy Auth ID" }).click();
  await expect(page.getByText("Copied").first()).toBeVisible();
  await expectNoViolations(page, "API Keys, new key shown once");

  await page.reload();
  await expect(
    page.getByRole("button", { name: "API key actions" }),
  ).toBeVisible();
  await expectNoViolations(page, "API Keys with a key");

  await page.getByRole("button", { name: "API key actions" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoViolations(page, "API key actions menu");
  await page.keyboard.press("Escape");

  await openKeyAction(page, "Replace API Key");
  await expectNoViolations(page, "Replace dialog");
  await page.getByRole("button", { name: "Cancel" }).click();

  await openKeyAction(page, "Delete API Key");
  await expectNoViolations(page, "Delete dialog");
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: "Delete API Key" })
    .click();
  await expect(page.getByText("The API key was deleted.")).toBeVisible();
  await expectNoViolations(page, "API Keys after a delete");
});

test("the other roles' and states' screens have no accessibility violations", async ({
  browser,
}) => {
  // axe needs a page of a context made here, not browser.newPage().
  const newPage = async () => (await browser.newContext()).newPage();
  const enabled = await seedOrganization({ contactApiEnabled: true });
  const disabled = await seedOrganization({ contactApiEnabled: false });
  await database().apiKey.create({
    data: {
      organizationId: enabled.id,
      authId: `eeid_a11y${enabled.id.replaceAll("-", "")}`,
      accessKeyDigest: new Uint8Array(32),
      accessKeyHint: "abcd",
    },
  });

  const admin = await newPage();
  await signIn(admin, enabled.admin);
  await openApiKeysPage(admin);
  await expect(admin.getByText(/Only the Parent Admin/)).toBeVisible();
  await expectNoViolations(admin, "API Keys as an Admin");

  const featureOff = await newPage();
  await signIn(featureOff, disabled.parentAdmin);
  await openApiKeysPage(featureOff);
  await expect(
    featureOff.getByText(/Customer Success Manager/).first(),
  ).toBeVisible();
  await expectNoViolations(featureOff, "API Keys with the feature off");

  const manager = await newPage();
  await signIn(manager, enabled.manager);
  await expectNoViolations(manager, "a Manager's home");
  await manager.goto("/email-contacts");
  await expect(
    manager.getByText(/not have access|no access/i).first(),
  ).toBeVisible();
  await expectNoViolations(manager, "forbidden page");

  await manager.goto("/no-such-page");
  await expectNoViolations(manager, "not found page");
});
