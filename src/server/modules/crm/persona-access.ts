import { and, asc, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, contacts } from "../../db/schema/index.js";
import { anyOf } from "../../db/arrays.js";
import type { PersonaSubject } from "../../../shared/domain/personas.js";

export type PersonaCandidate = PersonaSubject & { id: string; persona: string | null };

const notManual = or(isNull(contacts.personaSource), ne(contacts.personaSource, "manual"));
const subjectColumns = {
  id: contacts.id,
  persona: contacts.persona,
  title: contacts.title,
  seniority: contacts.seniority,
  department: contacts.department,
  industry: accounts.industry,
  employees: accounts.employees,
};

/** What persona matching (enablement) may read and write of contacts, without touching the crm tables itself. */
export function createPersonaAccess() {
  return {
    /** Contacts whose persona matching decides (not set by hand) among `ids`, or after `afterId` in id order. */
    async candidates(tx: Queryable, workspaceId: string, by: { ids: string[] } | { afterId: string | null; limit: number }): Promise<PersonaCandidate[]> {
      const base = tx
        .select(subjectColumns)
        .from(contacts)
        .leftJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)));
      if ("ids" in by) {
        if (by.ids.length === 0) return [];
        return base.where(and(eq(contacts.workspaceId, workspaceId), anyOf(contacts.id, by.ids, "uuid"), notManual));
      }
      const after = by.afterId ? gt(contacts.id, by.afterId) : undefined;
      return base.where(and(eq(contacts.workspaceId, workspaceId), notManual, after)).orderBy(asc(contacts.id)).limit(by.limit);
    },

    /** Contacts per persona value and who set it. */
    personaCounts(tx: Queryable, workspaceId: string): Promise<{ persona: string; source: string | null; n: number }[]> {
      return tx
        .select({ persona: sql<string>`${contacts.persona}`, source: contacts.personaSource, n: sql<number>`count(*)::int` })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), sql`nullif(trim(${contacts.persona}), '') is not null`))
        .groupBy(contacts.persona, contacts.personaSource);
    },

    /** How many contacts matching decides (the re-apply job's total). */
    async countCandidates(tx: Queryable, workspaceId: string): Promise<number> {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), notManual));
      return row?.n ?? 0;
    },

    /** The ids of an account's contacts (an account's industry or size changed). */
    async accountContactIds(tx: Queryable, workspaceId: string, accountId: string): Promise<string[]> {
      const rows = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)));
      return rows.map((r) => r.id);
    },

    /** A contact's persona value (null: none), or null when the contact is not in the workspace. */
    async personaOf(tx: Queryable, workspaceId: string, contactId: string): Promise<{ persona: string | null } | null> {
      const [row] = await tx.select({ persona: contacts.persona }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
      return row ?? null;
    },

    /** Writes matched personas (null: none matches) of contacts not set by hand. */
    async setMatched(tx: Queryable, workspaceId: string, changes: { id: string; persona: string | null }[]): Promise<void> {
      if (changes.length === 0) return;
      await tx.execute(sql`
        update contacts c set persona = x.persona, persona_source = case when x.persona is null then null else 'matched' end
        from unnest(${sql`array[${sql.join(changes.map((c) => sql`${c.id}`), sql`, `)}]::uuid[]`}, ${sql`array[${sql.join(changes.map((c) => sql`${c.persona}`), sql`, `)}]::text[]`}) as x(id, persona)
        where c.workspace_id = ${workspaceId} and c.id = x.id and (c.persona_source is null or c.persona_source <> 'manual')`);
    },
  };
}

export type PersonaAccess = ReturnType<typeof createPersonaAccess>;
