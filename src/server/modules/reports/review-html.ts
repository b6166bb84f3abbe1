/**
 * The quarterly joint review as one self-contained HTML document (inline CSS and SVG charts, no scripts, nothing
 * fetched), for download and for the PDF print. Every string from the database is escaped.
 */
import { escapeHtml as e } from "../../platform/mail/html.js";
import type { Review, ReviewAction } from "../../../shared/contracts/reviews.js";
import type { OutcomeReasons } from "../../../shared/contracts/reports/outcome-reasons.js";
import { renderReportSections } from "./review-html-sections.js";
import { pct, svgBars } from "./review-svg.js";

export type ReviewHtmlContext = { workspaceName: string; currency: string };

function money(currency: string) {
  const f = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
  return (v: number) => f.format(v);
}

function actionsTable(actions: readonly ReviewAction[], empty: string): string {
  if (actions.length === 0) return `<p class="muted">${e(empty)}</p>`;
  const rows = actions
    .map(
      (a) => `<tr><td>${e(a.title)}${a.outcome ? `<div class="muted">${e(a.outcome)}</div>` : ""}</td><td>${e(a.ownerName)}</td><td>${e(a.dueOn)}${a.overdue ? ' <span class="bad">overdue</span>' : ""}</td><td>${e(a.status)}</td><td>${e(a.agreedIn)}</td></tr>`,
    )
    .join("\n");
  return `<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Agreed in</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function outcomeSection(o: OutcomeReasons, fmtMoney: (v: number) => string): string {
  const of = (outcome: "lost" | "no_decision" | "won") =>
    svgBars(
      o.reasons.filter((r) => r.outcome === outcome).slice(0, 8).map((r) => ({ label: r.label, value: r.deals, note: pct(r.share) })),
      (v) => `${v} deals`,
      outcome === "won" ? "#2f9e44" : outcome === "lost" ? "#e03131" : "#f08c00",
    );
  const competitors = o.competitors.length
    ? `<table><thead><tr><th>Competitor</th><th>Won against</th><th>Lost to</th><th>No decision</th><th>Lost amount</th></tr></thead><tbody>${o.competitors
        .map((c) => `<tr><td>${e(c.competitor)}</td><td>${c.won}</td><td>${c.lost}</td><td>${c.noDecision}</td><td>${e(fmtMoney(c.lostAmount))}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p class="muted">No deal closed with a competitor recorded.</p>`;
  return `<h2>Why deals closed the way they did</h2>
<p>${o.closed.won} won · ${o.closed.lost} lost · ${o.closed.noDecision} no decision</p>
<h3>Top loss reasons</h3>${of("lost")}
<h3>No-decision reasons</h3>${of("no_decision")}
<h3>Win reasons</h3>${of("won")}
<h3>Competitors</h3>${competitors}`;
}

/** Renders a review (snapshot, agreement changes, actions agreed and carried) as a printable HTML page. */
export function renderReviewHtml(review: Review, ctx: ReviewHtmlContext): string {
  const s = review.snapshot;
  const fmtMoney = money(ctx.currency);
  const changes = s.agreementChanges.length
    ? s.agreementChanges
        .map(
          (c) => `<h3>Version ${c.version}, active since ${e(c.activatedAt.slice(0, 10))}</h3>
<p class="muted">Approved by ${e(c.marketingApprover ?? "—")} (marketing) and ${e(c.salesApprover ?? "—")} (sales)</p>
<ul>${c.changes.map((l) => `<li><span class="tag">${e(l.kind)}</span> ${e(l.text)}</li>`).join("")}</ul>${c.notes ? `<p class="muted">${e(c.notes)}</p>` : ""}`,
        )
        .join("\n")
    : `<p class="muted">The lead agreement did not change this quarter.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(review.title)} · ${e(ctx.workspaceName)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:13px;line-height:1.45;color:#1f2328;margin:32px;max-width:900px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dee2e6;padding-bottom:4px;break-after:avoid}
h3{font-size:14px;margin:16px 0 6px;break-after:avoid}.muted{color:#6a737d}.bad{color:#e03131;font-weight:600}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e9ecef;vertical-align:top}
th{font-size:12px;color:#495057;background:#f8f9fa}svg{max-width:100%;margin:4px 0 10px}svg .l{font-size:12px;fill:#343a40}svg .v{font-size:12px;fill:#495057}
.tag{display:inline-block;font-size:11px;padding:0 5px;border-radius:3px;background:#e7f5ff;color:#1864ab}
.kpis{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}.kpi{border:1px solid #dee2e6;border-radius:6px;padding:8px 12px;min-width:130px}
.kpi b{display:block;font-size:18px}section{break-inside:avoid-page}
</style></head><body>
<h1>${e(review.title)}</h1>
<p class="muted">${e(ctx.workspaceName)} · ${e(s.period.from)} to ${e(s.period.to)} (${e(s.period.timezone)}) · compared with ${e(s.previousPeriod.from)} to ${e(s.previousPeriod.to)}<br>
Numbers as generated on ${e(review.generatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC${review.status === "final" ? " · final" : " · draft"}</p>
${review.notes ? `<h2>Notes</h2><p style="white-space:pre-line">${e(review.notes)}</p>` : ""}
${renderReportSections(s.sections, fmtMoney).join("\n")}
<section>${outcomeSection(s.outcomeReasons, fmtMoney)}</section>
<section><h2>What changed in the lead agreement</h2>${changes}</section>
<section><h2>Actions agreed in this review</h2>${actionsTable(review.agreedActions, "No actions recorded yet.")}</section>
<section><h2>Open actions carried from earlier reviews</h2>${actionsTable(review.carriedActions, "Nothing was left open.")}</section>
</body></html>`;
}
