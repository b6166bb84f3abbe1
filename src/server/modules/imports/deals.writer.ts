/**
 * Set-based writer for deals (docs/IMPORTS.md). Like accounts and contacts, imported deals are written to the deals
 * table in bulk rather than through the crm service per row; what the service's writes trigger is kept: a stage
 * history row per new deal and per stage move, and crm's dealChanged hooks (attribution credits, deal facts) for
 * every deal created or updated, in the chunk's transaction.
 */
import type { Tx } from "../../db/client.js";
import type { CellValue } from "../../../shared/domain/imports.js";
import { mapDealState, mapDealType, type ReasonOption } from "../../../shared/domain/import-values.js";
import { collectOutcome, externalIdsExpr, skipDuplicates, stageRows, type StagingColumn } from "./staging.js";
import type { Writer } from "./crm.writers.js";

type Deps = {
  /** The workspace's reason taxonomy (win, loss, no decision), read once per import run. */
  reasons: (workspaceId: string) => Promise<ReasonOption[]>;
  /** crm's dealChanged hooks for the deals a chunk wrote, in its transaction. */
  dealsChangedIn: (tx: Tx, workspaceId: string, dealIds: readonly string[]) => Promise<void>;
};

const t = (name: string): StagingColumn => ({ name, type: "text" });
const ts = (name: string): StagingColumn => ({ name, type: "timestamptz" });

// HubSpot lists several associations in one cell ("123;456"); the first is the primary one.
const first = (v: CellValue | undefined) => (typeof v === "string" ? v.split(";")[0]!.trim() || null : null);

/** Deals: deduped by external id, then by name within the account; linked to an account by external id, domain or name. */
export function createDealsWriter({ reasons, dealsChangedIn }: Deps): Writer {
  return {
    ids: 2,
    async prepare(ctx) {
      const taxonomy = await reasons(ctx.workspaceId);
      return (v) => {
        const state = mapDealState(v, taxonomy);
        if ("error" in state) return state;
        return {
          values: {
            ...v,
            accountExternalId: first(v.accountExternalId),
            accountName: first(v.accountName),
            stage: state.stage,
            dealOutcome: state.outcome,
            reasonCode: state.reasonCode,
            closedAt: state.closedAt,
            expectedCloseAt: state.expectedCloseAt,
            type: v.type ? mapDealType(v.type) : null,
          },
        };
      };
    },
    async write(client, ctx, rows, tx) {
      const src = ctx.source;
      const ws = ctx.workspaceId;
      const cols: StagingColumn[] = [
        t("externalId"),
        t("name"),
        t("accountExternalId"),
        t("accountName"),
        t("accountDomain"),
        t("stage"),
        t("dealOutcome"),
        t("reasonCode"),
        { name: "amount", type: "numeric" },
        ts("closedAt"),
        ts("expectedCloseAt"),
        t("type"),
        { name: "ownerId", type: "uuid" },
        ts("createdAt"),
      ];
      await stageRows(client, "imp_deals", ["new_id", "history_id"], cols, rows, "account_id uuid, cur_stage text, cur_closed boolean");
      // The account: its external id in this source, else its domain, else its name (the oldest of equal names).
      await client.query(
        `update imp_deals s set account_id = a.id from accounts a
         where a.workspace_id = $1 and s.account_external_id is not null and a.external_ids ? '${src}' and a.external_ids ->> '${src}' = s.account_external_id`,
        [ws],
      );
      await client.query(`update imp_deals s set account_id = a.id from accounts a where s.account_id is null and s.account_domain is not null and a.workspace_id = $1 and a.domain = s.account_domain`, [ws]);
      await client.query(
        `with m as (
           select distinct on (lower(a.name)) lower(a.name) as k, a.id from accounts a
           where a.workspace_id = $1 and lower(a.name) in (select lower(account_name) from imp_deals where account_id is null and account_name is not null)
           order by lower(a.name), a.created_at, a.id)
         update imp_deals s set account_id = m.id from m where s.account_id is null and lower(s.account_name) = m.k`,
        [ws],
      );
      await client.query(
        `update imp_deals set outcome = 'failed', reason = case
           when account_external_id is not null then 'no account with ${src} id ' || account_external_id || ' (import the accounts first)'
           when account_domain is not null or account_name is not null then 'no account ' || concat_ws(' / ', 'named ' || account_name, 'with domain ' || account_domain)
           else 'the deal names no account (map an account external id, name or domain)' end
         where account_id is null`,
      );
      // The deal: its external id in this source, else the same name in the same account among deals without one.
      await client.query(
        `update imp_deals s set target_id = d.id from deals d
         where d.workspace_id = $1 and s.outcome is null and s.external_id is not null and d.external_ids ? '${src}' and d.external_ids ->> '${src}' = s.external_id`,
        [ws],
      );
      await client.query(
        `with m as (
           select distinct on (d.account_id, lower(d.name)) d.account_id, lower(d.name) as k, d.id from deals d
           where d.workspace_id = $1 and not (d.external_ids ? '${src}') and d.account_id in (select account_id from imp_deals where outcome is null and target_id is null)
           order by d.account_id, lower(d.name), d.created_at, d.id)
         update imp_deals s set target_id = m.id from m where s.outcome is null and s.target_id is null and m.account_id = s.account_id and m.k = lower(s.name)`,
        [ws],
      );
      await skipDuplicates(client, "imp_deals", ["'x:' || external_id", "'n:' || account_id || ':' || lower(name)"]);
      await client.query(`update imp_deals s set cur_stage = d.stage, cur_closed = d.closed_at is not null from deals d where d.workspace_id = $1 and d.id = s.target_id`, [ws]);
      // A deal closed before it was created in the source (data loaded later) starts at its close.
      await client.query(
        `insert into deals (workspace_id, id, account_id, name, owner_id, type, stage, amount, expected_close_at, created_at, updated_at, closed_at, outcome, reason_code, external_ids)
         select $1, s.new_id, s.account_id, s.name, s.owner_id, coalesce(s.type, 'new'), s.stage, coalesce(s.amount, 0), s.expected_close_at,
           least(coalesce(s.created_at, $2), coalesce(s.closed_at, 'infinity')), $2, s.closed_at, s.deal_outcome, s.reason_code, ${externalIdsExpr(src)}
         from imp_deals s where s.target_id is null and s.outcome is null`,
        [ws, ctx.now],
      );
      await client.query(
        `insert into deal_stage_history (workspace_id, id, deal_id, from_stage, to_stage, at, actor_user_id)
         select $1, s.history_id, s.new_id, null, s.stage, coalesce(s.closed_at, least(coalesce(s.created_at, $2), $2)), $3
         from imp_deals s where s.target_id is null and s.outcome is null`,
        [ws, ctx.now, ctx.actorUserId],
      );
      // An open deal follows the file (stage, amount, close); a closed deal's stage, amount and outcome are final.
      await client.query(
        `insert into deal_stage_history (workspace_id, id, deal_id, from_stage, to_stage, at, actor_user_id)
         select $1, s.history_id, s.target_id, s.cur_stage, s.stage, coalesce(s.closed_at, $2), $3
         from imp_deals s where s.target_id is not null and s.outcome is null and not s.cur_closed and s.cur_stage <> s.stage`,
        [ws, ctx.now, ctx.actorUserId],
      );
      await client.query(
        `update deals d set name = s.name, owner_id = coalesce(s.owner_id, d.owner_id), type = coalesce(s.type, d.type),
           external_ids = d.external_ids || ${externalIdsExpr(src)}, updated_at = $2,
           account_id = case when s.cur_closed then d.account_id else s.account_id end,
           stage = case when s.cur_closed then d.stage else s.stage end,
           amount = case when s.cur_closed then d.amount else coalesce(s.amount, d.amount) end,
           expected_close_at = case when s.cur_closed then d.expected_close_at else coalesce(s.expected_close_at, d.expected_close_at) end,
           closed_at = case when s.cur_closed then d.closed_at else s.closed_at end,
           outcome = case when s.cur_closed then d.outcome else s.deal_outcome end,
           reason_code = case when not s.cur_closed then s.reason_code when d.outcome = s.deal_outcome then coalesce(d.reason_code, s.reason_code) else d.reason_code end
         from imp_deals s where d.workspace_id = $1 and d.id = s.target_id and s.outcome is null`,
        [ws, ctx.now],
      );
      const written = await client.query<{ id: string }>(`select coalesce(target_id, new_id) as id from imp_deals where outcome is null order by row_no`);
      await dealsChangedIn(
        tx,
        ws,
        written.rows.map((r) => r.id),
      );
      return collectOutcome(client, "imp_deals");
    },
  };
}
