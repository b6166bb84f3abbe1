/**
 * The report sections of a review as HTML (see review-html.ts): headline KPIs with the previous quarter, the
 * alignment health index and its parts, funnel, acceptance, SLAs, lead quality, attribution and persona drift.
 * A section missing from the snapshot is left out. Every string from the database is escaped.
 */
import { escapeHtml as e } from "../../platform/mail/html.js";
import { addDays } from "../../../shared/domain/report-periods.js";
import type { Kpis } from "../../../shared/contracts/reports/kpis.js";
import type { AlignmentHealth } from "../../../shared/contracts/reports/alignment-health.js";
import type { FunnelReport } from "../../../shared/contracts/reports/funnel.js";
import type { AcceptanceReport } from "../../../shared/contracts/reports/acceptance.js";
import type { SlaAttainment } from "../../../shared/contracts/reports/sla-attainment.js";
import type { LeadQualityReport } from "../../../shared/contracts/reports/lead-quality.js";
import type { AttributionReport } from "../../../shared/contracts/reports/attribution.js";
import type { PersonaDrift } from "../../../shared/contracts/reports/persona-drift.js";
import { pct, svgBars } from "./review-svg.js";

type Pair<T> = { current: T; previous?: T };
type Fmt = (v: number) => string;

// Target periods end at the first day after them.
const dayBefore = (day: string) => addDays(day, -1);
const num = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: digits }));

function kpi(label: string, now: string, before: string | null): string {
  return `<div class="kpi"><span class="muted">${e(label)}</span><b>${e(now)}</b>${before === null ? "" : `<span class="muted">previous quarter ${e(before)}</span>`}</div>`;
}

function headline(s: Pair<Kpis>, money: Fmt): string {
  const c = s.current.overall;
  const p = s.previous?.overall;
  const m = (v: number | null | undefined) => (v === null || v === undefined ? "—" : money(v));
  return `<section><h2>Headline</h2><div class="kpis">
${kpi("Revenue won", m(c.revenue), p ? m(p.revenue) : null)}
${kpi("Deals won", num(c.won), p ? num(p.won) : null)}
${kpi("Win rate", pct(c.winRate), p ? pct(p.winRate) : null)}
${kpi("Average deal", m(c.averageDealSize), p ? m(p.averageDealSize) : null)}
${kpi("Median cycle (days)", num(c.medianCycleDays, 1), p ? num(p.medianCycleDays, 1) : null)}
${kpi("Activities per won deal", num(c.activitiesPerWonDeal, 1), p ? num(p.activitiesPerWonDeal, 1) : null)}
${kpi("Expansion + renewal", m(c.expansionRevenue + c.renewalRevenue), p ? m(p.expansionRevenue + p.renewalRevenue) : null)}
${kpi("Forecast accuracy", pct(c.forecastAccuracy), p ? pct(p.forecastAccuracy) : null)}
</div></section>`;
}

function health(s: Pair<AlignmentHealth>): string {
  const c = s.current;
  const measured = c.parts.filter((x) => x.score !== null);
  const missing = c.parts.filter((x) => x.score === null);
  const symptoms = c.symptoms.length
    ? `<h3>Symptoms by month</h3><table><thead><tr><th>Month</th><th>Activities per won deal</th><th>Losses to competitors</th><th>Rejection rate</th><th>Cost per SQL</th><th>MQL → won</th></tr></thead><tbody>${c.symptoms
        .map((m) => `<tr><td>${e(m.month)}</td><td>${num(m.activitiesPerWonDeal, 1)}</td><td>${pct(m.competitorLossShare)}</td><td>${pct(m.rejectionRate)}</td><td>${num(m.costPerSql)}</td><td>${pct(m.mqlToWon)}</td></tr>`)
        .join("")}</tbody></table>`
    : "";
  return `<section><h2>Alignment health: ${c.index === null ? "—" : Math.round(c.index)} / 100${s.previous?.index != null ? ` <span class="muted">(previous quarter ${Math.round(s.previous.index)})</span>` : ""}</h2>
${svgBars(measured.map((x) => ({ label: x.label, value: x.score ?? 0 })), (v) => `${Math.round(v)} / 100`, "#7048e8")}
<ul>${measured.map((x) => `<li><b>${e(x.label)}</b>: ${e(x.detail)}</li>`).join("")}</ul>
${missing.length ? `<p class="muted">Not measured yet: ${missing.map((x) => `${e(x.label)} — ${e((x.notMeasuredReason ?? "no data").replace(/\.$/, ""))}`).join("; ")}. The index is the mean of the measured parts.</p>` : ""}
${symptoms}</section>`;
}

function funnel(s: Pair<FunnelReport>): string {
  const prev = new Map((s.previous?.pairs ?? []).map((x) => [`${x.from}>${x.to}`, x.rate]));
  const rows = s.current.pairs
    .map((x) => `<tr><td>${e(x.from)} → ${e(x.to)}</td><td>${num(x.entered)}</td><td>${num(x.converted)}</td><td>${pct(x.rate)}</td><td>${pct(prev.get(`${x.from}>${x.to}`))}</td></tr>`)
    .join("");
  return `<section><h2>Funnel conversion (cohorts entering in the quarter)</h2><table><thead><tr><th>Stage pair</th><th>Entered</th><th>Converted</th><th>Rate</th><th>Previous quarter</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function acceptance(s: Pair<AcceptanceReport>): string {
  const t = s.current.totals;
  const reasons = s.current.reasons.reject.reasons.slice(0, 8).map((r) => ({ label: r.label, value: r.count, note: pct(r.share) }));
  return `<section><h2>Lead acceptance</h2>
<div class="kpis">${kpi("Handed over", num(t.handedOver), s.previous ? num(s.previous.totals.handedOver) : null)}${kpi("Accepted", num(t.accepted), null)}${kpi("Rejected", num(t.rejected), null)}${kpi("Pending", num(t.pending), null)}${kpi("Acceptance rate", pct(t.rate), s.previous ? pct(s.previous.totals.rate) : null)}</div>
<h3>Top rejection reasons</h3>${svgBars(reasons, (v) => `${v} leads`, "#e8590c")}</section>`;
}

function sla(s: Pair<SlaAttainment>): string {
  const c = s.current;
  const kinds = c.sales.byKind.map((k) => ({ label: k.label, value: (k.attainment ?? 0) * 100, note: `${k.onTime} on time, ${k.breached} breached` }));
  const periods = c.marketing.periods
    .map((p) => `<tr><td>${e(p.name)}${p.segment ? ` · ${e(p.segment)}` : ""}</td><td>${e(p.periodStart)} – ${e(dayBefore(p.periodEnd))}</td><td>${num(p.mqls)} / ${num(p.mqlTarget)}</td><td>${pct(p.acceptanceRate)} (min ${pct(p.minAcceptanceRate)})</td><td>${p.met ? "met" : '<span class="bad">missed</span>'}</td></tr>`)
    .join("");
  return `<section><h2>SLAs, both sides</h2>
<div class="kpis">${kpi("Sales SLA attainment", pct(c.sales.overall.attainment), s.previous ? pct(s.previous.sales.overall.attainment) : null)}${kpi("Marketing targets met", pct(c.marketing.attainment), s.previous ? pct(s.previous.marketing.attainment) : null)}</div>
${svgBars(kinds, (v) => `${Math.round(v)} %`, "#1c7ed6")}
${periods ? `<h3>Marketing's targets</h3><table><thead><tr><th>Target</th><th>Period</th><th>MQLs / target</th><th>Acceptance</th><th></th></tr></thead><tbody>${periods}</tbody></table>` : ""}</section>`;
}

function quality(s: Pair<LeadQualityReport>, money: Fmt): string {
  const rows = [...s.current.rows]
    .sort((a, b) => b.revenue - a.revenue || b.mqls - a.mqls)
    .slice(0, 12)
    .map(
      (r) =>
        `<tr><td>${e(r.label ?? "No campaign")}</td><td>${num(r.mqls)}</td><td>${pct(r.acceptanceRate)}</td><td>${pct(r.mqlToSql)}</td><td>${money(r.pipeline)}</td><td>${money(r.revenue)}</td><td>${money(r.cost)}</td><td>${r.costPerSql === null ? "—" : money(r.costPerSql)}</td><td>${pct(r.roi)}</td></tr>`,
    )
    .join("");
  return `<section><h2>Lead quality by campaign</h2><p class="muted">ROI from W-shaped attributed revenue.</p><table><thead><tr><th>Campaign</th><th>MQLs</th><th>Accepted</th><th>MQL → SQL</th><th>Pipeline</th><th>Revenue</th><th>Cost</th><th>Cost per SQL</th><th>ROI</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function attribution(s: Pair<AttributionReport>, money: Fmt): string {
  const c = s.current;
  const rows = c.rows
    .map((r) => `<tr><td>${e(r.label)}</td>${[r.credit.first, r.credit.last, r.credit.linear, r.credit.uShaped, r.credit.wShaped, r.credit.timeDecay].map((v) => `<td>${money(v)}</td>`).join("")}</tr>`)
    .join("");
  return `<section><h2>Revenue attribution by channel</h2><table><thead><tr><th>Channel</th><th>First</th><th>Last</th><th>Linear</th><th>U-shaped</th><th>W-shaped</th><th>Time decay</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">Unattributed: ${num(c.unattributed.deals)} deals, ${money(c.unattributed.amount)}.</p></section>`;
}

function personas(s: Pair<PersonaDrift>): string {
  const d = s.current.distances;
  const rows = s.current.sideBySide.map((x) => `<tr><td>${e(x.persona)}</td><td>${pct(x.targeted)}</td><td>${pct(x.engaged)}</td><td>${pct(x.buyers)}</td></tr>`).join("");
  return `<section><h2>Persona drift</h2><p>Targeted vs buyers: ${pct(d.targetedVsBuyers)} apart · targeted vs engaged MQLs: ${pct(d.targetedVsEngaged)} · engaged vs buyers: ${pct(d.engagedVsBuyers)} (total-variation distance)</p>
<table><thead><tr><th>Persona</th><th>Targeted</th><th>Engaged MQLs</th><th>Buyers</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The HTML of the report sections present in a review's snapshot, in reading order. */
export function renderReportSections(sections: Record<string, unknown>, money: Fmt): string[] {
  const get = <T,>(key: string) => sections[key] as Pair<T> | undefined;
  const out: string[] = [];
  const k = get<Kpis>("kpis");
  if (k) out.push(headline(k, money));
  const h = get<AlignmentHealth>("alignment-health");
  if (h) out.push(health(h));
  const f = get<FunnelReport>("funnel");
  if (f) out.push(funnel(f));
  const a = get<AcceptanceReport>("acceptance");
  if (a) out.push(acceptance(a));
  const s = get<SlaAttainment>("sla-attainment");
  if (s) out.push(sla(s));
  const q = get<LeadQualityReport>("lead-quality");
  if (q) out.push(quality(q, money));
  const at = get<AttributionReport>("attribution");
  if (at) out.push(attribution(at, money));
  const p = get<PersonaDrift>("persona-drift");
  if (p) out.push(personas(p));
  return out;
}
