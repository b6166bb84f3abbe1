import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { insertScoreEvents, type ScoreEventRow } from "./scoring-scan.repository.js";

/** A window of a capped rule's history to read for one contact: score events in (from, to]. */
export type CapWindow = { contactId: string; ruleId: string; from: Date; to: Date };

/** The key of a (contact, rule) pair in `scoringTimes`' answer. */
export const capKey = (contactId: string, ruleId: string) => `${contactId}|${ruleId}`;

/** Data access for the points history. */
export function createScoringRepository() {
  return {
    /** Appends points history rows. */
    async insertEvents(tx: Queryable, workspaceId: string, rows: ScoreEventRow[]) {
      await insertScoreEvents(tx, workspaceId, rows);
    },

    /**
     * When capped rules scored under a version (cap counting), for several (contact, rule) windows in one
     * statement: the times (ms) in the span of each pair's windows, keyed by `capKey` (the caller filters per window).
     */
    async scoringTimes(tx: Queryable, workspaceId: string, version: number, windows: CapWindow[]): Promise<Map<string, number[]>> {
      const out = new Map<string, number[]>();
      // One span per pair, covering all its windows: each stored event is read once.
      const spans = new Map<string, CapWindow>();
      for (const w of windows) {
        const key = capKey(w.contactId, w.ruleId);
        const s = spans.get(key);
        spans.set(key, s ? { ...s, from: w.from < s.from ? w.from : s.from, to: w.to > s.to ? w.to : s.to } : w);
      }
      if (spans.size === 0) return out;
      const ws = [...spans.values()];
      const rows = await tx.execute<{ contact_id: string; rule_id: string; at: number }>(sql`
        select e.contact_id, e.rule_id, (extract(epoch from e.at) * 1000)::float8 as at
        from unnest(${sql.param(ws.map((w) => w.contactId))}::uuid[], ${sql.param(ws.map((w) => w.ruleId))}::text[],
                    ${sql.param(ws.map((w) => w.from.toISOString()))}::timestamptz[], ${sql.param(ws.map((w) => w.to.toISOString()))}::timestamptz[])
          as w(contact_id, rule_id, "from", "to")
        join score_events e on e.workspace_id = ${workspaceId} and e.contact_id = w.contact_id and e.rule_id = w.rule_id
          and e.definition_version = ${version}::int and e.at > w."from" and e.at <= w."to"`);
      for (const r of rows.rows) {
        const key = capKey(r.contact_id, r.rule_id);
        const times = out.get(key) ?? [];
        times.push(Number(r.at));
        out.set(key, times);
      }
      return out;
    },
  };
}

export type ScoringRepository = ReturnType<typeof createScoringRepository>;
