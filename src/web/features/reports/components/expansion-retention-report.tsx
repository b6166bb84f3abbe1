import { useState } from "react";
import { Grid, Group, SegmentedControl, SimpleGrid, Stack } from "@mantine/core";
import { IconArrowsDiff, IconCoin, IconRepeat, IconTrendingDown, IconTrendingUp } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ExpansionMeasure, ExpansionRetention } from "../../../../shared/contracts/reports/expansion-retention.js";
import type { DrillSpec } from "../hooks/drill-records";
import { useMoney } from "../../../lib/session";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";

type Data = Serialized<ExpansionRetention>;
type Row = Data["trend"][number];
type Grain = "month" | "quarter";

const NO_RENEWAL = "No renewal came up (closed) in this period.";
const NOTHING = "No deal closed in this period. Won, lost and renewed deals fill this report.";

const MEASURE_TITLES: Record<ExpansionMeasure, string> = {
  newLogo: "New-logo deals won",
  crossSell: "Cross-sell deals won",
  upsell: "Upsell deals won",
  expansion: "Expansion deals won (cross-sell, upsell, expansion)",
  renewed: "Renewals won",
  churned: "Churned renewals (lost or no decision)",
  renewalBase: "Renewals that came up (won, lost or no decision)",
};

/** The deals behind one figure, over the whole range or one month or quarter (nothing to open for a zero). */
export function expansionDrill(measure: ExpansionMeasure, value: number, period?: string): DrillSpec | null {
  if (value === 0) return null;
  return { report: "expansion-retention", slug: "expansion-retention", kind: "deal", title: period ? `${MEASURE_TITLES[measure]} · ${period}` : MEASURE_TITLES[measure], params: { measure, ...(period ? { period } : {}) } };
}

function moneyColumn(key: ExpansionMeasure, header: string): ReportColumn<Row> {
  return { key, header, format: "money", value: (r) => r[key], drill: (r) => expansionDrill(key, r[key], r.period) };
}

function columns(): ReportColumn<Row>[] {
  return [
    { key: "period", header: "Period", format: "text", value: (r) => r.period },
    moneyColumn("newLogo", "New logo"),
    moneyColumn("crossSell", "Cross-sell"),
    moneyColumn("upsell", "Upsell"),
    moneyColumn("expansion", "Expansion (all)"),
    moneyColumn("renewed", "Renewed"),
    moneyColumn("churned", "Churned"),
    moneyColumn("renewalBase", "Up for renewal"),
    { key: "grossRetention", header: "GRR", format: "percent", value: (r) => r.grossRetention, nullReason: NO_RENEWAL },
    { key: "netRetention", header: "NRR", format: "percent", value: (r) => r.netRetention, nullReason: NO_RENEWAL },
  ];
}

/** Expansion and retention revenue: new logo vs expansion vs renewal per month or quarter, with GRR and NRR. */
export function ExpansionRetentionReportView({ filters }: { filters: ReportFilters }) {
  const [grain, setGrain] = useState<Grain>("month");
  const query = useReport<ExpansionRetention>("expansion-retention", filters, { grain });
  const p = query.previous?.totals;
  const drill = useDrill();
  const money = useMoney();
  const open = (measure: ExpansionMeasure, value: number, period?: string) => {
    const spec = expansionDrill(measure, value, period);
    return spec ? () => drill(spec) : undefined;
  };
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <SegmentedControl value={grain} onChange={(v) => setGrain(v as Grain)} data={[{ value: "month", label: "Month" }, { value: "quarter", label: "Quarter" }]} />
      </Group>
      <ReportQueryState query={query} height={520}>
        {(data) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="growth-revenue-cards">
              <ReportStat label="New-logo revenue" testId="rev-new" value={data.totals.newLogo} previous={p?.newLogo} comparing={filters.compare} format="money" icon={<IconCoin size={18} />} color="indigo" hint={`${data.totals.newLogoDeals} won new deals`} onDrill={open("newLogo", data.totals.newLogo)} />
              <ReportStat label="Expansion revenue" testId="rev-expansion" value={data.totals.expansion} previous={p?.expansion} comparing={filters.compare} format="money" icon={<IconTrendingUp size={18} />} color="teal" hint={`${data.totals.expansionDeals} won cross-sell / upsell deals`} onDrill={open("expansion", data.totals.expansion)} />
              <ReportStat label="Renewed revenue" testId="rev-renewed" value={data.totals.renewed} previous={p?.renewed} comparing={filters.compare} format="money" icon={<IconRepeat size={18} />} color="orange" hint={`${data.totals.renewalsWon} renewals won of ${money(data.totals.renewalBase, { compact: true })} up for renewal`} onDrill={open("renewed", data.totals.renewed)} />
              <ReportStat label="Churned revenue" testId="rev-churned" value={data.totals.churned} previous={p?.churned} comparing={filters.compare} goodWhen="down" format="money" icon={<IconTrendingDown size={18} />} color="red" hint={`${data.totals.renewalsLost} renewals lost or ended without a decision`} onDrill={open("churned", data.totals.churned)} />
              <ReportStat label="Gross revenue retention" testId="rev-grr" value={data.totals.grossRetention} previous={p?.grossRetention} comparing={filters.compare} format="percent" icon={<IconRepeat size={18} />} nullReason={NO_RENEWAL} hint={`renewed ÷ up for renewal (${data.totals.renewalsWon} won, ${data.totals.renewalsLost} churned)`} />
              <ReportStat label="Net revenue retention" testId="rev-nrr" value={data.totals.netRetention} previous={p?.netRetention} comparing={filters.compare} format="percent" icon={<IconArrowsDiff size={18} />} nullReason={NO_RENEWAL} hint="(renewed + expansion) ÷ up for renewal" />
            </SimpleGrid>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <ChartCard title={`Revenue by ${grain}`} testId="growth-revenue-chart" empty={data.trend.length === 0 ? NOTHING : null} hint="Won revenue by close date; churn is the value of renewals lost or ended without a decision. Click a bar, a card or a number for its deals.">
                  <BarsChart
                    data={data.trend}
                    dataKey="period"
                    stacked
                    format="money"
                    series={[
                      { name: "newLogo", label: "New logo", color: "indigo.6" },
                      { name: "expansion", label: "Expansion", color: "teal.6" },
                      { name: "renewed", label: "Renewed", color: "orange.5" },
                      { name: "churned", label: "Churned", color: "red.6" },
                    ]}
                    onBarClick={(row, series) => {
                      const measure = series as ExpansionMeasure;
                      const spec = expansionDrill(measure, Number(row[measure] ?? 0), String(row.period));
                      if (spec) drill(spec);
                    }}
                  />
                </ChartCard>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <ChartCard title="Revenue retention" testId="growth-retention-chart" empty={data.trend.some((t) => t.renewalBase > 0) ? null : NO_RENEWAL}>
                  <TrendChart data={data.trend} dataKey="period" format="percent" series={[{ name: "netRetention", label: "NRR", color: "teal.6" }, { name: "grossRetention", label: "GRR", color: "orange.6" }]} />
                </ChartCard>
              </Grid.Col>
            </Grid>
            <ReportTable title={`By ${grain}`} exportName="expansion-retention" testId="growth-revenue-table" columns={columns()} rows={data.trend} rowKey={(r) => r.period} empty={NOTHING} />
          </Stack>
        )}
      </ReportQueryState>
    </Stack>
  );
}
