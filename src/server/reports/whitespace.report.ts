import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { WhitespaceMatrix, WhitespaceQuery, WhitespaceState } from "../../shared/contracts/growth.js";

/** The accounts the matrix covers (alias `a`): the customer status and the optional segment, industry and owner. */
function accountScope(workspaceId: string, q: WhitespaceQuery): SQL {
  const parts: SQL[] = [sql`a.workspace_id = ${workspaceId}`, sql`a.customer_status = ${q.customerStatus}`];
  if (q.segment) parts.push(sql`a.segment = ${q.segment}`);
  if (q.industry) parts.push(sql`a.industry = ${q.industry}`);
  if (q.ownerId) parts.push(sql`a.owner_id = ${q.ownerId}`);
  return sql.join(parts, sql` and `);
}

/**
 * The whitespace matrix: matching accounts × active products. A cell is `owned` (account_products), else `pipeline`
 * (an open deal of the account has a line for the product), else `open` — whitespace. Per product: owned, pipeline
 * and whitespace counts over every matching account, and the potential (whitespace × list price).
 */
export async function whitespaceMatrix(tx: Queryable, workspaceId: string, q: WhitespaceQuery): Promise<WhitespaceMatrix> {
  const scope = accountScope(workspaceId, q);
  const products = await tx.execute<{ productId: string; name: string; family: string | null; listPrice: number | null; owned: number; pipeline: number; accounts: number }>(sql`
    with acc as (select a.workspace_id, a.id from accounts a where ${scope})
    select p.id as "productId", p.name, p.family, p.list_price::float8 as "listPrice",
      (select count(*)::int from account_products ap join acc on acc.workspace_id = ap.workspace_id and acc.id = ap.account_id
        where ap.workspace_id = ${workspaceId} and ap.product_id = p.id) as owned,
      (select count(distinct d.account_id)::int from deal_products dp
        join deals d on d.workspace_id = dp.workspace_id and d.id = dp.deal_id and d.closed_at is null
        join acc on acc.workspace_id = d.workspace_id and acc.id = d.account_id
        where dp.workspace_id = ${workspaceId} and dp.product_id = p.id
          and not exists (select 1 from account_products ap where ap.workspace_id = d.workspace_id and ap.account_id = d.account_id and ap.product_id = p.id)) as pipeline,
      (select count(*)::int from acc) as accounts
    from products p where p.workspace_id = ${workspaceId} and p.active order by p.name, p.id`);
  const accountCount = products.rows[0]?.accounts ?? (await tx.execute<{ n: number }>(sql`select count(*)::int as n from accounts a where ${scope}`)).rows[0]?.n ?? 0;
  const cells = await tx.execute<{ accountId: string; accountName: string; segment: string | null; industry: string | null; ownerName: string | null; productId: string; owned: boolean; ownedValue: number | null; pipelineValue: number | null; dealId: string | null }>(sql`
    with acc as (select a.workspace_id, a.id, a.name, a.segment, a.industry, a.owner_id from accounts a where ${scope} order by a.name, a.id limit ${q.limit}),
    pipe as (
      select d.account_id, dp.product_id, sum(dp.amount)::float8 as amount, (array_agg(d.id order by d.created_at, d.id))[1] as deal_id
      from deal_products dp
      join deals d on d.workspace_id = dp.workspace_id and d.id = dp.deal_id and d.closed_at is null
      join acc on acc.workspace_id = d.workspace_id and acc.id = d.account_id
      where dp.workspace_id = ${workspaceId} group by d.account_id, dp.product_id)
    select acc.id as "accountId", acc.name as "accountName", acc.segment, acc.industry, u.name as "ownerName", p.id as "productId",
      ap.account_id is not null as owned, ap.annual_value::float8 as "ownedValue", pipe.amount as "pipelineValue", pipe.deal_id as "dealId"
    from acc
    cross join products p
    left join users u on u.id = acc.owner_id
    left join account_products ap on ap.workspace_id = acc.workspace_id and ap.account_id = acc.id and ap.product_id = p.id
    left join pipe on pipe.account_id = acc.id and pipe.product_id = p.id
    where p.workspace_id = ${workspaceId} and p.active
    order by acc.name, acc.id, p.name, p.id`);
  const rows = new Map<string, WhitespaceMatrix["rows"][number]>();
  for (const c of cells.rows) {
    let row = rows.get(c.accountId);
    if (!row) rows.set(c.accountId, (row = { accountId: c.accountId, accountName: c.accountName, segment: c.segment, industry: c.industry, ownerName: c.ownerName, cells: [] }));
    const state: WhitespaceState = c.owned ? "owned" : c.dealId ? "pipeline" : "open";
    row.cells.push({ productId: c.productId, state, value: state === "owned" ? c.ownedValue : state === "pipeline" ? c.pipelineValue : null, dealId: state === "pipeline" ? c.dealId : null });
  }
  const perProduct = products.rows.map((p) => {
    const whitespace = p.accounts - p.owned - p.pipeline;
    return { productId: p.productId, name: p.name, family: p.family, listPrice: p.listPrice, owned: p.owned, pipeline: p.pipeline, whitespace, potential: whitespace * (p.listPrice ?? 0) };
  });
  return {
    products: perProduct,
    rows: [...rows.values()],
    accountCount,
    totals: {
      owned: perProduct.reduce((s, p) => s + p.owned, 0),
      pipeline: perProduct.reduce((s, p) => s + p.pipeline, 0),
      whitespace: perProduct.reduce((s, p) => s + p.whitespace, 0),
      potential: perProduct.reduce((s, p) => s + p.potential, 0),
    },
  };
}
