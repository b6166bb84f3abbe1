import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { AccountReview } from "../../shared/contracts/growth.js";

export type AccountReviewFilter =
  | { reviewId: string }
  | { accountId: string }
  | { status: AccountReview["status"]; from: Date; ownerId?: string; limit: number };

/**
 * Account business reviews with the account's name and the attendees' names: one review, an account's reviews (newest
 * first), or a status list from a time on (soonest first; the upcoming list is `scheduled` from today).
 */
export async function accountReviews(tx: Queryable, workspaceId: string, f: AccountReviewFilter): Promise<AccountReview[]> {
  let where: SQL;
  let order = sql`r.scheduled_at desc, r.id`;
  let limit = sql``;
  if ("reviewId" in f) where = sql`r.id = ${f.reviewId}`;
  else if ("accountId" in f) where = sql`r.account_id = ${f.accountId}`;
  else {
    where = sql`r.status = ${f.status} and r.scheduled_at >= ${f.from.toISOString()}::timestamptz`;
    if (f.ownerId) where = sql`${where} and a.owner_id = ${f.ownerId}`;
    order = sql`r.scheduled_at, r.id`;
    limit = sql`limit ${f.limit}`;
  }
  const res = await tx.execute<Omit<AccountReview, "scheduledAt" | "createdAt" | "updatedAt"> & { scheduledAt: string; createdAt: string; updatedAt: string }>(sql`
    select r.id, r.account_id as "accountId", a.name as "accountName", r.title, r.scheduled_at as "scheduledAt", r.status, r.agenda, r.outcomes,
      r.next_steps as "nextSteps", r.created_at as "createdAt", r.updated_at as "updatedAt",
      coalesce((select json_agg(json_build_object('userId', u.id, 'name', u.name) order by u.name)
        from account_review_members m join users u on u.id = m.user_id where m.workspace_id = r.workspace_id and m.review_id = r.id), '[]'::json) as members,
      coalesce((select json_agg(json_build_object('contactId', c.id, 'title', c.title,
          'name', coalesce(nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), c.email, '(no name)')) order by c.last_name, c.first_name, c.id)
        from account_review_contacts rc join contacts c on c.workspace_id = rc.workspace_id and c.id = rc.contact_id
        where rc.workspace_id = r.workspace_id and rc.review_id = r.id), '[]'::json) as contacts
    from account_reviews r join accounts a on a.workspace_id = r.workspace_id and a.id = r.account_id
    where r.workspace_id = ${workspaceId} and ${where}
    order by ${order} ${limit}`);
  return res.rows.map((r) => ({ ...r, scheduledAt: new Date(r.scheduledAt), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
}
