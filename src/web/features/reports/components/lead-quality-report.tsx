import { Grid, Group, Select, SegmentedControl, SimpleGrid, Stack } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { ATTRIBUTION_MODELS, type LeadQualityReport } from "../../../../shared/contracts/reports/lead-quality.js";
import { useUrlState } from "../../../lib/use-url-state";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";

type Data = Serialized<LeadQualityReport>;
type Row = Data["rows"][number];
type By = Data["by"];
type Model = Data["model"];

const BY_LABELS: Record<By, string> = { campaign: "Campaign", source: "Source", vehicle: "Vehicle" };
const MODEL_LABELS: Record<Model, string> = { first: "First touch", last: "Last touch", linear: "Linear", u_shaped: "U-shaped", w_shaped: "W-shaped", time_decay: "Time decay" };
const NONE: Record<By, string> = { campaign: "No campaign", source: "No source", vehicle: "No vehicle" };
const TOP = 12;

const lqDrill = (by: By, row: Row, records: "leads" | "deals", what: string): DrillSpec => ({ report: "lead-quality", slug: `lead-quality-by-${by}`, title: `${row.label ?? NONE[by]}: ${what}`, params: { by, key: row.key ?? "none", records } });

/** Grouping and attribution model, kept in the URL next to the filters. */
export function useLeadQualityOptions() {
  const url = useUrlState();
  const rawBy = url.get("by");
  const by: By = rawBy === "source" || rawBy === "vehicle" ? rawBy : "campaign";
  const rawModel = url.get("model");
  const model: Model = (ATTRIBUTION_MODELS as readonly string[]).includes(rawModel ?? "") ? (rawModel as Model) : "w_shaped";
  return { by, model, url };
}

/** The lead quality report for the filters, grouping and model (and the previous period when comparing). */
export function useLeadQuality(filters: ReportFilters, by: By, model: Model) {
  return useReport<LeadQualityReport>("lead-quality", filters, { by, model });
}

/** Acceptance and MQL → SQL of the rows with the most MQLs, as bars; a bar opens the row's leads. */
export function LeadQualityChart({ data }: { data: Data }) {
  const drill = useDrill();
  const top = [...data.rows].filter((r) => r.mqls > 0).sort((a, b) => b.mqls - a.mqls).slice(0, TOP);
  const rows = top.map((r) => ({ ...r, name: r.label ?? NONE[data.by] }));
  return (
    <ChartCard title={`Lead quality by ${BY_LABELS[data.by].toLowerCase()}${data.rows.length > TOP ? ` (top ${TOP} by MQLs)` : ""}`} testId="lead-quality-chart" empty={rows.length === 0 ? "No MQL was handed over in this period. MQLs and sales' decisions on them fill this chart." : null} hint="Acceptance = accepted ÷ decided; MQL → SQL = hand-overs whose lead later reached SQL. Click a bar for the leads.">
      <BarsChart
        data={rows}
        dataKey="name"
        horizontal
        categoryWidth={210}
        format="percent"
        series={[
          { name: "acceptanceRate", label: "Accepted by sales", color: "teal.6" },
          { name: "mqlToSql", label: "MQL → SQL", color: "indigo.6" },
        ]}
        onBarClick={(row) => {
          const r = top.find((x) => (x.label ?? NONE[data.by]) === row.name);
          if (r) drill(lqDrill(data.by, r, "leads", "MQLs handed over"));
        }}
      />
    </ChartCard>
  );
}

/** The headline quality numbers over every row. */
export function LeadQualityCards({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const t = data.totals;
  const p = previous?.totals;
  const c = (label: string, key: keyof typeof t, format: "percent" | "money" | "count", nullReason: string, goodWhen: "up" | "down" = "up") => (
    <ReportStat key={key} testId={`lq-${key}`} label={label} value={t[key]} previous={p?.[key] ?? null} comparing={comparing} format={format} goodWhen={goodWhen} nullReason={nullReason} />
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="lead-quality-cards">
      {c("MQLs handed over", "mqls", "count", "")}
      {c("Accepted by sales", "acceptanceRate", "percent", "No MQL was accepted or rejected.")}
      {c("MQL → SQL", "mqlToSql", "percent", "No MQL was handed over.")}
      {c("SQL → won", "sqlToWon", "percent", "No hand-over reached SQL.")}
      {c("Cost per MQL", "costPerMql", "money", "No MQL in the period.", "down")}
      {c("Cost per SQL", "costPerSql", "money", "No SQL in the period.", "down")}
      {c("Cost per won deal", "costPerWon", "money", "No deal won in the period.", "down")}
      {c("ROI (attributed revenue)", "roi", "percent", "No campaign cost in the period.")}
    </SimpleGrid>
  );
}

function columns(by: By): ReportColumn<Row>[] {
  return [
    { key: "label", header: BY_LABELS[by], format: "text", value: (r) => r.label ?? NONE[by] },
    { key: "mqls", header: "MQLs", format: "count", value: (r) => r.mqls, drill: (r) => lqDrill(by, r, "leads", "MQLs handed over") },
    { key: "acceptanceRate", header: "Accepted", format: "percent", value: (r) => r.acceptanceRate, nullReason: "No MQL decided." },
    { key: "mqlToSql", header: "MQL → SQL", format: "percent", value: (r) => r.mqlToSql, nullReason: "No MQL handed over." },
    { key: "sqlToWon", header: "SQL → won", format: "percent", value: (r) => r.sqlToWon, nullReason: "No hand-over reached SQL." },
    { key: "pipeline", header: "Pipeline", format: "money", value: (r) => r.pipeline, drill: (r) => lqDrill(by, r, "deals", "deals") },
    { key: "revenue", header: "Revenue", format: "money", value: (r) => r.revenue, drill: (r) => lqDrill(by, r, "deals", "deals") },
    { key: "cost", header: "Cost", format: "money", value: (r) => r.cost },
    { key: "costPerMql", header: "Cost / MQL", format: "money", value: (r) => r.costPerMql, nullReason: "No MQL." },
    { key: "costPerSql", header: "Cost / SQL", format: "money", value: (r) => r.costPerSql, nullReason: "No SQL." },
    { key: "costPerWon", header: "Cost / won", format: "money", value: (r) => r.costPerWon, nullReason: "No deal won." },
    { key: "attributedRevenue", header: "Attributed revenue", format: "money", value: (r) => r.attributedRevenue },
    { key: "roi", header: "ROI", format: "percent", value: (r) => r.roi, nullReason: "No cost in the period." },
  ];
}

/** The whole lead quality report: grouping and model, headline cards, the quality chart and the full table. */
export function LeadQualityReportView({ filters }: { filters: ReportFilters }) {
  const { by, model, url } = useLeadQualityOptions();
  const query = useLeadQuality(filters, by, model);
  return (
    <Stack gap="lg">
      <Group gap="md">
        <SegmentedControl aria-label="Group by" value={by} onChange={(v) => url.set("by", v === "campaign" ? null : v)} data={(["campaign", "source", "vehicle"] as const).map((b) => ({ value: b, label: BY_LABELS[b] }))} />
        <Select aria-label="Attribution model for ROI" w={190} allowDeselect={false} value={model} onChange={(v) => url.set("model", v === "w_shaped" ? null : v)} data={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: `ROI: ${MODEL_LABELS[m]}` }))} />
      </Group>
      <ReportQueryState query={query} height={480}>
        {(data) => (
          <Stack gap="lg">
            <LeadQualityCards data={data} previous={query.previous} comparing={filters.compare} />
            <Grid gap="md">
              <Grid.Col span={12}>
                <LeadQualityChart data={data} />
              </Grid.Col>
            </Grid>
            <ReportTable
              title={`By ${BY_LABELS[data.by].toLowerCase()}`}
              exportName={`lead-quality-by-${data.by}`}
              testId="lead-quality-table"
              columns={columns(data.by)}
              rows={[...data.rows].sort((a, b) => b.mqls - a.mqls)}
              rowKey={(r) => r.key ?? "none"}
              empty="No MQL, deal or campaign cost in this period."
              footer={`ROI = (revenue credited by the ${MODEL_LABELS[data.model]} model − cost) ÷ cost.${data.unallocated.cost ? ` Cost of campaigns without an MQL in the period is not split over sources (${Math.round(data.unallocated.cost).toLocaleString()}).` : ""}`}
            />
          </Stack>
        )}
      </ReportQueryState>
    </Stack>
  );
}
