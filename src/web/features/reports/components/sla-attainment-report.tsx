import { Badge, Grid, SimpleGrid, Stack } from "@mantine/core";
import { IconClockCheck, IconTarget } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { SlaAttainment } from "../../../../shared/contracts/reports/sla-attainment.js";
import { formatNumber } from "../../../lib/format";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable } from "./report-table";

type Data = Serialized<SlaAttainment>;
type Kind = "accept" | "first_touch" | "recycle_attempts";

const KIND_SHORT: Record<Kind, string> = { accept: "Accept", first_touch: "First touch", recycle_attempts: "Recycling" };
const slaDrill = (title: string, params: DrillSpec["params"]): DrillSpec => ({ report: "sla-attainment", slug: "sla-attainment", title, params });
const NO_TIMER = "No sales SLA timer was due in this period.";

/** The SLA attainment report for the filters (and the previous period when comparing). */
export function useSlaAttainment(filters: ReportFilters) {
  return useReport<SlaAttainment>("sla-attainment", filters);
}

/** Sales-side attainment cards: overall, then per SLA (optionally only some kinds). */
export function SalesSlaCards({ data, previous, comparing, kinds }: { data: Data; previous?: Data; comparing: boolean; kinds?: Kind[] }) {
  const drill = useDrill();
  const o = data.sales.overall;
  const byKind = data.sales.byKind.filter((k) => !kinds || kinds.includes(k.kind));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: byKind.length + (kinds ? 0 : 1) }} spacing="md" data-testid="sales-sla-cards">
      {!kinds && (
        <ReportStat testId="sla-sales-overall" label="Sales SLA attainment" value={o.attainment} previous={previous?.sales.overall.attainment ?? null} comparing={comparing} format="percent" icon={<IconClockCheck size={18} />} nullReason={NO_TIMER} hint={`${formatNumber(o.onTime)} on time · ${formatNumber(o.breached)} breached · ${formatNumber(o.open)} open`} onDrill={() => drill(slaDrill("Sales SLA timers breached", { side: "sales", outcome: "breached" }))} />
      )}
      {byKind.map((k) => (
        <ReportStat key={k.kind} testId={`sla-${k.kind}`} label={k.label} value={k.attainment} previous={previous?.sales.byKind.find((x) => x.kind === k.kind)?.attainment ?? null} comparing={comparing} format="percent" nullReason={`No ${k.label.toLowerCase()} timer was due in this period.`} hint={`${formatNumber(k.onTime)} on time · ${formatNumber(k.breached)} breached`} onDrill={() => drill(slaDrill(`${k.label}: breached`, { side: "sales", kind: k.kind, outcome: "breached" }))} />
      ))}
    </SimpleGrid>
  );
}

/** Marketing-side attainment: the target periods that ended in the period and how many were met. */
export function MarketingSlaCard({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  const m = data.marketing;
  return (
    <ReportStat testId="sla-marketing" label="Marketing SLA attainment" value={m.attainment} previous={previous?.marketing.attainment ?? null} comparing={comparing} format="percent" icon={<IconTarget size={18} />} color="grape" nullReason="No marketing target period ended inside this period." hint={`${m.met} of ${m.evaluated} target periods met (MQL volume and acceptance)`} onDrill={() => drill(slaDrill("Marketing target periods", { side: "marketing" }))} />
  );
}

/** Attainment per month: sales overall and per SLA, and marketing. */
export function SlaTrend({ data, sides = "both" }: { data: Data; sides?: "both" | "sales" | "marketing" }) {
  const months = [...new Set([...data.sales.byMonth.map((r) => r.month), ...data.marketing.byMonth.map((r) => r.month)])].sort();
  const kinds = data.sales.byKind.map((k) => k.kind);
  const rows = months.map((month) => ({
    month,
    sales: data.sales.byMonth.find((r) => r.month === month && r.kind === null)?.attainment ?? null,
    ...Object.fromEntries(kinds.map((k) => [k, data.sales.byMonth.find((r) => r.month === month && r.kind === k)?.attainment ?? null])),
    marketing: data.marketing.byMonth.find((r) => r.month === month)?.attainment ?? null,
  }));
  const series = [
    ...(sides !== "marketing" ? [{ name: "sales", label: "Sales (all)", color: "indigo.6" }, ...kinds.map((k, i) => ({ name: k, label: KIND_SHORT[k], color: ["teal.5", "orange.5", "cyan.5"][i] }))] : []),
    ...(sides !== "sales" ? [{ name: "marketing", label: "Marketing targets", color: "grape.6" }] : []),
  ];
  return (
    <ChartCard title="SLA attainment by month" testId="sla-trend" empty={rows.length === 0 ? "No SLA timer was due and no marketing target period ended in this period." : null} hint="Sales: timers due that month met on time. Marketing: target periods ending that month that were met.">
      <TrendChart data={rows} dataKey="month" format="percent" series={series} />
    </ChartCard>
  );
}

/** Sales attainment per team (all sales SLAs together) as bars. */
export function SlaTeamChart({ data }: { data: Data }) {
  const rows = data.sales.byTeam.filter((r) => r.kind === null && r.onTime + r.breached > 0);
  return (
    <ChartCard title="Sales SLA attainment by team" testId="sla-team-chart" empty={rows.length === 0 ? NO_TIMER : null}>
      <BarsChart data={rows} dataKey="teamName" horizontal format="percent" series={[{ name: "attainment", label: "On time", color: "teal.6" }]} />
    </ChartCard>
  );
}

/** The whole SLA attainment report: both sides' cards and trend, teams, reps and the marketing target periods. */
export function SlaAttainmentReportView({ filters }: { filters: ReportFilters }) {
  const query = useSlaAttainment(filters);
  return (
    <ReportQueryState query={query} height={480}>
      {(data) => (
        <Stack gap="lg">
          <SalesSlaCards data={data} previous={query.previous} comparing={filters.compare} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <MarketingSlaCard data={data} previous={query.previous} comparing={filters.compare} />
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <SlaTrend data={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SlaTeamChart data={data} />
            </Grid.Col>
          </Grid>
          <ReportTable
            title="Sales SLAs by rep"
            exportName="sla-attainment-by-rep"
            testId="sla-rep-table"
            rows={data.sales.byRep.filter((r) => r.kind !== null).sort((a, b) => a.ownerName.localeCompare(b.ownerName) || String(a.kind).localeCompare(String(b.kind)))}
            rowKey={(r) => `${r.ownerId ?? "none"}:${r.kind}`}
            empty={NO_TIMER}
            columns={[
              { key: "ownerName", header: "Rep", format: "text", value: (r) => r.ownerName },
              { key: "kind", header: "SLA", format: "text", value: (r) => (r.kind ? KIND_SHORT[r.kind] : "All") },
              { key: "onTime", header: "On time", format: "count", value: (r) => r.onTime, drill: (r) => slaDrill(`${r.ownerName}: on time`, { side: "sales", kind: r.kind ?? undefined, outcome: "onTime", ownerId: r.ownerId ?? "none" }) },
              { key: "breached", header: "Breached", format: "count", value: (r) => r.breached, drill: (r) => slaDrill(`${r.ownerName}: breached`, { side: "sales", kind: r.kind ?? undefined, outcome: "breached", ownerId: r.ownerId ?? "none" }) },
              { key: "open", header: "Open", format: "count", value: (r) => r.open },
              { key: "attainment", header: "Attainment", format: "percent", value: (r) => r.attainment, nullReason: "Nothing decided yet." },
            ]}
          />
          <ReportTable
            title="Marketing target periods"
            exportName="sla-attainment-marketing-periods"
            testId="sla-marketing-table"
            rows={data.marketing.periods}
            rowKey={(r) => `${r.policyId}:${r.periodStart}`}
            empty="No marketing target period ended inside this period. Marketing targets are set in Settings → SLA."
            columns={[
              { key: "name", header: "Target", format: "text", value: (r) => r.name },
              { key: "segment", header: "Segment", format: "text", value: (r) => r.segment ?? "All" },
              { key: "periodStart", header: "From", format: "text", value: (r) => r.periodStart },
              { key: "mqls", header: "MQLs", format: "count", value: (r) => r.mqls },
              { key: "mqlTarget", header: "Target", format: "count", value: (r) => r.mqlTarget },
              { key: "acceptanceRate", header: "Accepted", format: "percent", value: (r) => r.acceptanceRate, nullReason: "No MQL decided." },
              { key: "minAcceptanceRate", header: "Minimum", format: "percent", value: (r) => r.minAcceptanceRate, nullReason: "No minimum set." },
              { key: "met", header: "Met", format: "text", value: (r) => (r.met ? "Met" : "Missed"), render: (r) => <Badge color={r.met ? "teal" : "red"} variant="light">{r.met ? "Met" : "Missed"}</Badge> },
            ]}
          />
        </Stack>
      )}
    </ReportQueryState>
  );
}
