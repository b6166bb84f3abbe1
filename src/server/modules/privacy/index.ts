import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createSuppressionsRepository } from "./suppressions.repository.js";

/** Privacy: GDPR export and erasure of a contact, and the suppression list that keeps erased people out. */
export function createPrivacyModule({ db, clock }: { db: Database; clock: Clock }) {
  const suppressions = createSuppressionsRepository();
  void db;
  void clock;
  return { suppressions };
}

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;
export { emailHash } from "./suppressions.repository.js";
