import { useState } from "react";
import { Grid, Select, SimpleGrid, Stack } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { FunnelReport } from "../../../../shared/contracts/reports/funnel.js";
import { stageLabel } from "../../../lib/labels";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable } from "./report-table";

type Data = Serialized<FunnelReport>;
type Pair = Data["pairs"][number];

/** `MQL → SAL`. */
export const pairLabel = (p: Pick<Pair, "from" | "to">) => `${stageLabel(p.from)} → ${stageLabel(p.to)}`;

const funnelDrill = (title: string, params: DrillSpec["params"]): DrillSpec => ({ report: "funnel", slug: "funnel", kind: "contact", title, params });

/** The funnel report for the filters (and the previous period when comparing). */
export function useFunnel(filters: ReportFilters) {
  return useReport<FunnelReport>("funnel", filters);
}

/** Conversion of each stage pair as bars (this period and, when comparing, the previous one); a bar opens its contacts. */
export function FunnelConversionChart({ data, previous }: { data: Data; previous?: Data }) {
  const drill = useDrill();
  const rows = data.pairs.map((p) => ({ pair: pairLabel(p), from: p.from, rate: p.rate, previous: previous?.pairs.find((q) => q.from === p.from)?.rate ?? null }));
  const empty = data.pairs.every((p) => p.entered === 0) ? "No contact entered a funnel stage in this period. Leads created, MQLs and deals fill this chart." : null;
  return (
    <ChartCard title="Conversion by stage" testId="funnel-chart" empty={empty} hint="Share of the contacts who entered a stage in the period that later reached the next one (or beyond). Click a bar for them.">
      <BarsChart
        data={rows}
        dataKey="pair"
        format="percent"
        horizontal
        categoryWidth={170}
        series={previous ? [{ name: "rate", label: "This period" }, { name: "previous", label: "Previous period", color: "gray.5" }] : [{ name: "rate", label: "Conversion" }]}
        onBarClick={(row) => drill(funnelDrill(`${String(row.pair)}: converted`, { stage: String(row.from), converted: "true" }))}
      />
    </ChartCard>
  );
}

/** One card per stage pair: the conversion, how many entered and converted, and the change when comparing. */
export function FunnelCards({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm" data-testid="funnel-cards">
      {data.pairs.map((p) => (
        <ReportStat
          key={p.from}
          testId={`funnel-${p.from}`}
          label={pairLabel(p)}
          value={p.rate}
          previous={previous?.pairs.find((q) => q.from === p.from)?.rate ?? null}
          comparing={comparing}
          format="percent"
          nullReason={`No contact entered ${stageLabel(p.from)} in this period.`}
          hint={`${p.converted.toLocaleString()} of ${p.entered.toLocaleString()}`}
          onDrill={() => drill(funnelDrill(`Entered ${stageLabel(p.from)}`, { stage: p.from }))}
        />
      ))}
    </SimpleGrid>
  );
}

/** The whole funnel report: cards, the conversion chart, conversion by cohort over time, and each pair's cohort table. */
export function FunnelReportView({ filters }: { filters: ReportFilters }) {
  const query = useFunnel(filters);
  const [stage, setStage] = useState<string>("mql");
  return (
    <ReportQueryState query={query} height={520}>
      {(data) => {
        const pair = data.pairs.find((p) => p.from === stage) ?? data.pairs[0];
        const months = [...new Set(data.pairs.flatMap((p) => p.cohorts.map((c) => c.cohort)))].sort();
        const trend = months.map((m) => Object.fromEntries([["cohort", m], ...data.pairs.map((p) => [p.from, p.cohorts.find((c) => c.cohort === m)?.rate ?? null])]));
        return (
          <Stack gap="lg">
            <FunnelCards data={data} previous={query.previous} comparing={filters.compare} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <FunnelConversionChart data={data} previous={query.previous} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartCard title="Conversion by cohort month" empty={months.length === 0 ? "No cohort in this period." : null} hint="Each line is a stage pair; a cohort is the month its contacts entered the first stage. Recent cohorts have had less time to convert.">
                  <TrendChart data={trend} dataKey="cohort" format="percent" series={data.pairs.map((p) => ({ name: p.from, label: pairLabel(p) }))} />
                </ChartCard>
              </Grid.Col>
            </Grid>
            {pair && (
              <ReportTable
                title={`Cohorts: ${pairLabel(pair)}`}
                exportName={`funnel-${pair.from}-to-${pair.to}`}
                testId="funnel-cohort-table"
                actions={<Select size="xs" w={200} aria-label="Stage pair" allowDeselect={false} value={pair.from} onChange={(v) => v && setStage(v)} data={data.pairs.map((p) => ({ value: p.from, label: pairLabel(p) }))} />}
                rows={pair.cohorts}
                rowKey={(c) => c.cohort}
                empty={`No contact entered ${stageLabel(pair.from)} in this period.`}
                footer={`Cohort = the month (workspace time zone) a contact entered ${stageLabel(pair.from)}; converted = reached ${stageLabel(pair.to)} or a later stage since.`}
                columns={[
                  { key: "cohort", header: "Cohort", format: "text", value: (c) => c.cohort },
                  { key: "entered", header: `Entered ${stageLabel(pair.from)}`, format: "count", value: (c) => c.entered, drill: (c) => funnelDrill(`${c.cohort}: entered ${stageLabel(pair.from)}`, { stage: pair.from, cohort: c.cohort }) },
                  { key: "converted", header: `Reached ${stageLabel(pair.to)}`, format: "count", value: (c) => c.converted, drill: (c) => funnelDrill(`${c.cohort}: reached ${stageLabel(pair.to)}`, { stage: pair.from, cohort: c.cohort, converted: "true" }) },
                  { key: "notConverted", header: "Not (yet)", format: "count", value: (c) => c.entered - c.converted, drill: (c) => funnelDrill(`${c.cohort}: not yet ${stageLabel(pair.to)}`, { stage: pair.from, cohort: c.cohort, converted: "false" }) },
                  { key: "rate", header: "Conversion", format: "percent", value: (c) => c.rate, nullReason: "No contact in this cohort." },
                ]}
              />
            )}
          </Stack>
        );
      }}
    </ReportQueryState>
  );
}
