/**
 * The assignments of a period with what adherence is computed from: the playbook's first channel and steps, the
 * group (rep or the lead's source) and the lead's sales touches from the handoff until the next handoff. Read-only.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { FOLLOW_UP_END_STAGES, type PlaybookStep, type TouchFacts } from "../../../shared/domain/playbooks.js";

// Sales touches per assignment; a lead is followed up a few dozen times at most.
const TOUCH_LIMIT = 200;

export type AdherenceFactsRow = {
  groupKey: string;
  groupLabel: string;
  assignedAt: number;
  firstChannel: string;
  steps: PlaybookStep[];
  touches: TouchFacts[];
  /** When the assignment stopped counting: the lead left the sales side or was handed over again. */
  endedAt: number | null;
};

type Raw = { group_key: string | null; group_label: string | null; assigned_at: number; first_channel: string; steps: PlaybookStep[]; touches: [number, string, string | null][]; ended_at: number | null };

/** Assignments made in [from, to) with their playbook and the sales touches that followed, grouped by rep or source. */
export async function readAdherenceFacts(tx: Queryable, workspaceId: string, range: { from: Date; to: Date }, groupBy: "rep" | "source"): Promise<AdherenceFactsRow[]> {
  const group = groupBy === "rep"
    ? sql`pa.rep_id::text, (select u.name from users u where u.id = pa.rep_id)`
    : sql`c.source, c.source`;
  const { rows } = await tx.execute<Raw>(sql`
    select g.group_key, g.group_label, (extract(epoch from pa.assigned_at) * 1000)::float8 as assigned_at, p.first_channel, p.steps,
      coalesce((
        select json_agg(json_build_array((extract(epoch from t.occurred_at) * 1000)::float8, t.type, t.channel) order by t.occurred_at, t.id)
        from (
          select t.occurred_at, t.id, t.type, t.channel from touchpoints t
          where t.workspace_id = pa.workspace_id and t.contact_id = pa.contact_id and t.category = 'sales' and t.occurred_at >= pa.assigned_at
            and t.occurred_at < coalesce(nx.at, 'infinity')
          order by t.occurred_at, t.id limit ${TOUCH_LIMIT}
        ) t
      ), '[]'::json) as touches,
      (extract(epoch from least(nx.at, (
        select min(x.at) from stage_transitions x
        where x.workspace_id = pa.workspace_id and x.contact_id = pa.contact_id and x.at > pa.assigned_at and x.to_stage in (${sql.join(FOLLOW_UP_END_STAGES.map((s) => sql`${s}`), sql`, `)})
      ))) * 1000)::float8 as ended_at
    from playbook_assignments pa
    join playbooks p on p.workspace_id = pa.workspace_id and p.id = pa.playbook_id
    join contacts c on c.workspace_id = pa.workspace_id and c.id = pa.contact_id
    cross join lateral (select ${group}) as g(group_key, group_label)
    cross join lateral (
      select min(n.assigned_at) as at from playbook_assignments n
      where n.workspace_id = pa.workspace_id and n.contact_id = pa.contact_id and (n.assigned_at, n.id) > (pa.assigned_at, pa.id)
    ) nx
    where pa.workspace_id = ${workspaceId} and pa.assigned_at >= ${range.from} and pa.assigned_at < ${range.to}
  `);
  return rows.map((r) => ({
    groupKey: r.group_key ?? "",
    groupLabel: r.group_label ?? (groupBy === "rep" ? "Former member" : "No source"),
    assignedAt: Number(r.assigned_at),
    firstChannel: r.first_channel,
    steps: r.steps,
    touches: r.touches.map(([at, type, channel]) => ({ at: Number(at), type, channel })),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
  }));
}
