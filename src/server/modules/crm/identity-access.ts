import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { accounts, contacts, stageTransitions } from "../../db/schema/index.js";
import { newId } from "../../platform/ids.js";
import type { CrmHooks } from "./index.js";
import { anyOf } from "../../db/arrays.js";

/** Someone an ingested event or a form submission names by e-mail (lower-cased by the contract). */
export type PersonInput = { email: string; firstName?: string | null; lastName?: string | null; source?: string | null; channel?: string | null };
export type ResolvedContact = { id: string; accountId: string | null; created: boolean };
export type Utm = Record<string, string>;

// Free-mail domains never name a company: a gmail address must not join the "gmail.com" account.
const FREE_MAIL = new Set(["gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com"]);

/** The company domain of an e-mail, or null for free-mail. */
export function companyDomainOf(email: string): string | null {
  const domain = email.split("@")[1]?.toLowerCase() ?? null;
  return domain && !FREE_MAIL.has(domain) ? domain : null;
}

/** Identity resolution for ingest and web capture: e-mail → contact (created when new), e-mail domain → account. */
export function createIdentityAccess(hooks: Pick<CrmHooks, "contactsChanged">) {
  return {
    /** Which of `ids` are contacts of the workspace, with their account. */
    async existingContacts(tx: Tx, workspaceId: string, ids: string[]): Promise<Map<string, { accountId: string | null }>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select({ id: contacts.id, accountId: contacts.accountId })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), anyOf(contacts.id, ids, "uuid")));
      return new Map(rows.map((r) => [r.id, { accountId: r.accountId }]));
    },

    /**
     * The contact of each e-mail: existing ones as they are, new ones created as leads (account by the e-mail's
     * domain, a first transition, fit computed by the contactsChanged hooks, once for all of them). Set-based: three statements for any
     * number of people; a concurrent insert of the same e-mail is taken as existing.
     */
    async resolveByEmail(tx: Tx, workspaceId: string, people: PersonInput[], at: Date): Promise<Map<string, ResolvedContact>> {
      const byEmail = new Map<string, PersonInput>();
      for (const p of people) if (!byEmail.has(p.email)) byEmail.set(p.email, p);
      const out = new Map<string, ResolvedContact>();
      if (byEmail.size === 0) return out;
      const emails = [...byEmail.keys()];
      const found = await tx
        .select({ id: contacts.id, email: contacts.email, accountId: contacts.accountId })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), anyOf(contacts.email, emails, "text")));
      for (const f of found) out.set(f.email!, { id: f.id, accountId: f.accountId, created: false });
      const missing = emails.filter((e) => !out.has(e));
      if (missing.length === 0) return out;
      const domains = [...new Set(missing.map(companyDomainOf).filter((d): d is string => d !== null))];
      const accountOf = new Map<string, string>();
      if (domains.length) {
        const rows = await tx
          .select({ id: accounts.id, domain: accounts.domain })
          .from(accounts)
          .where(and(eq(accounts.workspaceId, workspaceId), anyOf(accounts.domain, domains, "text")));
        for (const r of rows) accountOf.set(r.domain!, r.id);
      }
      const values = missing.map((email) => {
        const p = byEmail.get(email)!;
        const domain = companyDomainOf(email);
        return {
          workspaceId,
          id: newId(),
          email,
          firstName: p.firstName ?? null,
          lastName: p.lastName ?? null,
          source: p.source ?? null,
          channel: p.channel ?? null,
          accountId: domain ? (accountOf.get(domain) ?? null) : null,
          stage: "lead" as const,
          stageEnteredAt: at,
          leadAt: at,
          createdAt: at,
          updatedAt: at,
        };
      });
      const inserted = await tx
        .insert(contacts)
        .values(values)
        .onConflictDoNothing({ target: [contacts.workspaceId, contacts.email] })
        .returning({ id: contacts.id, email: contacts.email, accountId: contacts.accountId });
      for (const r of inserted) out.set(r.email!, { id: r.id, accountId: r.accountId, created: true });
      const raced = missing.filter((e) => !out.has(e));
      if (raced.length) {
        const rows = await tx
          .select({ id: contacts.id, email: contacts.email, accountId: contacts.accountId })
          .from(contacts)
          .where(and(eq(contacts.workspaceId, workspaceId), anyOf(contacts.email, raced, "text")));
        for (const r of rows) out.set(r.email!, { id: r.id, accountId: r.accountId, created: false });
      }
      if (inserted.length) {
        await tx.insert(stageTransitions).values(inserted.map((r) => ({ workspaceId, id: newId(), contactId: r.id, fromStage: null, toStage: "lead" as const, at, actorUserId: null, actorKind: "automation" })));
        for (const hook of hooks.contactsChanged) await hook(tx, workspaceId, inserted.map((r) => r.id));
      }
      return out;
    },

    /**
     * A form submission's details on its contact: names when still empty, first touch once, last touch always. The
     * first touch is `utmFirst` when the caller remembered one (the tracking snippet does), else the submission's.
     */
    async applyFormSubmission(tx: Tx, workspaceId: string, contactId: string, input: { firstName?: string | null; lastName?: string | null; utm?: Utm | null; utmFirst?: Utm | null }, at: Date): Promise<void> {
      const utm = input.utm && Object.keys(input.utm).length ? JSON.stringify(input.utm) : null;
      const first = input.utmFirst && Object.keys(input.utmFirst).length ? JSON.stringify(input.utmFirst) : utm;
      await tx
        .update(contacts)
        .set({
          firstName: sql`coalesce(${contacts.firstName}, ${input.firstName ?? null})`,
          lastName: sql`coalesce(${contacts.lastName}, ${input.lastName ?? null})`,
          utmFirst: first ? sql`coalesce(${contacts.utmFirst}, ${first}::jsonb)` : sql`${contacts.utmFirst}`,
          utmLast: utm ? sql`${utm}::jsonb` : sql`${contacts.utmLast}`,
          updatedAt: at,
        })
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
    },
  };
}

export type IdentityAccess = ReturnType<typeof createIdentityAccess>;
