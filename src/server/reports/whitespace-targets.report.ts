import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { WhitespaceTarget } from "../../shared/contracts/growth.js";

export type WhitespaceTargetSpec = { productId: string; segment: string | null; customerStatus: string };

/**
 * The accounts a whitespace campaign targets: of the customer status (and segment, if given), neither owning the
 * product nor having an open deal for it — the matrix's open cells for that product. Contacts count the accounts'
 * people who have not withdrawn consent.
 */
export async function whitespaceTargets(tx: Queryable, workspaceId: string, spec: WhitespaceTargetSpec): Promise<Omit<WhitespaceTarget, "target"> & { productName: string }> {
  const product = await tx.execute<{ name: string }>(sql`select name from products where workspace_id = ${workspaceId} and id = ${spec.productId}`);
  const res = await tx.execute<{ accountId: string; name: string; segment: string | null; contacts: number }>(sql`
    select a.id as "accountId", a.name, a.segment,
      (select count(*)::int from contacts c where c.workspace_id = a.workspace_id and c.account_id = a.id and c.consent <> 'withdrawn') as contacts
    from accounts a
    where a.workspace_id = ${workspaceId} and a.customer_status = ${spec.customerStatus}
      and (${spec.segment}::text is null or a.segment = ${spec.segment})
      and not exists (select 1 from account_products ap where ap.workspace_id = a.workspace_id and ap.account_id = a.id and ap.product_id = ${spec.productId})
      and not exists (select 1 from deals d join deal_products dp on dp.workspace_id = d.workspace_id and dp.deal_id = d.id
                      where d.workspace_id = a.workspace_id and d.account_id = a.id and d.closed_at is null and dp.product_id = ${spec.productId})
    order by a.name, a.id`);
  const rows = res.rows;
  return {
    productName: product.rows[0]?.name ?? "",
    accountCount: rows.length,
    contactCount: rows.reduce((s, r) => s + r.contacts, 0),
    accounts: rows.slice(0, 200),
  };
}
