import { useState } from "react";
import { Grid, Group, SegmentedControl, SimpleGrid, Stack } from "@mantine/core";
import { IconArrowsDiff, IconCoin, IconRepeat, IconTrendingUp } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ExpansionRetention } from "../../../../shared/contracts/reports/expansion-retention.js";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";

type Data = Serialized<ExpansionRetention>;
type Row = Data["trend"][number];
type Grain = "month" | "quarter";

const NO_RENEWAL = "No renewal came up (closed) in this period.";
const NOTHING = "No deal closed in this period. Won, lost and renewed deals fill this report.";

function columns(): ReportColumn<Row>[] {
  return [
    { key: "period", header: "Period", format: "text", value: (r) => r.period },
    { key: "newLogo", header: "New logo", format: "money", value: (r) => r.newLogo },
    { key: "crossSell", header: "Cross-sell", format: "money", value: (r) => r.crossSell },
    { key: "upsell", header: "Upsell", format: "money", value: (r) => r.upsell },
    { key: "expansion", header: "Expansion (all)", format: "money", value: (r) => r.expansion },
    { key: "renewed", header: "Renewed", format: "money", value: (r) => r.renewed },
    { key: "churned", header: "Churned", format: "money", value: (r) => r.churned },
    { key: "renewalBase", header: "Up for renewal", format: "money", value: (r) => r.renewalBase },
    { key: "grossRetention", header: "GRR", format: "percent", value: (r) => r.grossRetention, nullReason: NO_RENEWAL },
    { key: "netRetention", header: "NRR", format: "percent", value: (r) => r.netRetention, nullReason: NO_RENEWAL },
  ];
}

/** Expansion and retention revenue: new logo vs expansion vs renewal per month or quarter, with GRR and NRR. */
export function ExpansionRetentionReportView({ filters }: { filters: ReportFilters }) {
  const [grain, setGrain] = useState<Grain>("month");
  const query = useReport<ExpansionRetention>("expansion-retention", filters, { grain });
  const p = query.previous?.totals;
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <SegmentedControl value={grain} onChange={(v) => setGrain(v as Grain)} data={[{ value: "month", label: "Month" }, { value: "quarter", label: "Quarter" }]} />
      </Group>
      <ReportQueryState query={query} height={520}>
        {(data) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="growth-revenue-cards">
              <ReportStat label="New-logo revenue" testId="rev-new" value={data.totals.newLogo} previous={p?.newLogo} comparing={filters.compare} format="money" icon={<IconCoin size={18} />} color="indigo" hint={`${data.totals.newLogoDeals} won new deals`} />
              <ReportStat label="Expansion revenue" testId="rev-expansion" value={data.totals.expansion} previous={p?.expansion} comparing={filters.compare} format="money" icon={<IconTrendingUp size={18} />} color="teal" hint={`${data.totals.expansionDeals} won cross-sell / upsell deals`} />
              <ReportStat label="Gross revenue retention" testId="rev-grr" value={data.totals.grossRetention} previous={p?.grossRetention} comparing={filters.compare} format="percent" icon={<IconRepeat size={18} />} nullReason={NO_RENEWAL} hint={`renewed ÷ up for renewal (${data.totals.renewalsWon} won, ${data.totals.renewalsLost} churned)`} />
              <ReportStat label="Net revenue retention" testId="rev-nrr" value={data.totals.netRetention} previous={p?.netRetention} comparing={filters.compare} format="percent" icon={<IconArrowsDiff size={18} />} nullReason={NO_RENEWAL} hint="(renewed + expansion) ÷ up for renewal" />
            </SimpleGrid>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <ChartCard title={`Revenue by ${grain}`} testId="growth-revenue-chart" empty={data.trend.length === 0 ? NOTHING : null} hint="Won revenue by close date; churn is the value of renewals lost or ended without a decision.">
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
