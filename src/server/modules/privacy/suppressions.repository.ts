import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { suppressions } from "../../db/schema/index.js";
import { anyOf } from "../../db/arrays.js";

/** The stored form of an erased e-mail: SHA-256 of the workspace id and the lower-cased address, never the address. */
export function emailHash(workspaceId: string, email: string): string {
  return createHash("sha256").update(`${workspaceId}:${email.trim().toLowerCase()}`).digest("hex");
}

/** Hashed e-mails of erased people, so ingest and web capture do not recreate them. */
export function createSuppressionsRepository() {
  return {
    /** Which of `emails` are suppressed in the workspace. */
    async suppressedIn(tx: Queryable, workspaceId: string, emails: string[]): Promise<Set<string>> {
      if (emails.length === 0) return new Set();
      const byHash = new Map(emails.map((e) => [emailHash(workspaceId, e), e]));
      const rows = await tx
        .select({ h: suppressions.emailHash })
        .from(suppressions)
        .where(and(eq(suppressions.workspaceId, workspaceId), anyOf(suppressions.emailHash, [...byHash.keys()], "text")));
      return new Set(rows.map((r) => byHash.get(r.h)!));
    },

    /** Adds an e-mail to the workspace's suppression list (idempotent). */
    async suppress(tx: Queryable, workspaceId: string, email: string, at: Date): Promise<void> {
      await tx.insert(suppressions).values({ workspaceId, emailHash: emailHash(workspaceId, email), createdAt: at }).onConflictDoNothing();
    },
  };
}

export type SuppressionsRepository = ReturnType<typeof createSuppressionsRepository>;
