import { useState } from "react";
import { Grid, Select, SimpleGrid, Stack } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { VelocityReport } from "../../../../shared/contracts/reports/velocity.js";
import { stageLabel } from "../../../lib/labels";
import { formatNumber } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import type { DrillSpec } from "../hooks/drill-records";
import { formatValue } from "../hooks/report-format";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { pairLabel } from "./funnel-report";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable } from "./report-table";

type Data = Serialized<VelocityReport>;
type Pair = Data["pairs"][number];

const velocityDrill = (title: string, params: DrillSpec["params"]): DrillSpec => ({ report: "velocity", slug: "velocity", kind: "contact", title, params });
const notTimed = (p: Pick<Pair, "from" | "to">) => `No contact went from ${stageLabel(p.from)} to ${stageLabel(p.to)} in this period.`;

/** The velocity report for the filters (and the previous period when comparing). */
export function useVelocity(filters: ReportFilters) {
  return useReport<VelocityReport>("velocity", filters);
}

/** One stage pair's median time as a card: the spread and how many were timed, drillable to the contacts. */
export function VelocityCard({ pair, previous, comparing }: { pair: Pair; previous?: Pair; comparing: boolean }) {
  const drill = useDrill();
  const { workspace } = useSession();
  const spread = pair.p25Hours !== null && pair.p75Hours !== null ? `middle half ${formatValue(pair.p25Hours, "hours", workspace.currency)} – ${formatValue(pair.p75Hours, "hours", workspace.currency)} · ` : "";
  return (
    <ReportStat
      testId={`velocity-${pair.from}`}
      label={`${pairLabel(pair)} (median)`}
      value={pair.medianHours}
      previous={previous?.medianHours ?? null}
      comparing={comparing}
      goodWhen="down"
      format="hours"
      nullReason={notTimed(pair)}
      hint={`${spread}${formatNumber(pair.contacts)} timed${pair.skipped ? `, ${formatNumber(pair.skipped)} skipped the stage` : ""}`}
      onDrill={() => drill(velocityDrill(`${pairLabel(pair)}: time taken`, { stage: pair.from }))}
    />
  );
}

/** Median hours per stage pair as bars, with the previous period when comparing. */
export function VelocityChart({ data, previous }: { data: Data; previous?: Data }) {
  const drill = useDrill();
  const rows = data.pairs.map((p) => ({ pair: pairLabel(p), from: p.from, median: p.medianHours, previous: previous?.pairs.find((q) => q.from === p.from)?.medianHours ?? null }));
  return (
    <ChartCard title="Median time per stage" testId="velocity-chart" empty={data.pairs.every((p) => p.contacts === 0) ? "No contact moved to a next stage in this period. Stage changes fill this chart." : null} hint="Calendar hours from entering a stage to entering the next. Click a bar for the contacts.">
      <BarsChart
        data={rows}
        dataKey="pair"
        horizontal
        categoryWidth={170}
        format="hours"
        series={previous ? [{ name: "median", label: "This period" }, { name: "previous", label: "Previous period", color: "gray.5" }] : [{ name: "median", label: "Median" }]}
        onBarClick={(row) => drill(velocityDrill(`${String(row.pair)}: time taken`, { stage: String(row.from) }))}
      />
    </ChartCard>
  );
}

/** The median of one pair over cohort months. */
export function VelocityTrend({ pair }: { pair: Pair }) {
  return (
    <ChartCard title={`${pairLabel(pair)} by cohort month`} testId={`velocity-trend-${pair.from}`} empty={pair.cohorts.length === 0 ? notTimed(pair) : null} hint="Median with the middle half (25th–75th percentile) of the contacts who entered the first stage that month.">
      <TrendChart
        data={pair.cohorts}
        dataKey="cohort"
        format="hours"
        series={[
          { name: "medianHours", label: "Median", color: "indigo.6" },
          { name: "p25Hours", label: "25th percentile", color: "teal.5" },
          { name: "p75Hours", label: "75th percentile", color: "orange.5" },
        ]}
      />
    </ChartCard>
  );
}

/** The whole velocity report: a card per pair, the comparison chart, one pair's trend and cohort table. */
export function VelocityReportView({ filters }: { filters: ReportFilters }) {
  const query = useVelocity(filters);
  const [stage, setStage] = useState("mql");
  return (
    <ReportQueryState query={query} height={520}>
      {(data) => {
        const pair = data.pairs.find((p) => p.from === stage) ?? data.pairs[0];
        return (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {data.pairs.map((p) => (
                <VelocityCard key={p.from} pair={p} previous={query.previous?.pairs.find((q) => q.from === p.from)} comparing={filters.compare} />
              ))}
            </SimpleGrid>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <VelocityChart data={data} previous={query.previous} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>{pair && <VelocityTrend pair={pair} />}</Grid.Col>
            </Grid>
            {pair && (
              <ReportTable
                title={`Cohorts: ${pairLabel(pair)}`}
                exportName={`velocity-${pair.from}-to-${pair.to}`}
                testId="velocity-cohort-table"
                actions={<Select size="xs" w={200} aria-label="Stage pair" allowDeselect={false} value={pair.from} onChange={(v) => v && setStage(v)} data={data.pairs.map((p) => ({ value: p.from, label: pairLabel(p) }))} />}
                rows={pair.cohorts}
                rowKey={(c) => c.cohort}
                empty={notTimed(pair)}
                footer={`Calendar hours from entering ${stageLabel(pair.from)} to entering ${stageLabel(pair.to)}; contacts that jumped past ${stageLabel(pair.to)} are counted as skipped and not timed.`}
                columns={[
                  { key: "cohort", header: "Cohort", format: "text", value: (c) => c.cohort },
                  { key: "contacts", header: "Timed", format: "count", value: (c) => c.contacts, drill: (c) => velocityDrill(`${pairLabel(pair)}, ${c.cohort} cohort`, { stage: pair.from, cohort: c.cohort }) },
                  { key: "skipped", header: "Skipped", format: "count", value: (c) => c.skipped },
                  { key: "p25Hours", header: "25th pct", format: "hours", value: (c) => c.p25Hours, nullReason: "Nobody timed in this cohort." },
                  { key: "medianHours", header: "Median", format: "hours", value: (c) => c.medianHours, nullReason: "Nobody timed in this cohort." },
                  { key: "p75Hours", header: "75th pct", format: "hours", value: (c) => c.p75Hours, nullReason: "Nobody timed in this cohort." },
                ]}
              />
            )}
          </Stack>
        );
      }}
    </ReportQueryState>
  );
}
