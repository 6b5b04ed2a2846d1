import { expect, test, type Page } from "@playwright/test";

import { database, seedOrganization } from "./support/database";

// The whole Parent Admin journey with the keyboard alone: page.keyboard only,
// no click. Focus is always visible, dialogs trap it and give it back, and
// "Copied" and the outcome of each change are announced.

test.use({ permissions: ["clipboard-read", "clipboard-write"] });
test.setTimeout(90_000);

const MAX_TABS = 40;

type Focused = { name: string; visible: boolean; inDialog: boolean };

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body)
      return { name: "", visible: false, inDialog: false };

    const label =
      element.getAttribute("aria-label") ||
      (element.id &&
        document.querySelector(`label[for="${element.id}"]`)?.textContent) ||
      element.textContent ||
      "";
    const style = getComputedStyle(element);
    return {
      name: label.trim(),
      visible:
        element.matches(":focus-visible") &&
        style.outlineStyle !== "none" &&
        parseFloat(style.outlineWidth) > 0,
      inDialog: Boolean(element.closest('[role="alertdialog"]')),
    };
  });
}

/** Presses Tab until the named control has focus, and checks it shows. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now.name === name) {
      expect(now.visible, `focus ring on ${name}`).toBe(true);
      return;
    }
  }
  throw new Error(
    `Tab never reached "${name}" (at "${(await focused(page)).name}")`,
  );
}

async function expectFocusOn(page: Page, name: string): Promise<void> {
  await expect.poll(async () => (await focused(page)).name).toBe(name);
}

/** Opens the key actions menu and picks an item with the arrow keys. */
async function chooseFromActionsMenu(page: Page, item: string) {
  await tabTo(page, "API key actions");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  for (let presses = 0; presses < 3; presses++) {
    if ((await focused(page)).name === item) break;
    await page.keyboard.press("ArrowDown");
  }
  await expectFocusOn(page, item);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog")).toBeVisible();
}

test("a Parent Admin does the whole journey with the keyboard alone", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const account = organization.parentAdmin;

  await page.goto("/sign-in");
  await tabTo(page, "Email");
  await page.keyboard.type(account.email);
  await tabTo(page, "Password");
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await tabTo(page, "Email Contacts");
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: "Email Contacts" }),
  ).toBeVisible();

  await tabTo(page, "Import");
  await page.keyboard.press("Enter");
  await expectFocusOn(page, "Contact API");
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: "Contact API" }),
  ).toBeVisible();

  await tabTo(page, "API Keys");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "API Keys" })).toBeVisible();

  await tabTo(page, "Generate API Key");
  await page.keyboard.press("Enter");
  await tabTo(page, "Copy Auth ID");
  await page.keyboard.press("Enter");
  const announcement = page.getByRole("status").filter({ hasText: "Copied" });
  await expect(announcement).toHaveCount(1);
  const authId = await page.evaluate(() => navigator.clipboard.readText());
  expect(authId).toMatch(/^eeid_/);
  await tabTo(page, "Copy Access Key");
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "Copied" }),
  ).toHaveCount(2);
  await tabTo(page, "I have stored the key");
  await page.keyboard.press("Enter");

  // A dialog keeps focus inside it, and Escape hands it back to the menu button.
  await chooseFromActionsMenu(page, "Replace API Key");
  for (let presses = 0; presses < 6; presses++) {
    await page.keyboard.press("Tab");
    expect((await focused(page)).inDialog).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expectFocusOn(page, "API key actions");

  await chooseFromActionsMenu(page, "Replace API Key");
  await tabTo(page, "Replace API Key");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toBeVisible();
  await tabTo(page, "I have stored the key");
  await page.keyboard.press("Enter");

  await chooseFromActionsMenu(page, "Delete API Key");
  await tabTo(page, "Delete API Key");
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "deleted" }),
  ).toBeVisible();
  expect(
    await database().apiKey.count({
      where: { organizationId: organization.id },
    }),
  ).toBe(0);
});

test("an error is announced to screen readers", async ({ page }) => {
  await page.goto("/sign-in");
  await tabTo(page, "Email");
  await page.keyboard.type("nobody@e2e.test");
  await tabTo(page, "Password");
  await page.keyboard.type("wrong-password");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Incorrect email or password.",
  );
});
