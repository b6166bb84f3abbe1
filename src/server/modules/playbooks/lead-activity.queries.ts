/**
 * Read-only queries for what playbooks measure against: a lead's profile and touches, and the workspace's zone.
 * Like src/server/reports, they read other modules' tables and write none (crm offers no access for this yet).
 */
import { and, asc, desc, eq, gt, gte, inArray, lte, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { contacts, stageTransitions, touchpoints, workspaces } from "../../db/schema/index.js";
import { FOLLOW_UP_END_STAGES, type TouchFacts } from "../../../shared/domain/playbooks.js";

// A lead is followed up a few dozen times at most; the cap only bounds a pathological contact.
const SALES_TOUCH_LIMIT = 500;

const touchFacts = { at: sql<number>`(extract(epoch from ${touchpoints.occurredAt}) * 1000)::float8`, type: touchpoints.type, channel: touchpoints.channel };

/** Read-only access to contacts, touchpoints and the workspace's time zone. */
export function createLeadActivityQueries() {
  return {
    /** The workspace's time zone (the default calendar's zone). */
    async workspaceZone(tx: Queryable, workspaceId: string): Promise<string> {
      const [row] = await tx.select({ tz: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId));
      return row?.tz ?? "UTC";
    },

    /** What a playbook is matched on, or null when the contact does not exist in the workspace. */
    async leadProfile(tx: Queryable, workspaceId: string, contactId: string) {
      const [row] = await tx
        .select({ source: contacts.source, channel: contacts.channel, persona: contacts.persona })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
      return row ?? null;
    },

    /** The lead's latest marketing touch at or before `at`: the one that converted it. */
    async convertingTouch(tx: Queryable, workspaceId: string, contactId: string, at: Date): Promise<TouchFacts | null> {
      const [row] = await tx
        .select(touchFacts)
        .from(touchpoints)
        .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.contactId, contactId), eq(touchpoints.category, "marketing"), lte(touchpoints.occurredAt, at)))
        .orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id))
        .limit(1);
      return row ?? null;
    },

    /** When the lead first left the sales side (rejected, recycled, disqualified) after `since`, if it did. */
    async endedAfter(tx: Queryable, workspaceId: string, contactId: string, since: Date): Promise<Date | null> {
      const [row] = await tx
        .select({ at: sql<Date | null>`min(${stageTransitions.at})` })
        .from(stageTransitions)
        .where(and(eq(stageTransitions.workspaceId, workspaceId), eq(stageTransitions.contactId, contactId), gt(stageTransitions.at, since), inArray(stageTransitions.toStage, [...FOLLOW_UP_END_STAGES])));
      return row?.at ? new Date(row.at) : null;
    },

    /** The lead's sales touches from `since` on, oldest first. */
    salesTouchesSince(tx: Queryable, workspaceId: string, contactId: string, since: Date): Promise<TouchFacts[]> {
      return tx
        .select(touchFacts)
        .from(touchpoints)
        .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.contactId, contactId), eq(touchpoints.category, "sales"), gte(touchpoints.occurredAt, since)))
        .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id))
        .limit(SALES_TOUCH_LIMIT);
    },
  };
}

export type LeadActivityQueries = ReturnType<typeof createLeadActivityQueries>;
