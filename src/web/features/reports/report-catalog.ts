import type { ComponentType } from "react";
import type { Role } from "../../../shared/domain/roles.js";
import type { ReportFilters } from "./hooks/report-filters";
import { AlignmentHealthReportView } from "./components/alignment-health-report";
import { LeadQualityReportView } from "./components/lead-quality-report";
import { SlaAttainmentReportView } from "./components/sla-attainment-report";
import { AcceptanceReportView } from "./components/acceptance-report";
import { AttributionReportView } from "./components/attribution-report";
import { RevenueByChannelReportView } from "./components/revenue-by-channel-report";
import { DmCoverageReportView } from "./components/dm-coverage-report";
import { FunnelReportView } from "./components/funnel-report";
import { KpisReport } from "./components/kpis-report";
import { PersonaDriftReportView } from "./components/persona-drift-report";
import { VelocityReportView } from "./components/velocity-report";
import { WinLossReportView } from "./components/win-loss-report";
import { ExpansionRetentionReportView } from "./components/expansion-retention-report";

export type ReportEntry = {
  /** The API's name and the page's address: `/reports/<name>`. */
  name: string;
  title: string;
  description: string;
  Component: ComponentType<{ filters: ReportFilters }>;
};

/** Every report with its own page, in the order the index lists them. */
export const REPORTS: ReportEntry[] = [
  { name: "alignment-health", title: "Alignment health", description: "The alignment health index (0–100) with its parts, and the four symptoms of misalignment month by month.", Component: AlignmentHealthReportView },
  { name: "sla-attainment", title: "SLA attainment", description: "Whether sales met its response SLAs and marketing its MQL targets: by month, team and rep, and every target period.", Component: SlaAttainmentReportView },
  { name: "lead-quality", title: "Lead quality", description: "Per campaign, source or vehicle: MQLs, acceptance, MQL → SQL, SQL → won, pipeline, revenue, cost per MQL, SQL and won deal, and ROI.", Component: LeadQualityReportView },
  { name: "funnel", title: "Funnel conversion", description: "Conversion between consecutive lifecycle stages by cohort: of the contacts who entered a stage in a month, how many reached the next.", Component: FunnelReportView },
  { name: "acceptance", title: "Lead acceptance", description: "Accepted ÷ (accepted + rejected) of the MQLs handed over, pending apart, by team, rep, campaign and source, with the reasons behind rejections, recycles and disqualifications.", Component: AcceptanceReportView },
  { name: "attribution", title: "Attribution", description: "Pipeline and revenue credited to campaigns, channels and content under first, last, linear, U-shaped, W-shaped and time-decay models, with unattributed deals shown.", Component: AttributionReportView },
  { name: "velocity", title: "Stage velocity", description: "How long contacts take from entering one stage to entering the next: median and middle half, per stage pair and cohort month.", Component: VelocityReportView },
  { name: "kpis", title: "Sales KPIs", description: "Revenue per rep, win rate, sales cycle, deal size, expansion and renewal revenue, forecast accuracy, MQL → won by source and sales activities per won deal.", Component: KpisReport },
  { name: "expansion-retention", title: "Expansion & retention", description: "Revenue from new logos vs existing customers (cross-sell, upsell) vs renewals, the value that churned, and gross and net revenue retention by month or quarter.", Component: ExpansionRetentionReportView },
  { name: "persona-drift", title: "Persona drift", description: "Who campaigns target (by cost), who engages (MQLs) and who buys (won deals), side by side, and how far apart the three mixes are.", Component: PersonaDriftReportView },
  { name: "revenue-by-channel", title: "Revenue by channel", description: "Won revenue and pipeline by sourcing channel, partner and alliance deals included, with shares of the total.", Component: RevenueByChannelReportView },
  { name: "win-loss", title: "Win/loss analysis", description: "Deals closed as won, lost or no decision, cut by reason, competitor, segment, source, persona or rep, with the trend by month or quarter, the competitors' share of losses and the deals behind every number.", Component: WinLossReportView },
  { name: "decision-maker-coverage", title: "Decision-maker coverage", description: "The share of closed deals whose decision makers marketing reached before the close, by persona and outcome, and the win rate with and without.", Component: DmCoverageReportView },
];

/** The report with this name, if it has a page. */
export function findReport(name: string | undefined): ReportEntry | undefined {
  return REPORTS.find((r) => r.name === name);
}

export const DASHBOARDS = ["marketing", "sales", "sdr", "manager"] as const;
export type Dashboard = (typeof DASHBOARDS)[number];

export const DASHBOARD_LABELS: Record<Dashboard, string> = { marketing: "Marketing", sales: "Sales", sdr: "SDR", manager: "Manager" };

/** The dashboard a role opens on: managers and admins see the manager's. */
export function dashboardFor(role: Role): Dashboard {
  if (role === "marketing") return "marketing";
  if (role === "sales") return "sales";
  if (role === "sdr") return "sdr";
  return "manager";
}
