/**
 * The demo's content library and its use (issue 7 part 1): the assets of enablement-library.ts plus a case study
 * per featured reference customer, and what sales did with them — deal attachments, tracked links sent to the deals'
 * buyers and leads, and the prospects' views, written as the shares service writes them (asset events, the share's
 * view count, `content_share` and `content_view` touchpoints, the viewer's engagement score moved as scoring would).
 * Only the `hot`/`warm` assets are used in the last 90 days, so most of the library shows as unused; content sits
 * far more often on won deals than on lost ones.
 */
import { createHash } from "node:crypto";
import type { PoolClient } from "pg";
import { applyTouch } from "../../shared/domain/scoring.js";
import { TOUCHPOINT_CATEGORIES } from "../../shared/domain/touchpoints.js";
import { DAY, HOUR } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { insertRows } from "./enablement-sql.js";
import { CASE_STUDY_HEADLINES, LIBRARY, SENT_BACK_COMMENT, type AssetSpec } from "./enablement-library.js";
import { mainProduct, type ReferenceAccount } from "./enablement-references.js";
import { ID_KIND } from "./ids.js";
import { Rng, mixSeed } from "./prng.js";
import { ENGAGEMENT_HALF_LIFE_DAYS, ENGAGEMENT_POINTS } from "./story.js";

type Asset = AssetSpec & { id: string; publishedAt: number | null };
type Deal = { id: string; owner_id: string; primary_contact_id: string | null; stage: string; outcome: string | null; created_at: Date; closed_at: Date | null; competitors: string[] };
type Lead = { id: string; sdr_id: string };

const ASSET_COLUMNS = ["workspace_id", "id", "kind", "title", "summary", "body", "tags", "format", "buying_stage", "personas", "products", "competitors", "owner_id", "status",
  "expires_at", "production_cost", "url", "review_comment", "reviewed_by", "reviewed_at", "published_at", "created_at", "updated_at"];
const USES: Record<AssetSpec["use"], [number, number]> = { hot: [12, 18], warm: [2, 6], old: [1, 3], never: [0, 0] };
const slug = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The case studies: one per featured reference customer (the first five), about the product it owns most. */
function caseStudies(refs: readonly ReferenceAccount[]): (AssetSpec & { accountId: string })[] {
  return refs.slice(0, 5).map((a, i) => {
    const product = mainProduct(a.products);
    return {
      accountId: a.id, title: `Case study: ${a.name} — ${CASE_STUDY_HEADLINES[product] ?? "a platform for every team"}`, format: "case_study", stage: "convert",
      personas: ["VP Engineering", "CTO"], products: [product], summary: `How ${a.name} (${a.industry ?? "technology"}) uses ${product}.`, tags: ["case study", (a.industry ?? "").toLowerCase()].filter(Boolean),
      cost: 3_500, use: i < 2 ? "warm" : "old", ageDays: 320 - i * 45,
    };
  });
}

/** Inserts the library; returns the assets by title and the case studies by reference account. */
async function insertAssets(client: PoolClient, ctx: DemoContext, refs: readonly ReferenceAccount[]): Promise<{ assets: Asset[]; byAccount: Map<string, string> }> {
  const w = ctx.workspaceId;
  const owners = [ctx.staff.marketingIds[1], ctx.staff.marketingIds[0], ctx.staff.marketingIds[2]].map((x) => x ?? ctx.staff.marketingManagerId);
  const reviewer = ctx.staff.ae.east[0] ?? ctx.staff.salesManagerId;
  const studies = caseStudies(refs);
  const byAccount = new Map<string, string>();
  const assets: Asset[] = [];
  const rows = [...LIBRARY, ...studies].map((spec, i) => {
    const id = ctx.ids.next(ID_KIND.asset);
    if ("accountId" in spec) byAccount.set(spec.accountId as string, id);
    const status = spec.status ?? "published";
    const created = ctx.now - (spec.ageDays + 10) * DAY;
    const publishedAt = status === "published" || status === "retired" ? ctx.now - spec.ageDays * DAY : null;
    const sentBack = spec.review === "sent_back";
    const updated = status === "retired" ? ctx.now - Math.floor(spec.ageDays / 3) * DAY : sentBack ? ctx.now - 2 * DAY : (publishedAt ?? created + 8 * DAY);
    assets.push({ ...spec, id, publishedAt });
    return [w, id, "link", spec.title, spec.summary, "", spec.tags, spec.format, spec.stage, spec.personas, spec.products, spec.competitors ?? [], owners[i % owners.length], status,
      spec.expiresInDays === undefined ? null : new Date(ctx.now + spec.expiresInDays * DAY), spec.cost ?? null, `https://northwind.example/resources/${slug(spec.title)}`,
      sentBack ? SENT_BACK_COMMENT : null, sentBack ? reviewer : null, sentBack ? new Date(ctx.now - 2 * DAY) : null, publishedAt === null ? null : new Date(publishedAt), new Date(created), new Date(updated)];
  });
  await insertRows(client, "assets", ASSET_COLUMNS, rows);
  return { assets, byAccount };
}

function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T | null {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let x = rng.next() * total;
  for (const t of items) if ((x -= weight(t)) < 0) return t;
  return null;
}

/** Inserts the library and its use; returns the assets' ids by title, the case studies by account and the row counts. */
export async function insertDemoContent(client: PoolClient, ctx: DemoContext, refs: readonly ReferenceAccount[]): Promise<{ assetIds: Map<string, string>; caseStudies: Map<string, string>; counts: Record<string, number> }> {
  const w = ctx.workspaceId;
  const rng = new Rng(mixSeed(ctx.seed, 0xa55e7));
  const { assets, byAccount } = await insertAssets(client, ctx, refs);
  const recentFrom = ctx.now - 85 * DAY;
  const { rows: deals } = await client.query<Deal>(
    `select d.id, d.owner_id, d.primary_contact_id, d.stage, d.outcome, d.created_at, d.closed_at,
       array(select c.name from deal_competitors dc join competitors c on c.workspace_id = dc.workspace_id and c.id = dc.competitor_id
             where dc.workspace_id = d.workspace_id and dc.deal_id = d.id order by c.name) as competitors
     from deals d where d.workspace_id = $1 and d.type in ('new', 'cross_sell') and d.owner_id is not null and d.created_at < $2
       and (d.closed_at is null or d.closed_at > $3) order by d.id`,
    [w, new Date(ctx.now - 2 * DAY), new Date(ctx.now - 420 * DAY)],
  );
  const { rows: leads } = await client.query<Lead>(
    "select id, sdr_id from contacts where workspace_id = $1 and stage in ('mql', 'sal') and sdr_id is not null order by id limit 300",
    [w],
  );
  const recent = deals.filter((d) => d.closed_at === null || d.closed_at.getTime() > recentFrom + DAY);
  const old = deals.filter((d) => d.closed_at !== null && d.closed_at.getTime() < ctx.now - 100 * DAY);

  const events: unknown[][] = [];
  const shares: unknown[][] = [];
  const attached: unknown[][] = [];
  const touches: { contact: string; type: "content_share" | "content_view"; at: number; asset: Asset; share: string; actor: string | null }[] = [];
  const onDeal = new Set<string>();
  const share = (a: Asset, at: number, actor: string, contact: string | null, deal: string | null) => {
    const id = ctx.ids.next(ID_KIND.enablement);
    // Only the hash of a tracked link's token is stored; the demo's tokens were never shown to anyone.
    const tokenHash = createHash("sha256").update(`${ctx.seed}:${id}:${rng.next()}`).digest("hex");
    const views = contact && rng.chance(0.7) ? rng.int(1, 4) : 0;
    let last: number | null = null;
    let seen = 0;
    events.push([w, ctx.ids.next(ID_KIND.enablement), a.id, "shared", actor, contact, deal, id, new Date(at)]);
    if (contact) touches.push({ contact, type: "content_share", at, asset: a, share: id, actor });
    for (let v = 0, t = at; v < views; v++) {
      t = Math.min(ctx.now - HOUR, t + Math.floor(rng.between(2 * HOUR, 4 * DAY)));
      if (t <= at) break;
      last = t;
      seen++;
      events.push([w, ctx.ids.next(ID_KIND.enablement), a.id, "viewed", null, contact, deal, id, new Date(t)]);
      touches.push({ contact: contact!, type: "content_view", at: t, asset: a, share: id, actor: null });
    }
    shares.push([w, id, a.id, tokenHash, contact, deal, actor, seen, last === null ? null : new Date(last), new Date(at)]);
  };

  for (const a of assets) {
    if (a.publishedAt === null || a.status === "retired" || a.use === "never") continue;
    const [lo, hi] = USES[a.use];
    const n = rng.int(lo, hi);
    const pool = a.use === "old" ? old : recent;
    const fits = (d: Deal) => (a.stage === "engage" || d.stage !== "discovery") && (!a.competitors?.length || a.competitors.some((c) => d.competitors.includes(c)));
    // Content travels with deals that are won: a won deal is six times as likely to carry it as a lost one (the rising
    // competitor's deals are mostly lost, and its one-pager would otherwise sit on losses only).
    const weight = (d: Deal) => (fits(d) && !onDeal.has(`${a.id}|${d.id}`) ? (d.outcome === "won" ? 3 : d.outcome === null ? 1.5 : 0.5) : 0);
    for (let k = 0; k < n; k++) {
      const lo2 = a.use === "old" ? a.publishedAt : Math.max(a.publishedAt, recentFrom);
      if (a.stage === "engage" && a.use !== "old" && leads.length > 0 && rng.chance(0.3)) {
        const lead = rng.pick(leads);
        share(a, lo2 + Math.floor(rng.next() * (ctx.now - DAY - lo2)), lead.sdr_id, lead.id, null);
        continue;
      }
      const d = pickWeighted(rng, pool, weight);
      if (!d) break;
      onDeal.add(`${a.id}|${d.id}`);
      const from = Math.max(lo2, d.created_at.getTime() + DAY);
      const to = Math.min(ctx.now - DAY, (d.closed_at?.getTime() ?? ctx.now) - HOUR);
      if (to <= from) continue;
      const at = from + Math.floor(rng.next() * (to - from));
      if (rng.chance(0.4)) {
        attached.push([w, d.id, a.id, d.owner_id, new Date(at)]);
        events.push([w, ctx.ids.next(ID_KIND.enablement), a.id, "attached", d.owner_id, null, d.id, null, new Date(at)]);
      } else share(a, at, d.owner_id, d.primary_contact_id, d.id);
    }
  }
  await insertRows(client, "asset_shares", ["workspace_id", "id", "asset_id", "token_hash", "contact_id", "deal_id", "shared_by", "views", "last_viewed_at", "created_at"], shares);
  await insertRows(client, "deal_assets", ["workspace_id", "deal_id", "asset_id", "attached_by", "attached_at"], attached);
  await insertRows(client, "asset_events", ["workspace_id", "id", "asset_id", "type", "actor_user_id", "contact_id", "deal_id", "share_id", "at"], events);
  const touchpoints = await insertTouches(client, ctx, touches);
  return { assetIds: new Map(assets.map((a) => [a.title, a.id])), caseStudies: byAccount, counts: { assets: assets.length, asset_shares: shares.length, deal_assets: attached.length, asset_events: events.length, touchpoints } };
}

/** The touchpoints the shares service appends, and the viewers' engagement moved by each view as scoring moves it. */
async function insertTouches(client: PoolClient, ctx: DemoContext, touches: { contact: string; type: "content_share" | "content_view"; at: number; asset: Asset; share: string; actor: string | null }[]): Promise<number> {
  const w = ctx.workspaceId;
  if (touches.length === 0) return 0;
  const ids = [...new Set(touches.map((t) => t.contact))];
  const { rows } = await client.query<{ id: string; account_id: string | null; engagement_score: number; engagement_at: Date | null }>(
    "select id, account_id, engagement_score, engagement_at from contacts where workspace_id = $1 and id = any($2::uuid[])",
    [w, ids],
  );
  const contacts = new Map(rows.map((r) => [r.id, { account: r.account_id, state: { score: r.engagement_score, at: r.engagement_at?.getTime() ?? null } }]));
  touches.sort((x, y) => x.at - y.at);
  const out = touches.map((t) => {
    const c = contacts.get(t.contact)!;
    const view = t.type === "content_view";
    if (view) c.state = applyTouch(c.state, ENGAGEMENT_POINTS.content_view, t.at, ENGAGEMENT_HALF_LIFE_DAYS);
    const properties = view ? { shareId: t.share, title: t.asset.title, format: t.asset.format, buyingStage: t.asset.stage } : { shareId: t.share, title: t.asset.title };
    return [w, ctx.ids.next(ID_KIND.touchpoint), t.contact, c.account, t.asset.id, t.type, TOUCHPOINT_CATEGORIES[t.type], new Date(t.at), new Date(t.at), JSON.stringify(properties), view ? "tracked_link" : "app", t.actor];
  });
  await insertRows(client, "touchpoints", ["workspace_id", "id", "contact_id", "account_id", "asset_id", "type", "category", "occurred_at", "received_at", "properties", "source", "actor_user_id"], out);
  const viewers = new Set(touches.filter((t) => t.type === "content_view").map((t) => t.contact));
  const moved = [...contacts].filter(([id]) => viewers.has(id));
  await client.query(
    `update contacts c set engagement_score = x.score, engagement_at = x.at from unnest($2::uuid[], $3::float8[], $4::timestamptz[]) as x(id, score, at)
     where c.workspace_id = $1 and c.id = x.id`,
    [w, moved.map(([id]) => id), moved.map(([, c]) => Math.round(c.state.score * 1000) / 1000), moved.map(([, c]) => (c.state.at === null ? null : new Date(c.state.at)))],
  );
  return out.length;
}
