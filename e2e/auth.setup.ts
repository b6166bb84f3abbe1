import { test as setup } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_STATE, signIn } from "./support";

setup("sign in as the demo admin", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await page.context().storageState({ path: ADMIN_STATE });
});
