/**
 * Hand-built rows for the lead-side report tests (funnel, velocity, acceptance, lead quality), written straight
 * into the tables as the owner so each test states exactly the history it counts.
 */
import { randomUUID } from "node:crypto";
import type { Harness } from "./harness.js";

type Stamps = Partial<Record<"subscriber" | "lead" | "mql" | "sal" | "sql" | "opportunity" | "customer" | "rejected" | "recycled" | "disqualified", string>>;

export type ContactSpec = {
  stage: string;
  at?: Stamps;
  firstName?: string;
  email?: string;
  ownerId?: string | null;
  source?: string | null;
  channel?: string | null;
  campaignId?: string | null;
  accountId?: string | null;
};

export type DealSpec = {
  accountId: string;
  amount: number;
  createdAt: string;
  closedAt?: string | null;
  outcome?: "won" | "lost" | "no_decision" | null;
  sourceContactId?: string | null;
  primaryContactId?: string | null;
  sourceCampaignId?: string | null;
  ownerId?: string | null;
  name?: string;
};

const COLUMN: Record<keyof Stamps, string> = {
  subscriber: "subscriber_at",
  lead: "lead_at",
  mql: "mql_at",
  sal: "sal_at",
  sql: "sql_at",
  opportunity: "opportunity_at",
  customer: "customer_at",
  rejected: "rejected_at",
  recycled: "recycled_at",
  disqualified: "disqualified_at",
};

/** Writers bound to one workspace. */
export function reportData(h: Harness, workspaceId: string) {
  const q = (text: string, values: unknown[]) => h.tdb.ownerDb.pool.query(text, values);
  let n = 0;
  return {
    async timezone(zone: string) {
      await q("update workspaces set timezone = $2 where id = $1", [workspaceId, zone]);
    },
    async account(segment: string | null = null): Promise<string> {
      const id = randomUUID();
      await q("insert into accounts (workspace_id, id, name, segment, created_at, updated_at) values ($1, $2, $3, $4, now(), now())", [workspaceId, id, `Account ${++n}`, segment]);
      return id;
    },
    async campaign(name: string, opts: { channel?: string; vehicle?: string | null } = {}): Promise<string> {
      const id = randomUUID();
      await q("insert into campaigns (workspace_id, id, name, channel, vehicle, created_at, updated_at) values ($1, $2, $3, $4, $5, now(), now())", [
        workspaceId,
        id,
        name,
        opts.channel ?? "webinar",
        opts.vehicle ?? null,
      ]);
      return id;
    },
    async cost(campaignId: string, incurredOn: string, amount: number) {
      await q("insert into campaign_costs (workspace_id, id, campaign_id, incurred_on, amount, description, created_at) values ($1, $2, $3, $4, $5, 'line', now())", [
        workspaceId,
        randomUUID(),
        campaignId,
        incurredOn,
        amount,
      ]);
    },
    async contact(s: ContactSpec): Promise<string> {
      const id = randomUUID();
      const stamps = Object.entries(s.at ?? {}) as [keyof Stamps, string][];
      const created = stamps.map(([, v]) => v).sort()[0] ?? "2025-01-01T00:00:00Z";
      const cols = ["workspace_id", "id", "stage", "stage_entered_at", "created_at", "updated_at", "first_name", "email", "owner_id", "source", "channel", "original_campaign_id", "account_id", ...stamps.map(([k]) => COLUMN[k])];
      const vals = [workspaceId, id, s.stage, created, created, created, s.firstName ?? `Lead ${++n}`, s.email ?? `lead-${id.slice(0, 8)}@example.test`, s.ownerId ?? null, s.source ?? null, s.channel ?? null, s.campaignId ?? null, s.accountId ?? null, ...stamps.map(([, v]) => v)];
      await q(`insert into contacts (${cols.join(", ")}) values (${vals.map((_, i) => `$${i + 1}`).join(", ")})`, vals);
      return id;
    },
    /** One lifecycle move in the history. */
    async move(contactId: string, from: string | null, to: string, at: string, reasonCode: string | null = null) {
      await q("insert into stage_transitions (workspace_id, id, contact_id, from_stage, to_stage, at, reason_code) values ($1, $2, $3, $4, $5, $6, $7)", [workspaceId, randomUUID(), contactId, from, to, at, reasonCode]);
    },
    async deal(d: DealSpec): Promise<string> {
      const id = randomUUID();
      await q(
        `insert into deals (workspace_id, id, account_id, name, amount, created_at, updated_at, closed_at, outcome, source_contact_id, primary_contact_id, source_campaign_id, owner_id, stage)
         values ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [workspaceId, id, d.accountId, d.name ?? `Deal ${++n}`, d.amount, d.createdAt, d.closedAt ?? null, d.outcome ?? null, d.sourceContactId ?? null, d.primaryContactId ?? null, d.sourceCampaignId ?? null, d.ownerId ?? null, d.outcome === "won" ? "closed_won" : d.outcome ? "closed_lost" : "discovery"],
      );
      return id;
    },
    /** One attribution credit row: every model's weight given explicitly (the attribution job is another module's). */
    async credit(c: { dealId: string; basis: "pipeline" | "revenue"; campaignId: string | null; convertedAt: string; amount: number; position?: number; w: Partial<Record<"first" | "last" | "linear" | "u_shaped" | "w_shaped" | "time_decay", number>> }) {
      await q(
        `insert into attribution_credits (workspace_id, deal_id, basis, touchpoint_id, position, campaign_id, occurred_at, converted_at, amount, w_first, w_last, w_linear, w_u_shaped, w_w_shaped, w_time_decay)
         values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [workspaceId, c.dealId, c.basis, randomUUID(), c.position ?? 1, c.campaignId, c.convertedAt, c.amount, c.w.first ?? 0, c.w.last ?? 0, c.w.linear ?? 0, c.w.u_shaped ?? 0, c.w.w_shaped ?? 0, c.w.time_decay ?? 0],
      );
    },
  };
}
