import { expect, type Page } from "@playwright/test";

import type { SeededAccount } from "./database";

/** Signs in through the sign-in page, as an admin would. */
export async function signIn(
  page: Page,
  account: SeededAccount,
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Email Contacts > Import > Contact API > API Keys, through the menus. */
export async function openApiKeysPage(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Email Contacts" }).click();
  await expect(
    page.getByRole("heading", { name: "Email Contacts" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("menuitem", { name: "Contact API" }).click();
  await expect(
    page.getByRole("heading", { name: "Contact API" }),
  ).toBeVisible();

  await page.getByRole("link", { name: "API Keys" }).click();
  await expect(page.getByRole("heading", { name: "API Keys" })).toBeVisible();
}
