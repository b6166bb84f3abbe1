import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";

/** Everything Tandem holds about one contact, as JSON objects keyed by what they are (GDPR access request). */
export type ContactExport = {
  contact: Record<string, unknown>;
  stageTransitions: Record<string, unknown>[];
  touchpoints: Record<string, unknown>[];
  scoreEvents: Record<string, unknown>[];
  deals: Record<string, unknown>[];
  handoffs: Record<string, unknown>[];
  slaTimers: Record<string, unknown>[];
  playbookAssignments: Record<string, unknown>[];
  visitorIds: string[];
  auditEntries: Record<string, unknown>[];
};

const rows = (from: string, order: string) => sql.raw(`coalesce((select json_agg(to_jsonb(x) - 'workspace_id' order by ${order}) from (${from}) x), '[]'::json)`);

/**
 * One contact's personal data across the workspace, in one statement: the contact row (with its properties and
 * UTM touches), stage moves, touchpoints (including anonymous ones merged from its visitor ids), score events, deal
 * roles, handoffs, SLA timers, playbook assignments and the audit entries about it. Null when there is no contact.
 */
export async function contactExport(tx: Queryable, workspaceId: string, contactId: string): Promise<ContactExport | null> {
  // Both ids are UUIDs (checked here, by the route schema and by the tenant door); inlined, each sub-select reads plainly.
  if (!/^[0-9a-f-]{36}$/i.test(workspaceId) || !/^[0-9a-f-]{36}$/i.test(contactId)) return null;
  const w = `workspace_id = '${workspaceId}'::uuid`;
  const c = `'${contactId}'::uuid`;
  const res = await tx.execute<{ doc: ContactExport | null }>(sql`
    select case when ct.id is null then null else json_build_object(
      'contact', to_jsonb(ct) - 'workspace_id',
      'stageTransitions', ${rows(`select * from stage_transitions where ${w} and contact_id = ${c}`, "x.at, x.id")},
      'touchpoints', ${rows(`select * from touchpoints where ${w} and contact_id = ${c}`, "x.occurred_at, x.id")},
      'scoreEvents', ${rows(`select * from score_events where ${w} and contact_id = ${c}`, "x.at, x.id")},
      'deals', ${rows(
        `select d.id, d.name, d.stage, d.amount, d.currency, d.created_at, d.closed_at, d.outcome, dc.role,
                d.primary_contact_id = ${c} as is_primary_contact, d.source_contact_id = ${c} as is_source_contact
         from deals d left join deal_contacts dc on dc.workspace_id = d.workspace_id and dc.deal_id = d.id and dc.contact_id = ${c}
         where d.${w} and (dc.contact_id is not null or d.primary_contact_id = ${c} or d.source_contact_id = ${c})`,
        "x.created_at, x.id",
      )},
      'handoffs', ${rows(`select * from handoffs where ${w} and contact_id = ${c}`, "x.created_at, x.id")},
      'slaTimers', ${rows(`select * from sla_timers where ${w} and contact_id = ${c}`, "x.started_at, x.id")},
      'playbookAssignments', ${rows(`select * from playbook_assignments where ${w} and contact_id = ${c}`, "x.assigned_at, x.id")},
      'visitorIds', ${sql.raw(`coalesce((select json_agg(v.visitor_id order by v.visitor_id) from visitors v where v.${w} and v.contact_id = ${c}), '[]'::json)`)},
      'auditEntries', ${rows(`select id, at, actor_user_id, actor_token_id, action, entity, entity_id, changes from audit_log where ${w} and entity_id = ${c}`, "x.at, x.id")}
    ) end as doc
    from (select 1) one left join contacts ct on ct.workspace_id = ${workspaceId}::uuid and ct.id = ${contactId}::uuid`);
  return res.rows[0]?.doc ?? null;
}
