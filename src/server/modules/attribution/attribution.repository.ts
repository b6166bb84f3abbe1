/**
 * Reads what attribution needs (deals, their contacts, the touches of those contacts) set-wise, and writes the
 * materialised credits. Like the predictive scan repository it reads crm's tables directly: attribution is a read
 * model over them, and one statement per page of deals is what keeps a whole-workspace rebuild fast.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { AttributionBasisName } from "../../../shared/domain/attribution.js";

/** One eligible touch of a deal under a basis, or (touch fields null) a deal and basis without any. */
export type EligibleRow = {
  deal_id: string;
  basis: AttributionBasisName;
  converted_at: Date;
  amount: number;
  mql_at: Date | null;
  touch_id: string | null;
  occurred_at: Date | null;
  campaign_id: string | null;
  channel: string | null;
  asset_id: string | null;
};

export type CreditRow = {
  dealId: string;
  basis: AttributionBasisName;
  touchpointId: string;
  position: number;
  campaignId: string | null;
  channel: string | null;
  assetId: string | null;
  occurredAt: Date;
  convertedAt: Date;
  amount: number;
  w: [number, number, number, number, number, number];
};

export type DealRow = { dealId: string; basis: AttributionBasisName; convertedAt: Date; amount: number; touches: number };

// 365 × 24 hours, not '365 days': a day interval follows the session's time zone across DST changes.
const LOOKBACK = sql.raw(`interval '8760 hours'`);

const iso = (d: Date) => d.toISOString();

/** Data access for attribution credits. */
export function createAttributionRepository() {
  return {
    /**
     * Every (deal, basis) of the given deals with its eligible touches in (time, id) order: marketing touches of
     * the deal's contacts — or, when those give none for that basis, of every contact of its account — from
     * T − 365 × 24 h to T, both included, where T is the deal's creation (pipeline) or its close (revenue, won only).
     */
    async eligible(tx: Queryable, workspaceId: string, dealIds: readonly string[]): Promise<EligibleRow[]> {
      const res = await tx.execute<EligibleRow>(sql`
        with d as (
          select d.id, d.account_id, d.amount, d.created_at, d.closed_at, d.outcome, pc.mql_at
          from deals d
          left join contacts pc on pc.workspace_id = d.workspace_id and pc.id = d.primary_contact_id
          where d.workspace_id = ${workspaceId} and d.id = any(${sql.param(dealIds)}::uuid[])
        ),
        conv as (
          select id as deal_id, account_id, amount, mql_at, 'pipeline'::text as basis, created_at as t from d
          union all
          select id, account_id, amount, mql_at, 'revenue', closed_at from d where outcome = 'won' and closed_at is not null
        ),
        by_contact as materialized (
          select cv.deal_id, cv.basis, tp.id, tp.occurred_at, tp.campaign_id, tp.channel, tp.asset_id
          from conv cv
          join deal_contacts dc on dc.workspace_id = ${workspaceId} and dc.deal_id = cv.deal_id
          join touchpoints tp on tp.workspace_id = ${workspaceId} and tp.contact_id = dc.contact_id and tp.category = 'marketing'
            and tp.occurred_at >= cv.t - ${LOOKBACK} and tp.occurred_at <= cv.t
        ),
        -- Deals (per basis) whose contacts gave nothing: a hashed anti-join, not a probe of by_contact per row.
        fallback as (
          select cv.* from conv cv
          left join (select distinct deal_id, basis from by_contact) k on k.deal_id = cv.deal_id and k.basis = cv.basis
          where k.deal_id is null
        ),
        by_account as (
          select cv.deal_id, cv.basis, tp.id, tp.occurred_at, tp.campaign_id, tp.channel, tp.asset_id
          from fallback cv
          join contacts c on c.workspace_id = ${workspaceId} and c.account_id = cv.account_id
          join touchpoints tp on tp.workspace_id = ${workspaceId} and tp.contact_id = c.id and tp.category = 'marketing'
            and tp.occurred_at >= cv.t - ${LOOKBACK} and tp.occurred_at <= cv.t
        ),
        touches as (select * from by_contact union all select * from by_account)
        select cv.deal_id, cv.basis, cv.t as converted_at, cv.amount, cv.mql_at,
          tt.id as touch_id, tt.occurred_at, tt.campaign_id, tt.channel, tt.asset_id
        from conv cv
        left join touches tt on tt.deal_id = cv.deal_id and tt.basis = cv.basis
        order by cv.deal_id, cv.basis, tt.occurred_at, tt.id`);
      return res.rows;
    },

    /** The next page of the workspace's deal ids after `after` (id order). */
    async dealIdsAfter(tx: Queryable, workspaceId: string, after: string | null, limit: number): Promise<string[]> {
      const res = await tx.execute<{ id: string }>(sql`
        select id from deals where workspace_id = ${workspaceId} ${after ? sql`and id > ${after}::uuid` : sql``} order by id limit ${limit}`);
      return res.rows.map((r) => r.id);
    },

    /** How many deals the workspace has. */
    async countDeals(tx: Queryable, workspaceId: string): Promise<number> {
      const res = await tx.execute<{ n: number }>(sql`select count(*)::int as n from deals where workspace_id = ${workspaceId}`);
      return res.rows[0]?.n ?? 0;
    },

    /** Drops the materialised rows of some deals (all deals: `null`). */
    async clear(tx: Queryable, workspaceId: string, dealIds: readonly string[] | null): Promise<void> {
      const only = dealIds ? sql`and deal_id = any(${sql.param(dealIds)}::uuid[])` : sql``;
      await tx.execute(sql`delete from attribution_credits where workspace_id = ${workspaceId} ${only}`);
      await tx.execute(sql`delete from attribution_deals where workspace_id = ${workspaceId} ${only}`);
    },

    /** Writes credit rows, one statement per call (arrays unnested: one round trip for thousands of rows). */
    async insertCredits(tx: Queryable, workspaceId: string, rows: readonly CreditRow[]): Promise<void> {
      if (rows.length === 0) return;
      const col = <T>(f: (r: CreditRow) => T) => sql.param(rows.map(f));
      const w = (k: number) => col((r) => r.w[k]!);
      await tx.execute(sql`
        insert into attribution_credits (workspace_id, deal_id, basis, touchpoint_id, position, campaign_id, channel, asset_id, occurred_at, converted_at, amount,
          w_first, w_last, w_linear, w_u_shaped, w_w_shaped, w_time_decay)
        select ${workspaceId}::uuid, * from unnest(
          ${col((r) => r.dealId)}::uuid[], ${col((r) => r.basis)}::text[], ${col((r) => r.touchpointId)}::uuid[], ${col((r) => r.position)}::int[],
          ${col((r) => r.campaignId)}::uuid[], ${col((r) => r.channel)}::text[], ${col((r) => r.assetId)}::uuid[],
          ${col((r) => iso(r.occurredAt))}::timestamptz[], ${col((r) => iso(r.convertedAt))}::timestamptz[], ${col((r) => r.amount)}::numeric[],
          ${w(0)}::float8[], ${w(1)}::float8[], ${w(2)}::float8[], ${w(3)}::float8[], ${w(4)}::float8[], ${w(5)}::float8[])`);
    },

    /** Writes one row per deal and basis. */
    async insertDeals(tx: Queryable, workspaceId: string, rows: readonly DealRow[], computedAt: Date): Promise<void> {
      if (rows.length === 0) return;
      await tx.execute(sql`
        insert into attribution_deals (workspace_id, deal_id, basis, converted_at, amount, touches, computed_at)
        select ${workspaceId}::uuid, *, ${iso(computedAt)}::timestamptz from unnest(
          ${sql.param(rows.map((r) => r.dealId))}::uuid[], ${sql.param(rows.map((r) => r.basis))}::text[], ${sql.param(rows.map((r) => iso(r.convertedAt)))}::timestamptz[],
          ${sql.param(rows.map((r) => r.amount))}::numeric[], ${sql.param(rows.map((r) => r.touches))}::int[])`);
    },
  };
}

export type AttributionRepository = ReturnType<typeof createAttributionRepository>;
