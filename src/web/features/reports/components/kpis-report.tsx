import { Grid, SimpleGrid, Stack } from "@mantine/core";
import { IconCalendarStats, IconCoin, IconTarget, IconTrophy } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Kpis } from "../../../../shared/contracts/reports/kpis.js";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import type { DrillSpec } from "../hooks/drill-records";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { useDrill } from "./drill-drawer";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";

type Data = Serialized<Kpis>;
type Figures = Data["overall"];
type RepRow = Data["byRep"][number];

const kpiDrill = (title: string, params: DrillSpec["params"]): DrillSpec => ({ report: "kpis", slug: "kpis", title, params });

/** The KPI report for the filters (and the previous period when comparing). */
export function useKpis(filters: ReportFilters) {
  return useReport<Kpis>("kpis", filters);
}

/** The headline KPIs as cards, each drillable, with the change when comparing. */
export function KpiCards({ data, previous, comparing, full = false }: { data: Data; previous?: Data; comparing: boolean; full?: boolean }) {
  const drill = useDrill();
  const o = data.overall;
  const p: Partial<Figures> = previous?.overall ?? {};
  const noWins = "No deal was won in this period.";
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: full ? 3 : 4 }} spacing="md" data-testid="kpi-cards">
      <ReportStat label="Revenue" testId="kpi-revenue" value={o.revenue} previous={p.revenue} comparing={comparing} format="money" icon={<IconCoin size={18} />} color="teal" hint={`${o.won} won deals`} onDrill={() => drill(kpiDrill("Deals won", { set: "won" }))} />
      <ReportStat label="Win rate" testId="kpi-win-rate" value={o.winRate} previous={p.winRate} comparing={comparing} format="percent" icon={<IconTrophy size={18} />} nullReason="No deal closed in this period." hint={`${o.won} won · ${o.lost} lost · ${o.noDecision} no decision`} onDrill={() => drill(kpiDrill("Deals closed", { set: "closed" }))} />
      <ReportStat label="Revenue per rep" testId="kpi-revenue-per-rep" value={o.revenuePerRep} previous={p.revenuePerRep} comparing={comparing} format="money" nullReason="No rep closed a deal in this period." hint={`${o.reps} reps closed deals`} />
      <ReportStat label="Average deal size" testId="kpi-deal-size" value={o.averageDealSize} previous={p.averageDealSize} comparing={comparing} format="money" nullReason={noWins} onDrill={() => drill(kpiDrill("Deals won", { set: "won" }))} />
      {full && (
        <>
          <ReportStat label="Sales cycle (median)" testId="kpi-cycle" value={o.medianCycleDays} previous={p.medianCycleDays} comparing={comparing} goodWhen="down" format="days" icon={<IconCalendarStats size={18} />} nullReason={noWins} hint={o.meanCycleDays !== null ? `mean ${Math.round(o.meanCycleDays)} d, created → won` : "created → won"} />
          <ReportStat label="Expansion revenue" testId="kpi-expansion" value={o.expansionRevenue} previous={p.expansionRevenue} comparing={comparing} format="money" onDrill={() => drill(kpiDrill("Expansion deals won", { set: "expansion" }))} />
          <ReportStat label="Retention (renewal) revenue" testId="kpi-renewal" value={o.renewalRevenue} previous={p.renewalRevenue} comparing={comparing} format="money" onDrill={() => drill(kpiDrill("Renewals won", { set: "renewal" }))} />
          <ReportStat label="Forecast accuracy" testId="kpi-forecast" value={o.forecastAccuracy} previous={p.forecastAccuracy} comparing={comparing} format="percent" icon={<IconTarget size={18} />} nullReason="No settled month had a forecast amount." onDrill={() => drill(kpiDrill("Deals in the forecast", { set: "forecast" }))} />
          <ReportStat label="Sales activities per won deal" testId="kpi-activities" value={o.activitiesPerWonDeal} previous={p.activitiesPerWonDeal} comparing={comparing} goodWhen="down" format="decimal" nullReason={noWins} hint={`${o.salesActivities} activities between creation and close`} />
        </>
      )}
    </SimpleGrid>
  );
}

/** Won revenue per close month, split into new, expansion and renewal. */
export function RevenueByMonthChart({ data }: { data: Data }) {
  const drill = useDrill();
  return (
    <ChartCard title="Revenue by month" testId="kpi-revenue-chart" empty={data.byMonth.length === 0 ? "No deal closed in this period. Deals won or lost here fill this chart." : null} hint="Won amount by close month. Click a bar for its deals.">
      <BarsChart
        data={data.byMonth}
        dataKey="month"
        stacked
        format="money"
        series={[
          { name: "newRevenue", label: "New", color: "indigo.6" },
          { name: "expansionRevenue", label: "Expansion", color: "teal.6" },
          { name: "renewalRevenue", label: "Renewal", color: "orange.5" },
        ]}
        onBarClick={(row, series) => {
          const set = series === "expansionRevenue" ? "expansion" : series === "renewalRevenue" ? "renewal" : "won";
          drill(kpiDrill(`${set === "won" ? "Deals won" : set === "expansion" ? "Expansion deals won" : "Renewals won"} in ${String(row.month)}`, { set, month: String(row.month) }));
        }}
      />
    </ChartCard>
  );
}

function repColumns(): ReportColumn<RepRow>[] {
  const owner = (r: RepRow) => r.ownerId ?? "none";
  return [
    { key: "rep", header: "Rep", format: "text", value: (r) => r.ownerName },
    { key: "revenue", header: "Revenue", format: "money", value: (r) => r.revenue, drill: (r) => kpiDrill(`Deals won by ${r.ownerName}`, { set: "won", ownerId: owner(r) }) },
    { key: "won", header: "Won", format: "count", value: (r) => r.won, drill: (r) => kpiDrill(`Deals won by ${r.ownerName}`, { set: "won", ownerId: owner(r) }) },
    { key: "lost", header: "Lost", format: "count", value: (r) => r.lost, drill: (r) => kpiDrill(`Deals lost by ${r.ownerName}`, { set: "lost", ownerId: owner(r) }) },
    { key: "noDecision", header: "No decision", format: "count", value: (r) => r.noDecision, drill: (r) => kpiDrill(`No-decision deals of ${r.ownerName}`, { set: "no_decision", ownerId: owner(r) }) },
    { key: "winRate", header: "Win rate", format: "percent", value: (r) => r.winRate, nullReason: "Closed no deal in this period." },
    { key: "averageDealSize", header: "Avg deal", format: "money", value: (r) => r.averageDealSize, nullReason: "Won no deal in this period." },
    { key: "medianCycleDays", header: "Median cycle", format: "days", value: (r) => r.medianCycleDays, nullReason: "Won no deal in this period." },
    { key: "expansionRevenue", header: "Expansion", format: "money", value: (r) => r.expansionRevenue },
    { key: "renewalRevenue", header: "Renewal", format: "money", value: (r) => r.renewalRevenue },
    { key: "activitiesPerWonDeal", header: "Activities / won", format: "decimal", value: (r) => r.activitiesPerWonDeal, nullReason: "Won no deal in this period." },
  ];
}

/** KPIs per rep: a revenue chart to compare, and the full table. */
export function KpisByRep({ data, chartOnly = false }: { data: Data; chartOnly?: boolean }) {
  const reps = [...data.byRep].sort((a, b) => b.revenue - a.revenue);
  const chart = (
    <ChartCard title="Revenue by rep" testId="kpi-rep-chart" empty={reps.length === 0 ? "No deal closed in this period. Reps appear here once they win or lose a deal." : null}>
      <BarsChart data={reps} dataKey="ownerName" horizontal format="money" series={[{ name: "revenue", label: "Revenue", color: "teal.6" }]} />
    </ChartCard>
  );
  if (chartOnly) return chart;
  return (
    <Stack gap="md">
      {chart}
      <ReportTable title="By rep" exportName="kpis-by-rep" testId="kpi-rep-table" columns={repColumns()} rows={reps} rowKey={(r) => r.ownerId ?? "none"} empty="No deal closed in this period. Reps appear here once they win or lose a deal." />
    </Stack>
  );
}

/** The whole KPI report: cards, revenue and win rate over time, per rep, forecast accuracy and MQL→won by source. */
export function KpisReport({ filters }: { filters: ReportFilters }) {
  const query = useKpis(filters);
  return (
    <ReportQueryState query={query} height={520}>
      {(data) => (
        <Stack gap="lg">
          <KpiCards data={data} previous={query.previous} comparing={filters.compare} full />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <RevenueByMonthChart data={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <ChartCard title="Win rate by month" empty={data.byMonth.length === 0 ? "No deal closed in this period." : null} hint="Won ÷ (won + lost + no decision), by close month.">
                <TrendChart data={data.byMonth} dataKey="month" format="percent" series={[{ name: "winRate", label: "Win rate", color: "indigo.6" }]} />
              </ChartCard>
            </Grid.Col>
          </Grid>
          <KpisByRep data={data} />
          <ReportTable
            title="Forecast accuracy by expected-close month"
            exportName="kpis-forecast"
            testId="kpi-forecast-table"
            rows={data.forecast}
            rowKey={(r) => r.month}
            empty="No deal in this period carried a forecast amount and an expected close date."
            footer="Accuracy = 1 − |actual − forecast| ÷ forecast, floored at 0; settled once the month has ended."
            columns={[
              { key: "month", header: "Month", format: "text", value: (r) => r.month },
              { key: "deals", header: "Deals", format: "count", value: (r) => r.deals, drill: (r) => kpiDrill(`Deals forecast to close in ${r.month}`, { set: "forecast", month: r.month }) },
              { key: "forecast", header: "Forecast", format: "money", value: (r) => r.forecast },
              { key: "actual", header: "Won", format: "money", value: (r) => r.actual },
              { key: "accuracy", header: "Accuracy", format: "percent", value: (r) => r.accuracy, nullReason: "The month is still running, or nothing was forecast." },
            ]}
          />
          <ReportTable
            title="MQL → won by source"
            exportName="kpis-mql-to-won-by-source"
            testId="kpi-source-table"
            rows={data.mqlToWonBySource}
            rowKey={(r) => r.source}
            empty="No contact became an MQL in this period."
            columns={[
              { key: "source", header: "Source", format: "text", value: (r) => r.source },
              { key: "mqls", header: "MQLs", format: "count", value: (r) => r.mqls, drill: (r) => kpiDrill(`MQLs from ${r.source}`, { set: "mql", leadSource: r.source }) },
              { key: "won", header: "Became customers", format: "count", value: (r) => r.won, drill: (r) => kpiDrill(`MQLs from ${r.source} that became customers`, { set: "mql_won", leadSource: r.source }) },
              { key: "rate", header: "MQL → won", format: "percent", value: (r) => r.rate, nullReason: "No MQL from this source in the period." },
            ]}
          />
        </Stack>
      )}
    </ReportQueryState>
  );
}
