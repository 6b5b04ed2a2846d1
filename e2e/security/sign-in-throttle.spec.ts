import { expect, test, type Browser } from "@playwright/test";

import { seedOrganization } from "../support/database";
import { freshAddress } from "../support/keys";

// Sign-in is throttled per email and per address; the form's answer never
// tells which accounts exist, and the right password from a clean address
// still gets in.

const THROTTLED = "Too many failed sign-in attempts";
const WRONG = "Incorrect email or password.";

async function attempt(
  browser: Browser,
  email: string,
  password: string,
  address: string,
) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": address },
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  const outcome = await Promise.race([
    page
      .getByRole("button", { name: "Sign out" })
      .waitFor()
      .then(() => "signed in"),
    alert.waitFor().then(async () => (await alert.innerText()).trim()),
  ]);
  await context.close();
  return outcome;
}

test("a known and an unknown email are throttled alike; the owner still signs in", async ({
  browser,
}) => {
  const org = await seedOrganization({ contactApiEnabled: true });
  const known = org.parentAdmin.email;
  const unknown = `nobody-${crypto.randomUUID()}@e2e.test`;

  const answers: Record<string, string[]> = { known: [], unknown: [] };
  for (let i = 0; i < 6; i++) {
    answers.known!.push(
      await attempt(browser, known, "wrong-password", freshAddress()),
    );
    answers.unknown!.push(
      await attempt(browser, unknown, "wrong-password", freshAddress()),
    );
  }

  expect(answers.known).toEqual(answers.unknown);
  expect(answers.known!.slice(0, 5)).toEqual(Array(5).fill(WRONG));
  expect(answers.known![5]).toContain(THROTTLED);

  expect(
    await attempt(browser, known, org.parentAdmin.password, freshAddress()),
  ).toBe("signed in");
});
