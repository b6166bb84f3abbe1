import { useState } from "react";
import { Grid, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconThumbDown, IconThumbUp, IconTrophy } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { WIN_LOSS_DIMENSIONS, type WinLossDimension, type WinLossReport } from "../../../../shared/contracts/reports/win-loss.js";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";
import { can } from "../../../../shared/domain/permissions.js";
import { useSession } from "../../../lib/session";
import { RequestContentButton, type ContentRequestPrefill } from "../../content/components/content-request-dialog";

type Data = Serialized<WinLossReport>;
type Row = Data["rows"][number];
type Grain = "month" | "quarter";
type Extra = { by: WinLossDimension; grain: Grain; competitor?: string };

const DIM_LABELS: Record<WinLossDimension, string> = { reason: "Reason", competitor: "Competitor", segment: "Segment", source: "Source", persona: "Persona", rep: "Rep" };
const OUTCOME_LABELS = { won: "Won", lost: "Lost", no_decision: "No decision" } as const;
const NOTHING = "No deal closed in this period.";

/** A content request prefilled from a loss reason (and the competitor the report is filtered to). */
function lossPrefill(reason: string, deals: number, competitor: string | null): ContentRequestPrefill {
  return {
    title: competitor ? `Answer “${reason}” against ${competitor}` : `Answer “${reason}” objections`,
    details: `“${reason}” is a top loss reason: ${deals} lost deal${deals === 1 ? "" : "s"} in the period${competitor ? ` against ${competitor}` : ""}.`,
    competitor,
    buyingStage: "convert",
  };
}

const drillSpec = (title: string, extra: Extra, params: Record<string, string>): DrillSpec => ({
  report: "win-loss",
  slug: "win-loss",
  kind: "deal",
  title,
  params: { by: extra.by, grain: extra.grain, ...(extra.competitor ? { competitor: extra.competitor } : {}), ...params },
});

function columns(extra: Extra): ReportColumn<Row>[] {
  const d = (r: Row, outcome?: string) => drillSpec(`${DIM_LABELS[extra.by]}: ${r.label}${outcome ? ` (${OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS]})` : ""}`, extra, { key: r.key, ...(outcome ? { outcome } : {}) });
  return [
    { key: "label", header: DIM_LABELS[extra.by], format: "text", value: (r) => r.label },
    { key: "closed", header: "Closed", format: "count", value: (r) => r.won + r.lost + r.noDecision, drill: (r) => d(r) },
    { key: "won", header: "Won", format: "count", value: (r) => r.won, drill: (r) => d(r, "won") },
    { key: "lost", header: "Lost", format: "count", value: (r) => r.lost, drill: (r) => d(r, "lost") },
    { key: "noDecision", header: "No decision", format: "count", value: (r) => r.noDecision, drill: (r) => d(r, "no_decision") },
    { key: "winRate", header: "Win rate", format: "percent", value: (r) => r.winRate, nullReason: "Nothing closed." },
    { key: "wonAmount", header: "Won amount", format: "money", value: (r) => r.wonAmount },
    { key: "lostAmount", header: "Lost amount", format: "money", value: (r) => r.lostAmount },
  ];
}

/** Losses to each competitor per period as a share of the period's losses: who is taking more of our losses. */
function CompetitorShareChart({ data }: { data: Data }) {
  const names = [...new Set(data.competitorTrend.map((c) => c.competitor))].slice(0, 6);
  const rows = data.trend.map((t) => {
    const row: Record<string, unknown> = { period: t.period };
    for (const n of names) row[n] = data.competitorTrend.find((c) => c.period === t.period && c.competitor === n)?.share ?? 0;
    return row;
  });
  return (
    <ChartCard title="Share of losses by competitor" testId="winloss-competitor-share" empty={names.length === 0 ? "No loss named a competitor in this period." : null} hint="Losses to the competitor ÷ all losses of the period.">
      <BarsChart data={rows} dataKey="period" format="percent" series={names.map((n) => ({ name: n, label: n }))} />
    </ChartCard>
  );
}

/** The chosen cut over time: closed deals of its six largest keys per period (click a bar for its deals). */
function DimensionTrendChart({ data, extra, onDrill }: { data: Data; extra: Extra; onDrill: (spec: DrillSpec) => void }) {
  const keys = data.rows.slice(0, 6).map((r, i) => ({ name: `k${i}`, key: r.key, label: r.label }));
  const periods = [...new Set(data.rowTrend.map((t) => t.period))];
  const rows = periods.map((period) => {
    const row: Record<string, unknown> = { period };
    for (const k of keys) {
      const p = data.rowTrend.find((t) => t.period === period && t.key === k.key);
      row[k.name] = p ? p.won + p.lost + p.noDecision : 0;
    }
    return row;
  });
  const dim = DIM_LABELS[extra.by].toLowerCase();
  return (
    <ChartCard title={`Closed deals by ${dim} over time`} testId="winloss-by-trend" empty={keys.length === 0 ? NOTHING : null} hint={`The ${keys.length} largest values of the ${dim}, per ${extra.grain}. Click a bar for the deals.`}>
      <BarsChart
        data={rows}
        dataKey="period"
        stacked
        format="count"
        series={keys.map((k) => ({ name: k.name, label: k.label }))}
        onBarClick={(row, s) => {
          const k = keys.find((x) => x.name === s);
          if (k) onDrill(drillSpec(`${k.label}, ${String(row.period)}`, extra, { key: k.key, period: String(row.period) }));
        }}
      />
    </ChartCard>
  );
}

/** The win/loss report: totals, the trend, losses by competitor, the chosen cut as bars and a table, and the top reasons. */
export function WinLossReportView({ filters }: { filters: ReportFilters }) {
  const mayRequest = can(useSession().role, "requestContent");
  const [by, setBy] = useState<WinLossDimension>("reason");
  const [grain, setGrain] = useState<Grain>("month");
  const [competitor, setCompetitor] = useState("");
  const extra: Extra = { by, grain, ...(competitor.trim() ? { competitor: competitor.trim() } : {}) };
  const query = useReport<WinLossReport>("win-loss", filters, extra);
  const drill = useDrill();
  return (
    <Stack gap="lg">
      <Group gap="md" align="flex-end" data-testid="winloss-controls">
        <Select label="Cut by" data={WIN_LOSS_DIMENSIONS.map((d) => ({ value: d, label: DIM_LABELS[d] }))} value={by} onChange={(v) => v && setBy(v as WinLossDimension)} allowDeselect={false} w={180} data-testid="winloss-by" />
        <div>
          <Text fz="sm" fw={500} mb={4}>
            Trend by
          </Text>
          <SegmentedControl value={grain} onChange={(v) => setGrain(v as Grain)} data={[{ value: "month", label: "Month" }, { value: "quarter", label: "Quarter" }]} />
        </div>
        <TextInput label="Competitor" placeholder="Any" value={competitor} onChange={(e) => setCompetitor(e.currentTarget.value)} w={200} />
      </Group>
      <ReportQueryState query={query} height={480}>
        {(data) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
              <ReportStat testId="winloss-win-rate" label="Win rate" value={data.totals.winRate} previous={query.previous?.totals.winRate ?? null} comparing={filters.compare} format="percent" icon={<IconTrophy size={18} />} color="teal" nullReason={NOTHING} hint="won ÷ all closed" onDrill={() => drill(drillSpec("Closed deals", extra, {}))} />
              <ReportStat testId="winloss-won" label="Won" value={data.totals.won} previous={query.previous?.totals.won ?? null} comparing={filters.compare} format="count" icon={<IconThumbUp size={18} />} onDrill={() => drill(drillSpec("Won deals", extra, { outcome: "won" }))} />
              <ReportStat testId="winloss-lost" label="Lost" value={data.totals.lost} previous={query.previous?.totals.lost ?? null} comparing={filters.compare} goodWhen="down" format="count" icon={<IconThumbDown size={18} />} color="red" onDrill={() => drill(drillSpec("Lost deals", extra, { outcome: "lost" }))} />
              <ReportStat testId="winloss-no-decision" label="No decision" value={data.totals.noDecision} previous={query.previous?.totals.noDecision ?? null} comparing={filters.compare} goodWhen="down" format="count" onDrill={() => drill(drillSpec("No-decision deals", extra, { outcome: "no_decision" }))} />
            </SimpleGrid>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartCard title={`Outcomes by ${grain}`} testId="winloss-trend" empty={data.trend.length === 0 ? NOTHING : null} hint="Click a bar for the deals.">
                  <BarsChart
                    data={data.trend}
                    dataKey="period"
                    stacked
                    format="count"
                    series={[{ name: "won", label: "Won", color: "teal.6" }, { name: "lost", label: "Lost", color: "red.6" }, { name: "noDecision", label: "No decision", color: "yellow.6" }]}
                    onBarClick={(row, s) => drill(drillSpec(`${String(row.period)}: ${s === "noDecision" ? "No decision" : s}`, extra, { period: String(row.period), outcome: s === "noDecision" ? "no_decision" : s }))}
                  />
                </ChartCard>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <ChartCard title="Win rate and losses to competitors" testId="winloss-rate-trend" empty={data.trend.length === 0 ? NOTHING : null} hint="Win rate: won ÷ closed. Competitor share: losses naming a competitor ÷ all losses.">
                  <TrendChart data={data.trend} dataKey="period" format="percent" series={[{ name: "winRate", label: "Win rate", color: "teal.6" }, { name: "competitorLossShare", label: "Losses to competitors", color: "red.6" }]} />
                </ChartCard>
              </Grid.Col>
            </Grid>
            <CompetitorShareChart data={data} />
            <ChartCard title={`Outcomes by ${DIM_LABELS[by].toLowerCase()}`} testId="winloss-by-chart" empty={data.rows.length === 0 ? NOTHING : null} hint="Click a bar for the deals.">
              <BarsChart
                data={data.rows.slice(0, 15)}
                dataKey="label"
                horizontal
                stacked
                categoryWidth={200}
                format="count"
                series={[{ name: "won", label: "Won", color: "teal.6" }, { name: "lost", label: "Lost", color: "red.6" }, { name: "noDecision", label: "No decision", color: "yellow.6" }]}
                onBarClick={(row, s) => drill(drillSpec(`${String(row.label)}`, extra, { key: String(row.key), outcome: s === "noDecision" ? "no_decision" : s }))}
              />
            </ChartCard>
            <DimensionTrendChart data={data} extra={extra} onDrill={drill} />
            <ReportTable
              title={`By ${DIM_LABELS[by].toLowerCase()}`}
              exportName={`win-loss-by-${by}`}
              testId="winloss-table"
              columns={[
                ...columns(extra),
                ...(mayRequest && by === "competitor"
                  ? [{ key: "request", header: "", format: "text" as const, value: () => "", render: (r: Row) => (r.lost > 0 ? <RequestContentButton size="xs" variant="subtle" prefill={{ title: `Counter ${r.label} in late-stage deals`, details: `We lost ${r.lost} deal${r.lost === 1 ? "" : "s"} to ${r.label} in this period.`, competitor: r.label, buyingStage: "convert" }} /> : null) }]
                  : []),
              ]}
              rows={data.rows}
              rowKey={(r) => r.key}
              empty={NOTHING}
            />
            <ReportTable
              title="Top reasons"
              exportName="win-loss-top-reasons"
              testId="winloss-top-reasons"
              columns={[
                { key: "outcome", header: "Outcome", format: "text", value: (r) => OUTCOME_LABELS[r.outcome] },
                { key: "label", header: "Reason", format: "text", value: (r) => r.label },
                { key: "deals", header: "Deals", format: "count", value: (r) => r.deals, drill: (r) => drillSpec(`${OUTCOME_LABELS[r.outcome]}: ${r.label}`, { ...extra, by: "reason" }, { key: `${r.outcome}:${r.code}`, outcome: r.outcome }) },
                { key: "share", header: "Share of the outcome", format: "percent", value: (r) => r.share },
                // Issue 8: the top loss reasons feed content requests, prefilled from the reason and the competitor filter.
                ...(mayRequest ? [{ key: "request", header: "", format: "text" as const, value: () => "", render: (r: Data["topReasons"][number]) => (r.outcome === "lost" ? <RequestContentButton size="xs" variant="subtle" prefill={lossPrefill(r.label, r.deals, extra.competitor ?? null)} /> : null) }] : []),
              ]}
              rows={data.topReasons}
              rowKey={(r) => `${r.outcome}:${r.code}`}
              empty={NOTHING}
            />
          </Stack>
        )}
      </ReportQueryState>
    </Stack>
  );
}
