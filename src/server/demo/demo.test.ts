import { eq, sql } from "drizzle-orm";
import { contacts as contactsTable } from "../db/schema/index.js";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness } from "../../../test/harness.js";
import { matchPersona, type PersonaCriteria, type PersonaSubject } from "../../shared/domain/personas.js";
import { STAGES_REQUIRING_REASON, canTransition, type Stage } from "../../shared/domain/lifecycle.js";
import { DEFAULT_REASON_CODES, REASON_KIND_FOR } from "../../shared/domain/reasons.js";
import { TOUCHPOINT_CATEGORIES } from "../../shared/domain/touchpoints.js";
import { SENIORITIES } from "../../shared/contracts/contacts.js";
import { gradeFor, scoreFit } from "../../shared/domain/scoring.js";
import { replayTouches } from "../../shared/domain/scoring-replay.js";
import { fitSubjectOf } from "../modules/crm/scoring-access.js";
import { createScoringScanRepository } from "../modules/scoring/scoring-scan.repository.js";
import { EBOOK_CAMPAIGN, RISING_COMPETITOR, createDemoWorkspace, type DemoResult } from "./index.js";
import { choosePlaybook } from "../../shared/domain/playbooks.js";
import { systemActor } from "../platform/actor.js";
import { whitespaceMatrix } from "../reports/whitespace.report.js";
import { whitespaceTargets } from "../reports/whitespace-targets.report.js";
import { WHITESPACE_CAMPAIGN, WHITESPACE_PRODUCT } from "./growth.js";

const NOW = "2026-03-02T09:00:00Z";
const h = useHarness({ now: NOW });
const SEED = 7;
const CONTACTS = 3000;
const HOUR = 3_600_000;

let a: DemoResult;
let b: DemoResult;

async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await h.tdb.ownerDb.pool.query(text, params)).rows as T[];
}

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  return (await rows<T>(text, params))[0] as T;
}

beforeAll(async () => {
  const deps = { ownerDb: h.tdb.ownerDb, workspaces: h.modules.identity.workspaces, sla: h.modules.sla, handoffs: h.modules.routing.handoffs, attribution: h.modules.attribution.attribution };
  const phases = new Set<string>();
  a = await createDemoWorkspace(deps, { seed: SEED, contacts: CONTACTS, password: "demo-password-1", now: new Date(NOW), slug: "demo-a", onProgress: (_d, _t, p) => phases.add(p) });
  b = await createDemoWorkspace(deps, { seed: SEED, contacts: CONTACTS, password: "demo-password-1", now: new Date(NOW), slug: "demo-b" });
  expect([...phases]).toEqual(["users", "contacts", "attribution", "analyze"]);
}, 300_000); // two 3,000-contact workspaces: about a minute on a quiet machine, more when tests share it

describe("demo workspace", () => {
  it("creates the staff, who can log in with the given password", async () => {
    expect(a.logins).toHaveLength(12);
    expect(a.logins.filter((l) => l.role === "sales").map((l) => l.email)).toEqual(["ae.east1@demo-a.northwind.demo", "ae.east2@demo-a.northwind.demo", "ae.west1@demo-a.northwind.demo", "ae.west2@demo-a.northwind.demo"]);
    const teams = await rows<{ name: string; n: number }>("select t.name, count(m.user_id)::int n from teams t left join memberships m on m.workspace_id = t.workspace_id and m.team_id = t.id where t.workspace_id = $1 group by 1 order by 1", [a.workspaceId]);
    expect(teams).toEqual([{ name: "AE East", n: 2 }, { name: "AE West", n: 2 }, { name: "Demand Gen", n: 4 }, { name: "SDR", n: 2 }]);
    const res = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "sdr1@demo-a.northwind.demo", password: "demo-password-1" } });
    expect(res.statusCode).toBe(200);
  });

  it("is deterministic: the same seed and now give the same rows, ids included", async () => {
    expect(b.counts).toEqual(a.counts);
    expect(a.counts.contacts).toBe(CONTACTS);
    expect(a.counts.touchpoints).toBeGreaterThan(CONTACTS * 8);
    const fingerprints = {
      contacts: "md5(string_agg(concat_ws('|', id, account_id, email, stage, stage_entered_at, cycle, fit_points, engagement_score, mql_at, original_campaign_id), ',' order by id))",
      deals: "md5(string_agg(concat_ws('|', id, account_id, primary_contact_id, type, stage, amount, created_at, closed_at, outcome, reason_code, competitor), ',' order by id))",
      touchpoints: "md5(string_agg(concat_ws('|', id, contact_id, campaign_id, type, occurred_at, properties::text), ',' order by id))",
      stage_transitions: "md5(string_agg(concat_ws('|', id, contact_id, from_stage, to_stage, at, reason_code), ',' order by id))",
      campaign_costs: "md5(string_agg(concat_ws('|', id, campaign_id, incurred_on, amount), ',' order by id))",
      assets: "md5(string_agg(concat_ws('|', id, title, status, published_at, expires_at, production_cost), ',' order by id))",
      asset_events: "md5(string_agg(concat_ws('|', id, asset_id, type, contact_id, deal_id, share_id, at), ',' order by id))",
      deal_competitors: "md5(string_agg(concat_ws('|', deal_id, competitor_id, created_at), ',' order by deal_id, competitor_id))",
      reference_uses: "md5(string_agg(concat_ws('|', id, reference_id, deal_id, status, decided_at), ',' order by id))",
      attribution_credits: "md5(string_agg(concat_ws('|', deal_id, basis, touchpoint_id, position, w_first, w_last, w_linear, w_u_shaped, w_w_shaped, w_time_decay), ',' order by deal_id, basis, position))",
    };
    for (const [table, expr] of Object.entries(fingerprints)) {
      const [x, y] = await Promise.all([a, b].map((d) => one<{ f: string; n: number }>(`select ${expr} f, count(*)::int n from ${table} where workspace_id = $1`, [d.workspaceId])));
      expect(y, table).toEqual(x);
      expect(x?.n, table).toBe(a.counts[table]);
    }
    const ids = await rows<{ id: string }>("select id from contacts where workspace_id = $1 union all select id from touchpoints where workspace_id = $1", [a.workspaceId]);
    expect(ids.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id))).toBe(true);
    const byType = (ws: string) => rows("select type, count(*)::int n, sum(amount)::text total from deals where workspace_id = $1 group by 1 order by 1", [ws]);
    expect(await byType(b.workspaceId)).toEqual(await byType(a.workspaceId));
  });

  it("gives contacts only seniorities the contacts API accepts (editing a demo contact must not fail on its own data)", async () => {
    const values = await rows<{ seniority: string }>("select distinct seniority from contacts where workspace_id = $1 and seniority is not null order by 1", [a.workspaceId]);
    expect(values.length).toBeGreaterThan(3);
    for (const { seniority } of values) expect(SENIORITIES).toContain(seniority);
  });

  it("moves every contact only along the lifecycle table, with reasons and consistent stamps", async () => {
    type Tr = { contact_id: string; from_stage: Stage | null; to_stage: Stage; at: Date; reason_code: string | null };
    const transitions = await rows<Tr>("select contact_id, from_stage, to_stage, at, reason_code from stage_transitions where workspace_id = $1 order by contact_id, at", [a.workspaceId]);
    const contacts = await rows<Record<string, unknown> & { id: string; stage: Stage; stage_entered_at: Date; cycle: number }>("select * from contacts where workspace_id = $1", [a.workspaceId]);
    const byContact = new Map<string, Tr[]>();
    for (const t of transitions) byContact.set(t.contact_id, [...(byContact.get(t.contact_id) ?? []), t]);
    expect(byContact.size).toBe(contacts.length);
    const kinds = new Map(Object.entries(DEFAULT_REASON_CODES).map(([k, list]) => [k, new Set(list.map((r) => r.code))]));
    for (const c of contacts) {
      const path = byContact.get(c.id) ?? [];
      expect(path[0]?.from_stage).toBeNull();
      const stamps = new Map<Stage, number>();
      path.forEach((t, i) => {
        const prev = path[i - 1];
        if (prev) {
          expect(t.from_stage).toBe(prev.to_stage);
          expect(canTransition(prev.to_stage, t.to_stage), `${prev.to_stage} → ${t.to_stage}`).toBe(true);
          expect(t.at.getTime()).toBeGreaterThan(prev.at.getTime());
        }
        if (STAGES_REQUIRING_REASON.has(t.to_stage)) {
          const kind = REASON_KIND_FOR[t.to_stage as keyof typeof REASON_KIND_FOR];
          expect(kinds.get(kind)?.has(t.reason_code ?? ""), `${t.to_stage} reason ${t.reason_code}`).toBe(true);
        } else expect(t.reason_code).toBeNull();
        // The lifecycle service's rule: first time reached, except that recycling clears the funnel stamps.
        if (t.to_stage === "recycled") {
          for (const s of ["mql", "sal", "sql", "opportunity"] as const) stamps.delete(s);
          stamps.set("recycled", t.at.getTime());
        } else if (!stamps.has(t.to_stage)) stamps.set(t.to_stage, t.at.getTime());
      });
      const last = path[path.length - 1];
      expect(c.stage).toBe(last?.to_stage);
      expect((c.stage_entered_at as Date).getTime()).toBe(last?.at.getTime());
      expect(c.cycle).toBe(1 + path.filter((t) => t.to_stage === "recycled").length);
      for (const s of ["subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer", "rejected", "recycled", "disqualified", "lost", "no_decision"] as const) {
        expect((c[`${s}_at`] as Date | null)?.getTime() ?? null, `${s}_at`).toBe(stamps.get(s) ?? null);
      }
    }
  });

  it("closes deals consistently and keeps their stage history in step", async () => {
    const bad = await one<{ n: number }>(
      `select count(*)::int n from deals where workspace_id = $1 and not (
         (closed_at is null and outcome is null and reason_code is null and stage not in ('closed_won', 'closed_lost'))
         or (closed_at > created_at and reason_code is not null
             and ((outcome = 'won' and stage = 'closed_won') or (outcome in ('lost', 'no_decision') and stage = 'closed_lost'))))`,
      [a.workspaceId],
    );
    expect(bad.n).toBe(0);
    const history = await rows<{ deal_id: string; from_stage: string | null; to_stage: string; at: Date; stage: string; created_at: Date; closed_at: Date | null }>(
      "select h.deal_id, h.from_stage, h.to_stage, h.at, d.stage, d.created_at, d.closed_at from deal_stage_history h join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id where h.workspace_id = $1 order by h.deal_id, h.at",
      [a.workspaceId],
    );
    const byDeal = new Map<string, typeof history>();
    for (const r of history) byDeal.set(r.deal_id, [...(byDeal.get(r.deal_id) ?? []), r]);
    expect(byDeal.size).toBe(a.counts.deals);
    for (const path of byDeal.values()) {
      expect(path[0]?.from_stage).toBeNull();
      expect(path[0]?.at.getTime()).toBe(path[0]?.created_at.getTime());
      path.slice(1).forEach((r, i) => expect(r.from_stage).toBe(path[i]?.to_stage));
      const last = path[path.length - 1];
      expect(last?.to_stage).toBe(last?.stage);
      if (last?.closed_at) expect(last.at.getTime()).toBe(last.closed_at.getTime());
    }
    const roles = await rows<{ role: string }>("select distinct role from deal_contacts where workspace_id = $1 order by 1", [a.workspaceId]);
    expect(roles.map((r) => r.role)).toEqual(["blocker", "champion", "decision_maker", "influencer", "user"]);
  });

  it("keeps touchpoint categories, campaign costs and the time window right", async () => {
    const pairs = await rows<{ type: keyof typeof TOUCHPOINT_CATEGORIES; category: string }>("select distinct type, category from touchpoints where workspace_id = $1", [a.workspaceId]);
    for (const p of pairs) expect(p.category, p.type).toBe(TOUCHPOINT_CATEGORIES[p.type]);
    expect(pairs.length).toBe(Object.keys(TOUCHPOINT_CATEGORIES).length);
    const span = await one<{ lo: Date; hi: Date }>("select min(occurred_at) lo, max(occurred_at) hi from touchpoints where workspace_id = $1", [a.workspaceId]);
    expect(span.hi.getTime()).toBeLessThanOrEqual(Date.parse(NOW));
    expect(span.lo.getTime()).toBeGreaterThanOrEqual(Date.parse("2024-09-02T09:00:00Z"));
    const costs = await one<{ off: number; campaigns: number; channels: number }>(
      `select count(*) filter (where k.actual_cost <> coalesce((select sum(amount) from campaign_costs cc where cc.workspace_id = k.workspace_id and cc.campaign_id = k.id), 0))::int off,
              count(*)::int campaigns, count(distinct channel)::int channels from campaigns k where k.workspace_id = $1`,
      [a.workspaceId],
    );
    // 30 story campaigns and the whitespace campaign (growth.ts).
    expect(costs).toEqual({ off: 0, campaigns: 31, channels: 10 });
    const codes = await rows<{ kind: string; code: string }>("select kind, code from reason_codes where workspace_id = $1", [a.workspaceId]);
    expect(codes.length).toBe(Object.values(DEFAULT_REASON_CODES).flat().length);
  });

  it("tells the story: rejected ebook leads, a slow team, a rising competitor and rising cost per MQL", async () => {
    const ebook = await rows<{ ebook: boolean; rate: number }>(
      `with m as (select distinct c.id, coalesce(k.name = $2, false) ebook from stage_transitions t join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
                  left join campaigns k on k.workspace_id = c.workspace_id and k.id = c.original_campaign_id where t.workspace_id = $1 and t.to_stage = 'mql')
       select ebook, avg((exists (select 1 from stage_transitions r where r.workspace_id = $1 and r.contact_id = m.id and r.from_stage = 'mql' and r.to_stage = 'rejected'))::int)::float rate from m group by 1 order by 1`,
      [a.workspaceId, EBOOK_CAMPAIGN],
    );
    expect(ebook[1]?.rate).toBeGreaterThan(0.75);
    expect(ebook[0]?.rate).toBeLessThan(0.45);

    const sla = await rows<{ team: string; median: number }>(
      `select tm.name team, percentile_cont(0.5) within group (order by extract(epoch from nx.at - t.at) / 3600) median
       from stage_transitions t
       join lateral (select x.to_stage, x.at from stage_transitions x where x.workspace_id = t.workspace_id and x.contact_id = t.contact_id and x.at > t.at order by x.at limit 1) nx on nx.to_stage in ('sal', 'rejected')
       join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
       join memberships m on m.workspace_id = c.workspace_id and m.user_id = c.owner_id join teams tm on tm.workspace_id = m.workspace_id and tm.id = m.team_id
       where t.workspace_id = $1 and t.to_stage = 'mql' group by 1 order by 1`,
      [a.workspaceId],
    );
    expect(sla.map((s) => s.team)).toEqual(["AE East", "AE West"]);
    expect(sla[0]?.median).toBeLessThan(4);
    expect(sla[1]?.median).toBeGreaterThan(24);

    const share = (from: number, to: number) =>
      one<{ share: number }>("select avg((competitor = $2)::int)::float share from deals where workspace_id = $1 and outcome = 'lost' and closed_at >= $3 and closed_at < $4", [
        a.workspaceId, RISING_COMPETITOR.name, new Date(Date.parse(NOW) - from * 24 * HOUR), new Date(Date.parse(NOW) - to * 24 * HOUR),
      ]);
    const [lastQuarter, yearEarlier] = [await share(91, 0), await share(365 + 91, 365)];
    expect(lastQuarter.share).toBeGreaterThan(yearEarlier.share + 0.15);

    const cpm = (from: number, to: number) =>
      one<{ v: number }>(
        `select (select sum(amount) from campaign_costs where workspace_id = $1 and incurred_on >= ($2::timestamptz)::date and incurred_on < ($3::timestamptz)::date)::float
              / (select count(*) from stage_transitions where workspace_id = $1 and to_stage = 'mql' and at >= $2 and at < $3) v`,
        [a.workspaceId, new Date(from), new Date(to)],
      );
    const [early, late] = [await cpm(Date.parse("2024-10-01"), Date.parse("2025-04-01")), await cpm(Date.parse("2025-09-01"), Date.parse("2026-03-01"))];
    expect(late.v).toBeGreaterThan(early.v * 1.5);
  });

  it("tells the SLA story: AE West breaches its accept promise, AE East keeps it, marketing misses its acceptance rate", async () => {
    const ledger = await h.modules.sla.ledger.ledger(
      { workspaceId: a.workspaceId, actor: { kind: "user", userId: (await one<{ id: string }>("select user_id id from memberships where workspace_id = $1 and role = 'admin'", [a.workspaceId])).id, name: "t", role: "admin", tokenId: null, scopes: ["read"] }, sessionId: null, requestId: "t" },
      { from: "2025-09-01", to: "2026-03-01" },
    );
    const team = (name: string) => ledger.sales.byTeam.find((t) => t.kind === "accept" && t.teamName === name)!;
    expect(team("AE West").attainment!).toBeLessThan(0.5);
    expect(team("AE East").attainment!).toBeGreaterThan(0.75);
    expect(team("AE West").breached).toBeGreaterThan(team("AE East").breached);
    expect(ledger.breaches.length).toBeGreaterThan(0);
    const results = await rows<{ met: boolean; acceptance_rate: number }>("select met, acceptance_rate from sla_period_results where workspace_id = $1 order by period_start", [a.workspaceId]);
    expect(results).toHaveLength(6);
    expect(results.some((r) => !r.met && r.acceptance_rate < 0.6)).toBe(true);
    // Every lead a rep holds comes with its handoff context.
    const bare = await one<{ n: number; open: number }>(
      `select count(*) filter (where not exists (select 1 from handoffs h where h.workspace_id = c.workspace_id and h.contact_id = c.id))::int n, count(*)::int open
       from contacts c where c.workspace_id = $1 and c.stage in ('mql', 'sal') and c.owner_id is not null`,
      [a.workspaceId],
    );
    expect(bare.open).toBeGreaterThan(0);
    expect(bare.n).toBe(0);
    // The backfill reads handoff facts 500 leads at a time: batched, each contact gets exactly its own facts.
    const access = h.modules.crm.routingAccess;
    await h.tdb.ownerDb.inWorkspace(a.workspaceId, async (tx) => {
      const sample = await tx.select().from(contactsTable).where(eq(contactsTable.workspaceId, a.workspaceId)).orderBy(contactsTable.id).limit(600);
      expect(sample.length).toBeGreaterThan(500);
      const batched = await access.handoffFactsMany(tx, a.workspaceId, sample, 20);
      for (const c of sample) expect(batched.get(c.id)).toEqual(await access.handoffFacts(tx, a.workspaceId, c, 20));
      expect(sample.some((c) => batched.get(c.id)!.recent.length > 0 && batched.get(c.id)!.mqlNote !== null)).toBe(true);
    });
    // Open timers carry on from now only: nothing in the past is left to fire at the first tick.
    const overdue = await one<{ n: number }>("select count(*)::int n from sla_timers where workspace_id = $1 and next_fire_at < $2", [a.workspaceId, new Date(NOW)]);
    expect(overdue.n).toBe(0);
  });

  it("tells the story: persona drift, the meeting-booking SDR and whitespace at customers", async () => {
    const mqlPersonas = await rows<{ persona: string }>(
      "select c.persona from stage_transitions t join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id where t.workspace_id = $1 and t.to_stage = 'mql' and c.persona is not null group by 1 order by count(distinct c.id) desc",
      [a.workspaceId],
    );
    expect(mqlPersonas[0]?.persona).toBe("IT Manager");
    const buyers = await one<{ execs: number; it: number }>(
      `select avg((c.persona in ('VP Engineering', 'CTO'))::int)::float execs, avg((c.persona = 'IT Manager')::int)::float it
       from deals d join deal_contacts dc on dc.workspace_id = d.workspace_id and dc.deal_id = d.id join contacts c on c.workspace_id = dc.workspace_id and c.id = dc.contact_id
       where d.workspace_id = $1 and d.outcome = 'won' and dc.role in ('decision_maker', 'champion')`,
      [a.workspaceId],
    );
    expect(buyers.execs).toBeGreaterThan(0.6);
    expect(buyers.it).toBeLessThan(0.1);

    const sdrs = await rows<{ email: string; meetings: number; deals: number; win_rate: number; avg_won: number }>(
      `select u.email, (select count(*) from touchpoints t where t.workspace_id = $1 and t.actor_user_id = u.id and t.type = 'meeting')::int meetings,
              count(d.id)::int deals, avg((d.outcome = 'won')::int) filter (where d.outcome is not null)::float win_rate, avg(d.amount) filter (where d.outcome = 'won')::float avg_won
       from memberships m join users u on u.id = m.user_id left join deals d on d.workspace_id = m.workspace_id and d.sdr_id = u.id
       where m.workspace_id = $1 and m.role = 'sdr' group by u.id, u.email order by u.email`,
      [a.workspaceId],
    );
    const [volume, quality] = sdrs;
    expect(volume?.email).toMatch(/^sdr1@/);
    expect(volume!.meetings).toBeGreaterThan(2 * quality!.meetings);
    expect(volume!.deals).toBeGreaterThan(quality!.deals);
    expect(volume!.win_rate).toBeLessThan(0.2);
    expect(quality!.win_rate).toBeGreaterThan(volume!.win_rate + 0.1);
    expect(quality!.avg_won).toBeGreaterThan(volume!.avg_won * 1.5);

    const owned = await one<{ few: number; customers: number }>(
      `select avg((n <= 2)::int)::float few, count(*)::int customers from (select a.id, count(p.product_id) n from accounts a join account_products p on p.workspace_id = a.workspace_id and p.account_id = a.id
       where a.workspace_id = $1 and a.customer_status = 'customer' group by a.id) x`,
      [a.workspaceId],
    );
    expect(owned.customers).toBeGreaterThan(20);
    expect(owned.few).toBeGreaterThan(0.6);
  });

  it("shows whitespace in its customer base: products owned, open cross-sell deals, a whitespace campaign and business reviews", async () => {
    const m = await whitespaceMatrix(h.tdb.ownerDb.orm, a.workspaceId, { customerStatus: "customer", limit: 2000 });
    expect(m.products).toHaveLength(8);
    // Every customer owns something, most products are whitespace somewhere, and a few cells are in pipeline.
    expect(m.rows.every((r) => r.cells.some((c) => c.state === "owned"))).toBe(true);
    expect(m.totals.whitespace).toBeGreaterThan(m.totals.owned);
    expect(m.totals.pipeline).toBeGreaterThanOrEqual(2);
    const openGrowth = await one<{ n: number }>(
      `select count(*)::int n from deals d join deal_products dp on dp.workspace_id = d.workspace_id and dp.deal_id = d.id
       where d.workspace_id = $1 and d.closed_at is null and d.type in ('cross_sell', 'upsell')`,
      [a.workspaceId],
    );
    expect(openGrowth.n).toBeGreaterThanOrEqual(2);
    const analytics = m.products.find((p) => p.name === WHITESPACE_PRODUCT)!;
    const campaign = await one<{ id: string; product_id: string }>(
      "select k.id, t.product_id from campaigns k join campaign_whitespace_targets t on t.workspace_id = k.workspace_id and t.campaign_id = k.id where k.workspace_id = $1 and k.name = $2",
      [a.workspaceId, WHITESPACE_CAMPAIGN],
    );
    expect(campaign.product_id).toBe(analytics.productId);
    // The campaign reaches exactly the product's whitespace cells.
    const reach = await whitespaceTargets(h.tdb.ownerDb.orm, a.workspaceId, { productId: analytics.productId, segment: null, customerStatus: "customer" });
    expect(reach.accountCount).toBe(analytics.whitespace);
    expect(reach.contactCount).toBeGreaterThan(0);
    const reviews = await rows<{ status: string; upcoming: boolean; members: number; people: number }>(
      `select r.status, r.scheduled_at > $2 upcoming,
         (select count(*)::int from account_review_members m where m.workspace_id = r.workspace_id and m.review_id = r.id) members,
         (select count(*)::int from account_review_contacts c where c.workspace_id = r.workspace_id and c.review_id = r.id) people
       from account_reviews r where r.workspace_id = $1 order by r.scheduled_at`,
      [a.workspaceId, NOW],
    );
    expect(reviews.map((r) => [r.status, r.upcoming])).toEqual([["held", false], ["scheduled", true], ["scheduled", true]]);
    expect(reviews.every((r) => r.members >= 1 && r.people >= 1)).toBe(true);
  });

  it("shows field insights: the field's voice on the largest open deals, votes kept in step, marketing's triage and a ride-along", async () => {
    const items = await rows<{ kind: string; status: string; votes: number; counted: number; ride: boolean; deal: boolean; action: string | null }>(
      `select i.kind, i.status, i.votes, (select count(*)::int from insight_votes v where v.workspace_id = i.workspace_id and v.insight_id = i.id) counted,
         i.ride_along_id is not null ride, i.deal_id is not null deal, i.action_taken action
       from insights i where i.workspace_id = $1 order by i.created_at, i.id`,
      [a.workspaceId],
    );
    expect(items).toHaveLength(8);
    expect(a.counts.insights).toBe(8);
    expect(items.every((i) => i.votes === i.counted && i.deal)).toBe(true);
    expect(items.map((i) => i.status).sort()).toEqual(["actioned", "new", "new", "new", "new", "new", "new", "reviewed"]);
    expect(items.find((i) => i.status === "actioned")!.action).toContain("Battlecard updated");
    expect(items.filter((i) => i.ride).map((i) => i.kind)).toEqual(["objection", "decision_criterion"]);
    const ride = await one<{ n: number; reps: number }>("select count(*)::int n, max(cardinality(attendees))::int reps from ride_alongs where workspace_id = $1", [a.workspaceId]);
    expect(ride).toEqual({ n: 1, reps: 1 });
    // Users are created through identity with ids of their own per workspace: the submitter is compared by name.
    const fingerprint = (ws: string) => one<{ f: string }>("select md5(string_agg(concat_ws('|', i.id, i.kind, i.status, i.deal_id, u.name, i.votes, i.created_at), ',' order by i.id)) f from insights i join users u on u.id = i.submitted_by where i.workspace_id = $1", [ws]);
    expect(await fingerprint(b.workspaceId)).toEqual(await fingerprint(a.workspaceId));
  });

  it("shows the enablement hub: a mostly unused library, battlecards on deals, a campaign launched below readiness, a reference at its cap", async () => {
    const adminId = (await one<{ id: string }>("select user_id id from memberships where workspace_id = $1 and role = 'admin'", [a.workspaceId])).id;
    const ctx = { workspaceId: a.workspaceId, sessionId: null, requestId: "t", actor: { kind: "user" as const, userId: adminId, name: "t", role: "admin" as const, tokenId: null, scopes: ["read", "write"] as const } };
    const api = h.as(await h.modules.identity.tokens.createToken(ctx, { name: "enablement", scopes: ["read"] }));
    // Most of the library is unused (never, or not in the last 90 days); what is used sits more on won deals.
    const unused = json<{ library: number; neverUsed: number; stale: number; unusedShare: number }>(await api.get("/api/v1/reports/content-unused"));
    expect(unused.library).toBeGreaterThanOrEqual(40);
    expect(unused.unusedShare).toBeGreaterThan(0.5);
    expect(unused.unusedShare).toBeLessThan(0.8);
    expect(unused.neverUsed).toBeGreaterThan(0);
    expect(unused.stale).toBeGreaterThan(0);
    const eff = json<{ withContent: { won: number; winRate: number }; withoutContent: { winRate: number }; rows: { title: string }[] }>(await api.get("/api/v1/reports/content-effectiveness"));
    expect(eff.withContent.won).toBeGreaterThan(0);
    expect(eff.withContent.winRate).toBeGreaterThan(eff.withoutContent.winRate);
    expect(eff.rows.map((r) => r.title)).not.toContain("The IT Manager's Guide to Cloud Costs");
    // Every tracked-link view came back as a content_view touchpoint on the viewer, as the shares service writes it.
    const views = await one<{ events: number; touches: number; counted: number }>(
      `select (select count(*) from asset_events where workspace_id = $1 and type = 'viewed')::int events,
              (select count(*) from touchpoints where workspace_id = $1 and type = 'content_view' and source = 'tracked_link' and asset_id is not null)::int touches,
              (select sum(views) from asset_shares where workspace_id = $1)::int counted`,
      [a.workspaceId],
    );
    expect(views.events).toBeGreaterThan(0);
    expect([views.touches, views.counted]).toEqual([views.events, views.events]);
    // The rising competitor's battlecard reaches an open deal tagged with it.
    const open = await one<{ id: string }>(
      `select d.id from deals d join deal_competitors dc on dc.workspace_id = d.workspace_id and dc.deal_id = d.id join competitors c on c.workspace_id = dc.workspace_id and c.id = dc.competitor_id
       where d.workspace_id = $1 and d.closed_at is null and c.name = $2 order by d.amount desc, d.id limit 1`,
      [a.workspaceId, RISING_COMPETITOR.name],
    );
    const engaged = json<{ items: { competitor: { name: string }; battlecard: { whyWeWin: string[] } | null }[] }>(await api.get(`/api/v1/deals/${open.id}/competitors`));
    expect(engaged.items.find((x) => x.competitor.name === RISING_COMPETITOR.name)?.battlecard?.whyWeWin.length).toBeGreaterThan(0);
    // One launched campaign was flagged below the 80 % threshold, and both managers were told.
    const briefs = json<{ items: { campaignName: string; flaggedAt: string | null; readinessAtLaunch: number | null }[] }>(await api.get("/api/v1/briefs"));
    const flagged = briefs.items.filter((b) => b.flaggedAt);
    expect(flagged.map((b) => [b.campaignName, b.readinessAtLaunch])).toEqual([["Partner Webinar with AWS", 2 / 6]]);
    const told = await rows<{ role: string }>("select m.role from notifications n join memberships m on m.workspace_id = n.workspace_id and m.user_id = n.user_id where n.workspace_id = $1 and n.kind = 'brief.readiness_low' order by 1", [a.workspaceId]);
    expect(told.filter((r) => r.role === "manager")).toHaveLength(2);
    // A reference at its quarterly cap shows as unavailable.
    const refs = json<{ items: { availability: { used: number; cap: number; available: boolean } }[] }>(await api.get("/api/v1/references"));
    expect(refs.items.length).toBeGreaterThanOrEqual(10);
    expect(refs.items.filter((r) => !r.availability.available && r.availability.used === r.availability.cap && r.availability.cap === 2)).toHaveLength(1);
    // Persona definitions reproduce every generated persona; the field insights name them and the rising competitor.
    const defs = (await rows<{ id: string; name: string; criteria: PersonaCriteria }>("select id, name, criteria from personas where workspace_id = $1", [a.workspaceId]));
    expect(defs).toHaveLength(7);
    const people = await rows<PersonaSubject & { persona: string | null; persona_source: string | null }>(
      `select c.title, c.seniority, c.department, a.industry, a.employees, c.persona, c.persona_source from contacts c left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
       where c.workspace_id = $1 order by c.id limit 1500`,
      [a.workspaceId],
    );
    for (const p of people) expect([matchPersona(defs, p)?.name ?? null, p.persona_source], p.title ?? "").toEqual([p.persona, p.persona ? "matched" : null]);
    const named = await one<{ personas: number; rival: number }>("select count(persona_id)::int personas, count(competitor_id)::int rival from insights where workspace_id = $1", [a.workspaceId]);
    expect(named.personas).toBeGreaterThan(0);
    expect(named.rival).toBeGreaterThan(0);
  });

  it("carries an active v1 agreement that reproduces every stored score, and a v2 waiting for sales", async () => {
    const defs = await rows<{ version: number; status: string; marketing_approved_by: string | null; sales_approved_by: string | null }>(
      "select version, status, marketing_approved_by, sales_approved_by from lead_definitions where workspace_id = $1 order by version", [a.workspaceId]);
    expect(defs.map((d) => [d.version, d.status, d.marketing_approved_by !== null, d.sales_approved_by !== null])).toEqual([[1, "active", true, true], [2, "proposed", true, false]]);
    const def = await h.tdb.db.inWorkspace(a.workspaceId, (tx) => h.modules.agreement.agreement.getActiveDefinitionIn(tx, a.workspaceId));
    const scan = createScoringScanRepository();
    const page = await h.tdb.db.inWorkspace(a.workspaceId, async (tx) => {
      const list = await scan.contactPage(tx, a.workspaceId, null, 600);
      return { list, touches: await scan.touchesOf(tx, a.workspaceId, list.map((r) => r.contact.id), { withProperties: false }) };
    });
    for (const { contact, account } of page.list) {
      const fit = scoreFit(def!.fitRules, fitSubjectOf(contact, account));
      expect([fit.points, gradeFor(fit.points, def!.gradeThresholds)], contact.email ?? contact.id).toEqual([contact.fitPoints, contact.fitGrade]);
      const replay = replayTouches(def!, "A", page.touches.get(contact.id) ?? []);
      expect(replay.state.score, contact.email ?? contact.id).toBeCloseTo(contact.engagementScore, 2);
    }
  });

  it("compares the two pay plans: per accepted meeting pays the meeting-booking SDR the most (what-if)", async () => {
    const plans = await rows<{ id: string; name: string }>("select id, name from comp_plans where workspace_id = $1 order by name", [a.workspaceId]);
    expect(plans.map((p) => p.name)).toEqual(["Per accepted meeting", "Revenue share"]);
    const ctx = { workspaceId: a.workspaceId, actor: systemActor(a.workspaceId, "manager"), sessionId: null, requestId: "demo-test" };
    const w = await h.modules.team.comp.whatIf(ctx, { planA: plans[0]!.id, planB: plans[1]!.id, from: "2025-03", to: "2026-02" });
    const emails = await rows<{ id: string; email: string }>("select u.id, u.email from memberships m join users u on u.id = m.user_id where m.workspace_id = $1 and m.role = 'sdr'", [a.workspaceId]);
    const volume = w.reps.find((r) => emails.find((e) => e.id === r.userId)?.email.startsWith("sdr1@"))!;
    const quality = w.reps.find((r) => r !== volume)!;
    expect(volume.acceptedMeetings).toBeGreaterThan(quality.acceptedMeetings);
    // The per-meeting plan pays the meeting-booking SDR the most; relative to revenue share it favours them over the other SDR.
    expect(volume.totalA).toBeGreaterThan(quality.totalA);
    expect(volume.totalA / volume.totalB).toBeGreaterThan(quality.totalA / quality.totalB);
  });

  it("shows the meeting-booking SDR on the scoreboard: the most meetings, the least won revenue", async () => {
    const ctx = { workspaceId: a.workspaceId, actor: systemActor(a.workspaceId, "manager"), sessionId: null, requestId: "demo-test" };
    const board = await h.modules.team.sdr.scoreboard(ctx, { from: "2025-03", to: "2026-02" });
    const emails = await rows<{ id: string; email: string }>("select u.id, u.email from memberships m join users u on u.id = m.user_id where m.workspace_id = $1 and m.role = 'sdr'", [a.workspaceId]);
    expect(board.reps).toHaveLength(2);
    const volume = board.reps.find((r) => emails.find((e) => e.id === r.userId)?.email.startsWith("sdr1@"))!;
    const quality = board.reps.find((r) => r !== volume)!;
    // Both lead a pod; the volume SDR books more than twice the meetings yet sources less won revenue.
    expect([volume.podName, quality.podName].every(Boolean)).toBe(true);
    expect(volume.meetingsBooked).toBeGreaterThan(2 * quality.meetingsBooked);
    expect(volume.wonRevenue).toBeLessThan(quality.wonRevenue);
    expect(volume.revenuePerMeeting!).toBeLessThan(quality.revenuePerMeeting! / 3);
  });

  it("stamps each MQL with who made it: scoring (with the explanation, meeting v1) or a marketer by hand", async () => {
    const moves = await rows<{ actor_kind: string; note: string | null; role: string | null }>(
      `select t.actor_kind, t.note, m.role from stage_transitions t left join memberships m on m.workspace_id = t.workspace_id and m.user_id = t.actor_user_id
       where t.workspace_id = $1 and t.to_stage = 'mql'`, [a.workspaceId]);
    const auto = moves.filter((m) => m.actor_kind === "automation");
    const byHand = moves.filter((m) => m.actor_kind === "user");
    expect(auto.length + byHand.length).toBe(moves.length);
    expect(auto.length / moves.length).toBeGreaterThan(0.5);
    for (const m of auto) expect(m.note).toMatch(/^v1: grade [ABC], engagement \d+\.\d ≥ 15$/);
    for (const m of byHand) expect([m.role, m.note?.startsWith("Passed to sales by hand")]).toEqual(["marketing", true]);
  });

  it("routes like its sales team: owner first, then round-robin by region, and two pods flagged below 3 AEs", async () => {
    const rules = await rows<{ name: string; kind: string }>("select name, kind from routing_rules where workspace_id = $1 order by position", [a.workspaceId]);
    expect(rules.map((r) => r.kind)).toEqual(["account_owner", "round_robin", "round_robin"]);
    const pods = await rows<{ name: string; n: number }>("select p.name, count(m.user_id)::int n from pods p join pod_members m on m.workspace_id = p.workspace_id and m.pod_id = p.id where p.workspace_id = $1 group by 1 order by 1", [a.workspaceId]);
    expect(pods).toEqual([{ name: "Pod East", n: 2 }, { name: "Pod West", n: 2 }]);
  });

  it("tells the playbook story: each handoff got the playbook the shared rule picks, and AE East follows it while AE West does not", async () => {
    expect(a.counts.playbooks).toBe(5);
    const assigned = await rows<{ playbook_id: string; source: string | null; channel: string | null; persona: string | null }>(
      `select pa.playbook_id, c.source, coalesce(conv.channel, c.channel) channel, c.persona from playbook_assignments pa
       join contacts c on c.workspace_id = pa.workspace_id and c.id = pa.contact_id
       left join lateral (select t.channel from touchpoints t where t.workspace_id = pa.workspace_id and t.contact_id = pa.contact_id and t.category = 'marketing'
         and t.occurred_at <= pa.assigned_at order by t.occurred_at desc, t.id desc limit 1) conv on true where pa.workspace_id = $1`, [a.workspaceId]);
    expect(assigned.length).toBe(a.counts.playbook_assignments);
    expect(assigned.length).toBe((await one<{ n: number }>("select count(*)::int n from stage_transitions where workspace_id = $1 and to_stage = 'mql' and at >= $2", [a.workspaceId, new Date("2024-09-02T09:00:00Z")])).n);
    const books = (await h.modules.playbooks.playbooks.listPlaybooks({ workspaceId: a.workspaceId, actor: systemActor(a.workspaceId), sessionId: null, requestId: "demo-test" }));
    expect(assigned.filter((x) => choosePlaybook(books, x)?.id !== x.playbook_id)).toEqual([]);
    expect(new Set(assigned.map((x) => x.playbook_id)).size).toBe(5);
    const ctx = { workspaceId: a.workspaceId, actor: systemActor(a.workspaceId), sessionId: null, requestId: "demo-test" };
    const report = await h.modules.playbooks.adherence.adherenceReport(ctx, { from: "2025-03-01", to: "2026-03-01", groupBy: "rep" });
    const rate = (local: string) => report.rows.find((r) => r.label === a.logins.find((l) => l.email.startsWith(local))?.name);
    const [east1, east2, west1, west2] = ["ae.east1@", "ae.east2@", "ae.west1@", "ae.west2@"].map(rate);
    for (const r of [east1, east2, west1, west2]) expect(r!.leads).toBeGreaterThan(20);
    expect(Math.min(east1!.adherenceRate!, east2!.adherenceRate!)).toBeGreaterThan(Math.max(west1!.adherenceRate!, west2!.adherenceRate!) + 0.2);
    expect(Math.min(east1!.firstTouchOnChannelRate!, east2!.firstTouchOnChannelRate!)).toBeGreaterThan(Math.max(west1!.firstTouchOnChannelRate!, west2!.firstTouchOnChannelRate!));
  });

  it("tells the agreement story: version 2's back-test makes fewer MQLs and fewer rejections for the same won revenue", async () => {
    const { agreement } = h.modules.agreement;
    const [v2, v1] = await h.tdb.db.inWorkspace(a.workspaceId, (tx) => agreement.listDefinitionsIn(tx, a.workspaceId));
    const r = await h.modules.scoring.backtests.runBacktest(a.workspaceId, v2!, v1!, 12);
    expect(r.candidate.mqls).toBeLessThan(r.baseline!.mqls);
    expect(r.candidate.rejected).toBeLessThan(r.baseline!.rejected);
    expect(r.candidate.accepted / r.candidate.mqls).toBeGreaterThan(r.baseline!.accepted / r.baseline!.mqls);
    expect(r.candidate.revenue).toBe(r.baseline!.revenue);
    expect(r.onlyCandidate).toBe(0);
  });

  it("carries every deal's attribution credits: under each model they add up to the deals' amounts, less the unattributed", async () => {
    // Per basis: Σ credits (weight × amount) of each model = Σ amount of the converted deals − Σ amount of those
    // without an eligible touch. Revenue converts won deals only, pipeline every deal.
    const totals = await rows<{ basis: string; converted: number; amount: number; unattributed: number; unattributed_amount: number }>(
      `select basis, count(*)::int converted, sum(amount)::float8 amount, count(*) filter (where touches = 0)::int unattributed,
         coalesce(sum(amount) filter (where touches = 0), 0)::float8 unattributed_amount from attribution_deals where workspace_id = $1 group by 1 order by 1`,
      [a.workspaceId],
    );
    const deals = await one<{ all: number; all_amount: number; won: number; won_amount: number }>(
      "select count(*)::int as all, sum(amount)::float8 all_amount, count(*) filter (where outcome = 'won')::int won, coalesce(sum(amount) filter (where outcome = 'won'), 0)::float8 won_amount from deals where workspace_id = $1",
      [a.workspaceId],
    );
    const [pipeline, revenue] = totals;
    expect(pipeline).toMatchObject({ basis: "pipeline", converted: deals.all });
    expect(pipeline!.amount).toBeCloseTo(deals.all_amount, 2);
    expect(revenue).toMatchObject({ basis: "revenue", converted: deals.won });
    expect(revenue!.amount).toBeCloseTo(deals.won_amount, 2);
    // Most won deals have marketing touches behind them; some do not.
    expect(revenue!.unattributed).toBeGreaterThan(0);
    expect(revenue!.unattributed).toBeLessThan(deals.won / 2);
    const credits = await rows<{ basis: string; first: number; last: number; linear: number; u: number; w: number; decay: number; touches: number }>(
      `select basis, sum(w_first * amount)::float8 first, sum(w_last * amount)::float8 last, sum(w_linear * amount)::float8 linear, sum(w_u_shaped * amount)::float8 u,
         sum(w_w_shaped * amount)::float8 w, sum(w_time_decay * amount)::float8 decay, count(*)::int touches from attribution_credits where workspace_id = $1 group by 1 order by 1`,
      [a.workspaceId],
    );
    for (const [i, t] of totals.entries()) {
      const c = credits[i]!;
      expect(c.basis).toBe(t.basis);
      expect(c.touches).toBeGreaterThan(t.converted);
      for (const model of [c.first, c.last, c.linear, c.u, c.w, c.decay]) expect(model).toBeCloseTo(t.amount - t.unattributed_amount, 2);
    }
  });

  it("sets up web capture: a seeded publishable key naming the workspace, and local origins for the example page", async () => {
    const keyOf = (ws: string) => one<{ publishable_key: string; allowed_origins: string[] }>("select publishable_key, allowed_origins from capture_settings where workspace_id = $1", [ws]);
    const [x, y] = [await keyOf(a.workspaceId), await keyOf(b.workspaceId)];
    expect(x.publishable_key).toBe(a.captureKey);
    expect(x.publishable_key).toMatch(new RegExp(`^pk_${a.workspaceId.replace(/-/g, "")}_[A-Za-z0-9_-]{32}$`));
    // Same seed, same secret part; the workspace part differs.
    expect(y.publishable_key.slice(36)).toBe(x.publishable_key.slice(36));
    expect(x.allowed_origins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
  });

  it("is visible to the app role only inside its own workspace", async () => {
    const other = await h.workspace("Other");
    const count = (ws: string) => h.tdb.db.inWorkspace(ws, async (tx) => (await tx.execute<{ n: number }>(sql`select count(*)::int n from contacts`)).rows[0]?.n);
    expect(await count(a.workspaceId)).toBe(CONTACTS);
    expect(await count(other.workspaceId)).toBe(0);
    const leaked = await h.tdb.db.inWorkspace(other.workspaceId, async (tx) => (await tx.execute<{ n: number }>(sql`select count(*)::int n from touchpoints where workspace_id = ${a.workspaceId}`)).rows[0]?.n);
    expect(leaked).toBe(0);
  });
});
