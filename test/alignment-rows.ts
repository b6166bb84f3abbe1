/**
 * Hand-built rows for the revenue and alignment report tests: plain INSERTs on the owner connection with dated
 * values the tests choose, so every expected number can be worked out by hand.
 */
import { randomUUID } from "node:crypto";
import type { Harness, TestWorkspace } from "./harness.js";
import { rebuildDealFacts } from "../src/server/modules/reports/rollups/deal-facts.js";

type Val = string | number | boolean | null | string[] | Date;

/** Inserting helpers bound to one workspace; each returns the new row's id. */
export function alignmentRows(h: Harness, ws: TestWorkspace) {
  const w = ws.workspaceId;
  const at0 = "2025-01-01T00:00:00Z";
  async function insert(table: string, row: Record<string, Val | undefined>): Promise<string> {
    const cols = Object.entries(row).filter(([, v]) => v !== undefined);
    const names = cols.map(([k]) => k).join(", ");
    const params = cols.map((_, i) => `$${i + 1}`).join(", ");
    await h.tdb.ownerDb.pool.query(`insert into ${table} (${names}) values (${params})`, cols.map(([, v]) => v));
    // The services' hooks keep the materialised deal facts; plain inserts bring them up to date the way an import does.
    if (table === "deals" || table === "deal_contacts" || table === "touchpoints") await rebuildDealFacts(h.tdb.ownerDb.orm, w, new Date(at0));
    return String(row.id ?? "");
  }
  let n = 0;
  return {
    async team(name: string) {
      return insert("teams", { workspace_id: w, id: randomUUID(), name, side: "sales", created_at: at0 });
    },
    /** Moves a member into a team. */
    async join(userId: string, teamId: string) {
      await h.tdb.ownerDb.pool.query("update memberships set team_id = $3 where workspace_id = $1 and user_id = $2", [w, userId, teamId]);
    },
    async account(o: { name?: string; customerStatus?: string; segment?: string } = {}) {
      return insert("accounts", { workspace_id: w, id: randomUUID(), name: o.name ?? `Account ${++n}`, customer_status: o.customerStatus ?? "prospect", segment: o.segment ?? null, created_at: at0, updated_at: at0 });
    },
    async contact(o: { accountId?: string; persona?: string | null; source?: string | null; channel?: string | null; campaignId?: string; stage?: string; ownerId?: string; mqlAt?: string; sqlAt?: string; customerAt?: string; name?: string } = {}) {
      const id = randomUUID();
      const [first, last] = (o.name ?? `Person ${++n}`).split(" ");
      return insert("contacts", {
        workspace_id: w, id, account_id: o.accountId ?? null, email: `${id.slice(0, 8)}@example.test`, first_name: first ?? null, last_name: last ?? null,
        persona: o.persona ?? null, source: o.source ?? null, channel: o.channel ?? null, original_campaign_id: o.campaignId ?? null, stage: o.stage ?? "lead",
        stage_entered_at: at0, owner_id: o.ownerId ?? null, mql_at: o.mqlAt ?? null, sql_at: o.sqlAt ?? null, customer_at: o.customerAt ?? null, created_at: at0, updated_at: at0,
      });
    },
    async campaign(o: { name?: string; channel?: string; personas?: string[] } = {}) {
      return insert("campaigns", { workspace_id: w, id: randomUUID(), name: o.name ?? `Campaign ${++n}`, channel: o.channel ?? "email", target_personas: o.personas ?? [], created_at: at0, updated_at: at0 });
    },
    async cost(campaignId: string, incurredOn: string, amount: number) {
      return insert("campaign_costs", { workspace_id: w, id: randomUUID(), campaign_id: campaignId, incurred_on: incurredOn, amount, description: "cost", created_at: at0 });
    },
    async deal(o: {
      accountId: string; ownerId?: string | null; primaryContactId?: string; sourceContactId?: string; sourceCampaignId?: string; type?: string; amount: number; createdAt: string;
      closedAt?: string; outcome?: "won" | "lost" | "no_decision"; reasonCode?: string; competitor?: string; expectedCloseAt?: string; forecastAmount?: number; name?: string;
    }) {
      const stage = o.outcome === "won" ? "closed_won" : o.outcome ? "closed_lost" : "discovery";
      return insert("deals", {
        workspace_id: w, id: randomUUID(), account_id: o.accountId, primary_contact_id: o.primaryContactId ?? null, name: o.name ?? `Deal ${++n}`, owner_id: o.ownerId ?? null,
        source_contact_id: o.sourceContactId ?? null, source_campaign_id: o.sourceCampaignId ?? null, type: o.type ?? "new", stage, amount: o.amount,
        expected_close_at: o.expectedCloseAt ?? null, forecast_amount: o.forecastAmount ?? null, created_at: o.createdAt, updated_at: o.createdAt,
        closed_at: o.closedAt ?? null, outcome: o.outcome ?? null, reason_code: o.reasonCode ?? null, competitor: o.competitor ?? null,
      });
    },
    async dealContact(dealId: string, contactId: string, role: string) {
      await insert("deal_contacts", { workspace_id: w, deal_id: dealId, contact_id: contactId, role });
    },
    async touch(contactId: string, type: string, occurredAt: string, o: { category?: "marketing" | "sales"; campaignId?: string } = {}) {
      const category = o.category ?? (["call", "meeting", "sales_email", "content_share"].includes(type) ? "sales" : "marketing");
      return insert("touchpoints", { workspace_id: w, id: randomUUID(), contact_id: contactId, campaign_id: o.campaignId ?? null, type, category, occurred_at: occurredAt, received_at: occurredAt, source: "api" });
    },
    async transition(contactId: string, from: string | null, to: string, at: string, reasonCode?: string) {
      return insert("stage_transitions", { workspace_id: w, id: randomUUID(), contact_id: contactId, from_stage: from, to_stage: to, at, reason_code: reasonCode ?? null, actor_kind: "user" });
    },
    /** The workspace's seeded policy of a kind. */
    async policy(kind: string): Promise<string> {
      const r = await h.tdb.ownerDb.pool.query("select id from sla_policies where workspace_id = $1 and kind = $2 and team_id is null", [w, kind]);
      return r.rows[0].id as string;
    },
    async timer(o: { kind: string; contactId: string; ownerId?: string | null; teamId?: string | null; startedAt: string; dueAt: string; metAt?: string; breachedAt?: string; state: string }) {
      const policyId = await this.policy(o.kind);
      return insert("sla_timers", {
        workspace_id: w, id: randomUUID(), policy_id: policyId, kind: o.kind, contact_id: o.contactId, owner_id: o.ownerId ?? null, team_id: o.teamId ?? null,
        started_at: o.startedAt, warn_at: o.startedAt, due_at: o.dueAt, met_at: o.metAt ?? null, breached_at: o.breachedAt ?? null, state: o.state, created_at: o.startedAt,
      });
    },
    async periodResult(o: { periodStart: string; periodEnd: string; mqls: number; mqlTarget: number; accepted: number; rejected: number; minAcceptanceRate: number; met: boolean }) {
      const policyId = await this.policy("mql_target");
      const rate = o.accepted + o.rejected === 0 ? null : o.accepted / (o.accepted + o.rejected);
      await insert("sla_period_results", {
        workspace_id: w, policy_id: policyId, period_start: o.periodStart, period_end: o.periodEnd, mqls: o.mqls, mql_target: o.mqlTarget, accepted: o.accepted, rejected: o.rejected,
        acceptance_rate: rate, min_acceptance_rate: o.minAcceptanceRate, met: o.met, evaluated_at: o.periodEnd,
      });
      return policyId;
    },
    /** Runs a statement on the owner connection (for the odd row a helper does not cover). */
    async exec(text: string, params: unknown[] = []) {
      return h.tdb.ownerDb.pool.query(text, params);
    },
  };
}
