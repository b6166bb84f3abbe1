import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { assets, users } from "../../db/schema/index.js";
import type { Asset, AssetFacets, AssetSearchQuery } from "../../../shared/contracts/enablement-content.js";

export type AssetRow = Omit<typeof assets.$inferSelect, "search">;
type AssetInsert = Omit<typeof assets.$inferInsert, "search">;
const { search: _search, ...columns } = getTableColumns(assets);

/** A stored asset as the API shows it (the file key stays on the server). */
export function toAsset(r: AssetRow & { ownerName: string | null }, now: Date): Asset {
  return {
    id: r.id, kind: r.kind, title: r.title, summary: r.summary, body: r.body, tags: r.tags, format: r.format, buyingStage: r.buyingStage,
    personas: r.personas, products: r.products, competitors: r.competitors, ownerId: r.ownerId, ownerName: r.ownerName, status: r.status,
    expiresAt: r.expiresAt, isExpired: !!r.expiresAt && r.expiresAt <= now, productionCost: r.productionCost, url: r.url, fileName: r.fileName,
    fileMime: r.fileMime, fileSize: r.fileSize, reviewComment: r.reviewComment, reviewedAt: r.reviewedAt, publishedAt: r.publishedAt,
    createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

type SearchRow = { id: string; rank: number };
type FacetRow = { facet: keyof AssetFacets; value: string; count: number };

/** The search's conditions: text query, filters and status (published and unexpired unless a status is asked for). */
function searchWhere(workspaceId: string, q: AssetSearchQuery, now: Date): SQL {
  const parts: SQL[] = [sql`a.workspace_id = ${workspaceId}`];
  if (q.q) parts.push(sql`a.search @@ websearch_to_tsquery('english', ${q.q})`);
  if (q.stage) parts.push(sql`a.buying_stage = ${q.stage}`);
  if (q.format) parts.push(sql`a.format = ${q.format}`);
  if (q.persona) parts.push(sql`${q.persona} = any(a.personas)`);
  if (q.product) parts.push(sql`${q.product} = any(a.products)`);
  if (q.competitor) parts.push(sql`${q.competitor} = any(a.competitors)`);
  const status = q.status ?? "published";
  if (status !== "all") parts.push(sql`a.status = ${status}`);
  if (status === "published") parts.push(sql`(a.expires_at is null or a.expires_at > ${now})`);
  return sql.join(parts, sql` and `);
}

/** Data access for the content library. Every method takes the workspace id after the transaction. */
export function createAssetsRepository() {
  return {
    /** One asset with its owner's name, optionally locked. */
    async find(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select({ ...columns, ownerName: users.name }).from(assets).leftJoin(users, eq(users.id, assets.ownerId)).where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)));
      const [row] = lock ? await base.for("update", { of: assets }) : await base;
      return row ?? null;
    },

    /** Several assets by id, in no particular order. */
    async findMany(tx: Queryable, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return tx.select({ ...columns, ownerName: users.name }).from(assets).leftJoin(users, eq(users.id, assets.ownerId))
        .where(and(eq(assets.workspaceId, workspaceId), sql`${assets.id} = any(${sql.param(ids)}::uuid[])`));
    },

    /** Inserts an asset. */
    async insert(tx: Queryable, row: AssetInsert) {
      const [created] = await tx.insert(assets).values(row).returning(columns);
      return created!;
    },

    /** Updates an asset's fields. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<AssetInsert>) {
      const [updated] = await tx.update(assets).set(patch).where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id))).returning(columns);
      return updated!;
    },

    /** Full-text search ranked by ts_rank (title A, summary B, body/tags C), newest first without a query; one page plus the total. */
    async search(tx: Queryable, workspaceId: string, q: AssetSearchQuery, now: Date, offset: number) {
      const rank = q.q ? sql`ts_rank(a.search, websearch_to_tsquery('english', ${q.q}))` : sql`0`;
      const res = await tx.execute<SearchRow & { total: number }>(sql`
        select a.id, ${rank}::float8 as rank, count(*) over ()::int as total from assets a
        where ${searchWhere(workspaceId, q, now)}
        order by rank desc, a.updated_at desc, a.id
        limit ${q.limit + 1} offset ${offset}`);
      // A page past the end has no row to carry the window count: count without paging.
      const total = res.rows[0]?.total ?? (offset > 0 ? (await tx.execute<{ n: number }>(sql`select count(*)::int as n from assets a where ${searchWhere(workspaceId, q, now)}`)).rows[0]!.n : 0);
      return { ids: res.rows.map((r) => ({ id: r.id, rank: r.rank })), total };
    },

    /** Counts per stage, format, persona, product, competitor and status over everything the search matches. */
    async facets(tx: Queryable, workspaceId: string, q: AssetSearchQuery, now: Date): Promise<AssetFacets> {
      const res = await tx.execute<FacetRow>(sql`
        with m as (select a.buying_stage, a.format, a.personas, a.products, a.competitors, a.status from assets a where ${searchWhere(workspaceId, q, now)})
        select 'stage' as facet, buying_stage as value, count(*)::int as count from m group by 2
        union all select 'format', format, count(*)::int from m group by 2
        union all select 'status', status, count(*)::int from m group by 2
        union all select 'persona', p, count(*)::int from m cross join lateral unnest(m.personas) p group by 2
        union all select 'product', p, count(*)::int from m cross join lateral unnest(m.products) p group by 2
        union all select 'competitor', p, count(*)::int from m cross join lateral unnest(m.competitors) p group by 2
        order by 1, 3 desc, 2`);
      const facets: AssetFacets = { stage: [], format: [], persona: [], product: [], competitor: [], status: [] };
      for (const r of res.rows) facets[r.facet].push({ value: r.value, count: r.count });
      return facets;
    },

    /** Published, unexpired assets of a buying stage matching a persona or competitors, best match first. */
    async recommend(tx: Queryable, workspaceId: string, m: { stage: string; persona: string | null; competitors: string[] }, now: Date, limit: number) {
      const res = await tx.execute<{ id: string }>(sql`
        select a.id from assets a
        where a.workspace_id = ${workspaceId} and a.status = 'published' and (a.expires_at is null or a.expires_at > ${now}) and a.buying_stage = ${m.stage}
        order by (case when a.competitors && ${sql.param(m.competitors)}::text[] then 2 else 0 end)
               + (case when ${m.persona}::text = any(a.personas) then 1 else 0 end) desc, a.published_at desc nulls last, a.id
        limit ${limit}`);
      return res.rows.map((r) => r.id);
    },
  };
}

export type AssetsRepository = ReturnType<typeof createAssetsRepository>;
