import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { MqlTargetTerms, SegmentField } from "../../../shared/contracts/sla.js";

const SEGMENT_COLUMN: Record<SegmentField, SQL> = {
  region: sql`a.region`,
  country: sql`coalesce(c.country, a.country)`,
  industry: sql`a.industry`,
  source: sql`c.source`,
  channel: sql`c.channel`,
  persona: sql`c.persona`,
};

export type MqlOutcomes = { mqls: number; accepted: number; rejected: number; pending: number };

/** Marketing's side of the SLA: MQLs handed over in a period and what sales decided about them. */
export function createMarketingSlaRepository() {
  return {
    /**
     * MQLs made in [from, to) in the segment (each move into mql counts once), and the first decision sales took on
     * each: accepted (→ sal), rejected, or still pending (no move out of mql yet). DESIGN §6.5's acceptance rate.
     */
    async outcomes(tx: Queryable, workspaceId: string, from: Date, to: Date, segment: MqlTargetTerms["segment"]): Promise<MqlOutcomes> {
      const segmentFilter = segment ? sql`and lower(${SEGMENT_COLUMN[segment.field]}) = lower(${segment.value})` : sql``;
      const res = await tx.execute<MqlOutcomes>(sql`
        with handed as (
          select st.contact_id, st.at
          from stage_transitions st
          join contacts c on c.workspace_id = st.workspace_id and c.id = st.contact_id
          left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
          where st.workspace_id = ${workspaceId} and st.to_stage = 'mql' and st.at >= ${from} and st.at < ${to} ${segmentFilter}
        )
        select count(*)::int as mqls,
          count(*) filter (where o.to_stage = 'sal')::int as accepted,
          count(*) filter (where o.to_stage = 'rejected')::int as rejected,
          count(*) filter (where o.to_stage is null)::int as pending
        from handed h
        left join lateral (
          select s2.to_stage from stage_transitions s2
          where s2.workspace_id = ${workspaceId} and s2.contact_id = h.contact_id and s2.from_stage = 'mql' and s2.at >= h.at
          order by s2.at limit 1
        ) o on true`);
      return res.rows[0] ?? { mqls: 0, accepted: 0, rejected: 0, pending: 0 };
    },
  };
}

export type MarketingSlaRepository = ReturnType<typeof createMarketingSlaRepository>;
