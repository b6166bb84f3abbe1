import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { PersonaDrift, PersonaDriftRecords, PersonaDriftRecordsQuery, PersonaMix } from "../../shared/contracts/reports/persona-drift.js";
import { sharesOf, totalVariationDistance } from "../../shared/domain/distributions.js";
import { dealScope, inPeriod, leadScope, pastTheEnd, type ResolvedPeriod } from "./report-scope.js";

type WeightRow = { persona: string | null; weight: number };

/** Campaigns by the `campaignId` and `channel` filters (lead and owner filters do not apply to spend). */
function campaignScope(f: ReportFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.campaignId) parts.push(sql`cp.id = ${f.campaignId}`);
  if (f.channel) parts.push(sql`cp.channel = ${f.channel}`);
  return sql.join(parts, sql` and `);
}

/** Each campaign's cost lines dated in the period (`campaign_costs`), with its target personas. */
function campaignSpend(workspaceId: string, period: ResolvedPeriod, f: ReportFilters): SQL {
  return sql`select cp.id, cp.name, cp.channel, cp.target_personas, x.cost
    from (select cc.campaign_id, sum(cc.amount)::float8 as cost from campaign_costs cc
          where cc.workspace_id = ${workspaceId} and cc.incurred_on >= ${period.from}::date and cc.incurred_on <= ${period.to}::date group by cc.campaign_id) x
    join campaigns cp on cp.workspace_id = ${workspaceId} and cp.id = x.campaign_id
    where ${campaignScope(f)}`;
}

/** People on the deals won in the period: the deal contacts (with the persona deal_contacts carries, migration 0020), or the primary contact when none is recorded; each deal weighs 1, split evenly. */
function buyerPeople(workspaceId: string, period: ResolvedPeriod, f: ReportFilters): SQL {
  return sql`with won as (
      select d.id, d.name, d.closed_at, d.primary_contact_id from deals d
      where d.workspace_id = ${workspaceId} and d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(f)}
    ), people as (
      select w.id as deal_id, w.name as deal_name, w.closed_at, dc.contact_id, dc.role, dc.persona from won w
      join deal_contacts dc on dc.workspace_id = ${workspaceId} and dc.deal_id = w.id
      union all
      select w.id, w.name, w.closed_at, w.primary_contact_id, null, c.persona from won w
      join contacts c on c.workspace_id = ${workspaceId} and c.id = w.primary_contact_id
      where not exists (select 1 from deal_contacts dc where dc.workspace_id = ${workspaceId} and dc.deal_id = w.id)
    ), buyers as (
      select p.*, 1.0::float8 / count(*) over (partition by p.deal_id) as weight from people p
    )`;
}

/**
 * The workspace's persona definitions (docs/ENABLEMENT.md): when there are some, they are the categories — a value
 * that names none of them (ignoring case) counts as unknown; without definitions every value is its own category.
 */
async function definedNames(tx: Queryable, workspaceId: string): Promise<string[]> {
  const res = await tx.execute<{ name: string }>(sql`select name from personas where workspace_id = ${workspaceId} order by lower(name)`);
  return res.rows.map((r) => r.name);
}

function categoryOf(defined: string[]) {
  const byLower = new Map(defined.map((n) => [n.toLowerCase(), n]));
  return (persona: string | null) => (persona === null || defined.length === 0 ? persona : (byLower.get(persona.trim().toLowerCase()) ?? null));
}

const lowerArray = (names: string[]) => sql`array[${sql.join(names.map((n) => sql`${n.toLowerCase()}`), sql`, `)}]::text[]`;

/** Whether a persona column is in the requested category (a defined name ignoring case, or unknown). */
function personaIn(col: SQL, persona: string, defined: string[]): SQL {
  if (defined.length === 0) return persona === "unknown" ? sql`nullif(trim(${col}), '') is null` : sql`${col} = ${persona}`;
  if (persona === "unknown") return sql`(nullif(trim(${col}), '') is null or lower(trim(${col})) <> all(${lowerArray(defined)}))`;
  return sql`lower(trim(${col})) = ${persona.toLowerCase()}`;
}

function mixOf(input: WeightRow[], category: (p: string | null) => string | null): PersonaMix & { weights: Map<string, number> } {
  const rows = input.map((r) => ({ persona: category(r.persona), weight: r.weight }));
  const weights = new Map<string, number>();
  for (const r of rows) if (r.persona !== null) weights.set(r.persona, (weights.get(r.persona) ?? 0) + r.weight);
  const shares = sharesOf(weights);
  return {
    total: [...weights.values()].reduce((s, w) => s + w, 0),
    unknown: rows.filter((r) => r.persona === null).reduce((s, r) => s + r.weight, 0),
    personas: [...weights].map(([persona, weight]) => ({ persona, weight, share: shares.get(persona) ?? 0 })).sort((a, b) => b.weight - a.weight || a.persona.localeCompare(b.persona)),
    weights,
  };
}

/** The three persona mixes of DESIGN §6.5 for the period. */
export async function personaMixes(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters) {
  const targeted = await tx.execute<WeightRow>(sql`
    with spend as (${campaignSpend(workspaceId, period, filters)})
    select p.persona, sum(s.cost / cardinality(s.target_personas))::float8 as weight from spend s cross join lateral unnest(s.target_personas) as p(persona)
    group by p.persona
    union all
    select null, sum(s.cost)::float8 from spend s where cardinality(s.target_personas) = 0 having count(*) > 0`);
  const engaged = await tx.execute<WeightRow>(sql`
    select nullif(trim(c.persona), '') as persona, count(*)::float8 as weight from contacts c
    where c.workspace_id = ${workspaceId} and ${inPeriod(sql`c.mql_at`, period)} and ${leadScope(filters)}
    group by 1`);
  const buyers = await tx.execute<WeightRow>(sql`${buyerPeople(workspaceId, period, filters)}
    select nullif(trim(b.persona), '') as persona, sum(b.weight)::float8 as weight from buyers b group by 1`);
  const defined = await definedNames(tx, workspaceId);
  const category = categoryOf(defined);
  return { targeted: mixOf(targeted.rows, category), engaged: mixOf(engaged.rows, category), buyers: mixOf(buyers.rows, category), defined };
}

/** Persona drift: the targeted, engaged-MQL and buyer persona mixes side by side and their pairwise total-variation distances. */
export async function personaDrift(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<PersonaDrift> {
  const m = await personaMixes(tx, workspaceId, period, filters);
  const share = (mix: PersonaMix, p: string) => mix.personas.find((x) => x.persona === p)?.share ?? 0;
  const personas = [...new Set([...m.defined, ...m.targeted.weights.keys(), ...m.engaged.weights.keys(), ...m.buyers.weights.keys()])];
  const strip = ({ weights: _w, ...mix }: PersonaMix & { weights: unknown }) => mix;
  return {
    mixes: { targeted: strip(m.targeted), engaged: strip(m.engaged), buyers: strip(m.buyers) },
    distances: {
      targetedVsEngaged: totalVariationDistance(m.targeted.weights, m.engaged.weights),
      engagedVsBuyers: totalVariationDistance(m.engaged.weights, m.buyers.weights),
      targetedVsBuyers: totalVariationDistance(m.targeted.weights, m.buyers.weights),
    },
    sideBySide: personas
      .map((persona) => ({ persona, targeted: share(m.targeted, persona), engaged: share(m.engaged, persona), buyers: share(m.buyers, persona) }))
      .sort((a, b) => b.buyers - a.buyers || b.targeted - a.targeted || a.persona.localeCompare(b.persona)),
  };
}

type ContactRow = { id: string; name: string; email: string | null; persona: string | null; title: string | null; mqlAt: Date | null; dealId: string | null; dealName: string | null; role: string | null; closedAt: Date | null; weight: number; total: number };

/** The campaigns (targeted) or contacts (engaged, buyers) of one persona in one mix. */
export async function personaDriftRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: PersonaDriftRecordsQuery): Promise<PersonaDriftRecords> {
  return pastTheEnd(q, await personaDriftPage(tx, workspaceId, period, q), (first) => personaDriftPage(tx, workspaceId, period, first));
}

async function personaDriftPage(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: PersonaDriftRecordsQuery): Promise<PersonaDriftRecords> {
  const unknown = q.persona === "unknown";
  const defined = await definedNames(tx, workspaceId);
  const name = sql`coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed')`;
  const personaIs = (col: SQL) => personaIn(col, q.persona, defined);
  if (q.mix === "targeted") {
    const anyTarget = sql`exists (select 1 from unnest(s.target_personas) as t(persona) where ${personaIn(sql`t.persona`, q.persona, defined)})`;
    const where = unknown ? sql`(cardinality(s.target_personas) = 0 or ${anyTarget})` : defined.length ? anyTarget : sql`${q.persona} = any(s.target_personas)`;
    const res = await tx.execute<{ id: string; name: string; channel: string; targetPersonas: string[]; cost: number; weight: number; total: number }>(sql`
      with spend as (${campaignSpend(workspaceId, period, q)})
      select s.id, s.name, s.channel, s.target_personas as "targetPersonas", s.cost,
        (s.cost / greatest(cardinality(s.target_personas), 1))::float8 as weight, count(*) over ()::int as total
      from spend s where ${where} order by s.cost desc, s.name limit ${q.limit} offset ${q.offset}`);
    return { items: res.rows.map(({ total: _t, ...r }) => ({ kind: "campaign" as const, ...r })), total: res.rows[0]?.total ?? 0 };
  }
  if (q.mix === "engaged") {
    const where = sql`c.workspace_id = ${workspaceId} and ${inPeriod(sql`c.mql_at`, period)} and ${leadScope(q)} and ${personaIs(sql`c.persona`)}`;
    const res = await tx.execute<ContactRow>(sql`
      select c.id, ${name} as name, c.email, c.persona, c.title, c.mql_at as "mqlAt", null as "dealId", null as "dealName", null as role, null as "closedAt",
        1::float8 as weight, count(*) over ()::int as total
      from contacts c where ${where} order by c.mql_at, c.id limit ${q.limit} offset ${q.offset}`);
    return { items: res.rows.map(contactItem), total: res.rows[0]?.total ?? 0 };
  }
  const res = await tx.execute<ContactRow>(sql`${buyerPeople(workspaceId, period, q)}
    select c.id, ${name} as name, c.email, c.persona, c.title, null as "mqlAt", b.deal_id as "dealId", b.deal_name as "dealName", b.role, b.closed_at as "closedAt",
      b.weight, count(*) over ()::int as total
    from buyers b join contacts c on c.workspace_id = ${workspaceId} and c.id = b.contact_id
    where ${personaIs(sql`b.persona`)}
    order by b.closed_at, b.deal_id, c.id limit ${q.limit} offset ${q.offset}`);
  return { items: res.rows.map(contactItem), total: res.rows[0]?.total ?? 0 };
}

function contactItem({ total: _t, ...r }: ContactRow) {
  return { kind: "contact" as const, ...r, mqlAt: r.mqlAt && new Date(r.mqlAt), closedAt: r.closedAt && new Date(r.closedAt) };
}
