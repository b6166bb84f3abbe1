import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, contacts } from "../../db/schema/index.js";
import type { FitSubject } from "../../../shared/domain/scoring.js";
import type { ContactRow } from "./contacts.repository.js";
import { anyOf } from "../../db/arrays.js";


/** The values fit rules read, from a contact and its account. */
export function fitSubjectOf(c: ContactRow, a: typeof accounts.$inferSelect | null): FitSubject {
  const domain = c.email?.split("@")[1] ?? null;
  return {
    "contact.seniority": c.seniority,
    "contact.title": c.title,
    "contact.department": c.department,
    "contact.country": c.country,
    "contact.persona": c.persona,
    "contact.source": c.source,
    "contact.channel": c.channel,
    "contact.email_domain": domain,
    "account.industry": a?.industry ?? null,
    "account.employees": a?.employees ?? null,
    "account.annual_revenue": a?.annualRevenue ?? null,
    "account.country": a?.country ?? null,
    "account.region": a?.region ?? null,
    "account.segment": a?.segment ?? null,
    "account.customer_status": a?.customerStatus ?? null,
  };
}

/** What the scoring module may read and write of contacts, without touching the crm tables itself. */
export function createScoringAccess() {
  return {
    /** A contact (locked for update) with its fit subject. */
    async loadForScoring(tx: Queryable, workspaceId: string, contactId: string) {
      const [row] = await tx
        .select({ contact: contacts, account: accounts })
        .from(contacts)
        .leftJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
        .for("no key update", { of: contacts });
      return row ? { contact: row.contact, subject: fitSubjectOf(row.contact, row.account) } : null;
    },

    /**
     * Several contacts (locked for update, in id order so two batches over the same people cannot deadlock) with
     * their fit subjects, in one statement.
     */
    async loadManyForScoring(tx: Queryable, workspaceId: string, contactIds: string[]) {
      const out = new Map<string, { contact: ContactRow; subject: FitSubject }>();
      if (contactIds.length === 0) return out;
      const rows = await tx
        .select({ contact: contacts, account: accounts })
        .from(contacts)
        .leftJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
        .where(and(eq(contacts.workspaceId, workspaceId), anyOf(contacts.id, contactIds, "uuid")))
        .orderBy(asc(contacts.id))
        .for("no key update", { of: contacts });
      for (const r of rows) out.set(r.contact.id, { contact: r.contact, subject: fitSubjectOf(r.contact, r.account) });
      return out;
    },

    /** The contacts of an account (a change to the account changes their fit). */
    async contactIdsOfAccount(tx: Queryable, workspaceId: string, accountId: string): Promise<string[]> {
      const rows = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)));
      return rows.map((r) => r.id);
    },
  };
}

export type ScoringAccess = ReturnType<typeof createScoringAccess>;
