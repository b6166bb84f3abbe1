import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { assets, contentSettings, customerReferences, referenceUses, users } from "../../db/schema/index.js";
import type { ReferenceFacets, ReferenceSearchQuery } from "../../../shared/contracts/enablement-references.js";
import type { ReferenceUseStatus } from "../../../shared/domain/content.js";

const { search: _search, ...columns } = getTableColumns(customerReferences);
export type ReferenceRow = Omit<typeof customerReferences.$inferSelect, "search">;
type ReferenceInsert = Omit<typeof customerReferences.$inferInsert, "search">;
export type ReferenceUseRow = typeof referenceUses.$inferSelect;
/** The quarter whose approved uses count against the cap, and the cap of references without their own. */
export type CapWindow = { start: Date; end: Date; defaultCap: number };
type FacetRow = { facet: keyof ReferenceFacets; value: string; count: number };

const byId = (workspaceId: string, id: string) => and(eq(customerReferences.workspaceId, workspaceId), eq(customerReferences.id, id));

/** Approved uses per reference in the window (the fatigue count). */
function usedCte(workspaceId: string, w: CapWindow): SQL {
  return sql`u as (select reference_id, count(*)::int as used from reference_uses
    where workspace_id = ${workspaceId} and status = 'approved' and decided_at >= ${w.start.toISOString()}::timestamptz and decided_at < ${w.end.toISOString()}::timestamptz
    group by reference_id)`;
}

function searchWhere(workspaceId: string, q: ReferenceSearchQuery, w: CapWindow): SQL {
  const parts: SQL[] = [sql`r.workspace_id = ${workspaceId}`];
  if (q.q) parts.push(sql`r.search @@ websearch_to_tsquery('english', ${q.q})`);
  if (q.industry) parts.push(sql`lower(r.industry) = lower(${q.industry})`);
  if (q.size) parts.push(sql`r.size = ${q.size}`);
  if (q.region) parts.push(sql`lower(r.region) = lower(${q.region})`);
  if (q.product) parts.push(sql`${q.product} = any(r.products)`);
  if (q.useCase) parts.push(sql`r.use_case = ${q.useCase}`);
  if (q.active !== "all") parts.push(sql`r.active = ${q.active === "true"}`);
  if (q.available) parts.push(sql`r.active and coalesce(u.used, 0) < coalesce(r.quarterly_cap, ${w.defaultCap})`);
  return sql.join(parts, sql` and `);
}

/** Data access for customer references, their uses and the workspace's reference cap. */
export function createReferencesRepository() {
  return {
    /** One reference with its owner's name, optionally locked (approvals lock it so two cannot pass the cap). */
    async find(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select({ ...columns, ownerName: users.name }).from(customerReferences).leftJoin(users, eq(users.id, customerReferences.ownerId)).where(byId(workspaceId, id));
      const [row] = lock ? await base.for("update", { of: customerReferences }) : await base;
      return row ?? null;
    },

    /** Several references by id, in no particular order. */
    findMany(tx: Queryable, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return tx.select({ ...columns, ownerName: users.name }).from(customerReferences).leftJoin(users, eq(users.id, customerReferences.ownerId))
        .where(and(eq(customerReferences.workspaceId, workspaceId), inArray(customerReferences.id, ids)));
    },

    /** Inserts a reference. */
    async insert(tx: Queryable, row: ReferenceInsert): Promise<ReferenceRow> {
      const [created] = await tx.insert(customerReferences).values(row).returning(columns);
      return created!;
    },

    /** Changes a reference. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<ReferenceInsert>): Promise<void> {
      await tx.update(customerReferences).set(patch).where(byId(workspaceId, id));
    },

    /** Approved uses of the references in the window, by reference id. */
    async usedIn(tx: Queryable, workspaceId: string, ids: string[], w: CapWindow): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const res = await tx.execute<{ reference_id: string; used: number }>(sql`with ${usedCte(workspaceId, w)} select reference_id, used from u where reference_id = any(${sql.param(ids)}::uuid[])`);
      return new Map(res.rows.map((r) => [r.reference_id, r.used]));
    },

    /** Catalogue search ranked by ts_rank (contact and industry A, use case B, quotes and products C); one page plus the total. */
    async search(tx: Queryable, workspaceId: string, q: ReferenceSearchQuery, w: CapWindow, offset: number) {
      const rank = q.q ? sql`ts_rank(r.search, websearch_to_tsquery('english', ${q.q}))` : sql`0`;
      const res = await tx.execute<{ id: string; rank: number; total: number }>(sql`
        with ${usedCte(workspaceId, w)}
        select r.id, ${rank}::float8 as rank, count(*) over ()::int as total
        from customer_references r left join u on u.reference_id = r.id
        where ${searchWhere(workspaceId, q, w)}
        order by rank desc, r.updated_at desc, r.id
        limit ${q.limit + 1} offset ${offset}`);
      // A page past the end has no row to carry the window count: count without paging.
      const total = res.rows[0]?.total ?? (offset > 0 ? (await tx.execute<{ n: number }>(sql`
        with ${usedCte(workspaceId, w)} select count(*)::int as n from customer_references r left join u on u.reference_id = r.id where ${searchWhere(workspaceId, q, w)}`)).rows[0]!.n : 0);
      return { ids: res.rows.map((r) => ({ id: r.id, rank: r.rank })), total };
    },

    /** Counts per industry, size, region, product and use case over everything the search matches. */
    async facets(tx: Queryable, workspaceId: string, q: ReferenceSearchQuery, w: CapWindow): Promise<ReferenceFacets> {
      const res = await tx.execute<FacetRow>(sql`
        with ${usedCte(workspaceId, w)},
        m as (select r.industry, r.size, r.region, r.products, r.use_case from customer_references r left join u on u.reference_id = r.id where ${searchWhere(workspaceId, q, w)})
        select 'industry' as facet, industry as value, count(*)::int as count from m where industry is not null group by 2
        union all select 'size', size, count(*)::int from m where size is not null group by 2
        union all select 'region', region, count(*)::int from m where region is not null group by 2
        union all select 'useCase', use_case, count(*)::int from m where use_case <> '' group by 2
        union all select 'product', p, count(*)::int from m cross join lateral unnest(m.products) p group by 2
        order by 1, 3 desc, 2`);
      const facets: ReferenceFacets = { industry: [], size: [], region: [], product: [], useCase: [] };
      for (const r of res.rows) facets[r.facet].push({ value: r.value, count: r.count });
      return facets;
    },

    /**
     * Active references of other accounts that match a deal's industry, size or products, scored one point per
     * match (each shared product a point), those below their cap first.
     */
    async suggest(tx: Queryable, workspaceId: string, m: { accountId: string; industry: string | null; size: string | null; products: string[]; exclude: string[] }, w: CapWindow, limit: number) {
      const products = m.products.map((p) => p.toLowerCase());
      const res = await tx.execute<{ id: string }>(sql`
        with ${usedCte(workspaceId, w)},
        s as (select r.id, r.updated_at, coalesce(u.used, 0) < coalesce(r.quarterly_cap, ${w.defaultCap}) as free,
          (case when lower(r.industry) = lower(${m.industry}::text) then 1 else 0 end)
          + (case when r.size = ${m.size}::text then 1 else 0 end)
          + (select count(*)::int from unnest(r.products) p where lower(p) = any(${sql.param(products)}::text[])) as score
          from customer_references r left join u on u.reference_id = r.id
          where r.workspace_id = ${workspaceId} and r.active and r.account_id <> ${m.accountId} and not (r.id = any(${sql.param(m.exclude)}::uuid[])))
        select id from s where score > 0 order by free desc, score desc, updated_at desc, id limit ${limit}`);
      return res.rows.map((r) => r.id);
    },

    /** The workspace's reference cap per quarter, when set. */
    async settings(tx: Queryable, workspaceId: string): Promise<number | null> {
      const [row] = await tx.select({ cap: contentSettings.referenceQuarterlyCap }).from(contentSettings).where(eq(contentSettings.workspaceId, workspaceId));
      return row?.cap ?? null;
    },

    /** Sets the workspace's reference cap per quarter. */
    async saveSettings(tx: Queryable, workspaceId: string, cap: number, at: Date): Promise<void> {
      await tx.insert(contentSettings).values({ workspaceId, referenceQuarterlyCap: cap, updatedAt: at })
        .onConflictDoUpdate({ target: [contentSettings.workspaceId], set: { referenceQuarterlyCap: cap, updatedAt: at } });
    },

    /** The workspace's time zone (the fatigue cap counts calendar quarters there). */
    async zone(tx: Queryable, workspaceId: string): Promise<string> {
      const res = await tx.execute<{ timezone: string }>(sql`select timezone from workspaces where id = ${workspaceId}`);
      return res.rows[0]?.timezone ?? "UTC";
    },

    /** Which of these ids are assets of the workspace, with their title, format and status. */
    assets(tx: Queryable, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return tx.select({ id: assets.id, title: assets.title, format: assets.format, status: assets.status }).from(assets).where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, ids)));
    },

    /** One use (request), optionally locked. */
    async findUse(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<ReferenceUseRow | null> {
      const base = tx.select().from(referenceUses).where(and(eq(referenceUses.workspaceId, workspaceId), eq(referenceUses.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** Uses filtered by reference, deal, status or the references some owner holds; newest first. */
    listUses(tx: Queryable, workspaceId: string, f: { referenceId?: string; dealId?: string; status?: ReferenceUseStatus; ownerId?: string; statuses?: ReferenceUseStatus[] }, limit = 200) {
      const parts: SQL[] = [sql`${referenceUses.workspaceId} = ${workspaceId}`];
      if (f.referenceId) parts.push(sql`${referenceUses.referenceId} = ${f.referenceId}`);
      if (f.dealId) parts.push(sql`${referenceUses.dealId} = ${f.dealId}`);
      if (f.status) parts.push(sql`${referenceUses.status} = ${f.status}`);
      if (f.statuses) parts.push(inArray(referenceUses.status, f.statuses));
      if (f.ownerId) {
        parts.push(sql`${referenceUses.referenceId} in (select id from customer_references where workspace_id = ${workspaceId} and owner_id = ${f.ownerId})`);
      }
      return tx.select().from(referenceUses).where(and(...parts)).orderBy(desc(referenceUses.createdAt), desc(referenceUses.id)).limit(limit);
    },

    /** Inserts a use (a request). */
    async insertUse(tx: Queryable, row: typeof referenceUses.$inferInsert): Promise<ReferenceUseRow> {
      const [created] = await tx.insert(referenceUses).values(row).returning();
      return created!;
    },

    /** Records the decision on a use. */
    async decideUse(tx: Queryable, workspaceId: string, id: string, patch: Pick<ReferenceUseRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">): Promise<void> {
      await tx.update(referenceUses).set(patch).where(and(eq(referenceUses.workspaceId, workspaceId), eq(referenceUses.id, id)));
    },

    /** Names of members by user id. */
    async userNames(tx: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}

export type ReferencesRepository = ReturnType<typeof createReferencesRepository>;
