import { Badge, Grid, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { GaugeChart } from "@mantine/charts";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { AlignmentHealth } from "../../../../shared/contracts/reports/alignment-health.js";
import { formatDecimal, formatNumber } from "../../../lib/format";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { ChartCard, TrendChart } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ChangeBadge, NullValue } from "./report-value";
import { ReportTable } from "./report-table";

type Data = Serialized<AlignmentHealth>;
type Part = Data["parts"][number];

const scoreColor = (s: number | null) => (s === null ? "gray" : s >= 70 ? "teal" : s >= 45 ? "yellow" : "red");
const healthDrill = (title: string, params: DrillSpec["params"]): DrillSpec => ({ report: "alignment-health", slug: "alignment-health", title, params });

/** Where a part's number opens: the records behind it, in this report or the one it comes from. */
function partDrill(part: Part): DrillSpec | null {
  switch (part.key) {
    case "acceptance":
      return healthDrill("MQLs handed over", { part: "acceptance" });
    case "closed_loop":
      return healthDrill("Decisions and closed deals without a reason recorded", { part: "closed_loop", reasonRecorded: "false" });
    case "sales_sla":
      return { report: "sla-attainment", slug: "sla-attainment", title: "Sales SLA timers due", params: { side: "sales" } };
    case "marketing_sla":
      return { report: "sla-attainment", slug: "sla-attainment", title: "Marketing target periods evaluated", params: { side: "marketing" } };
    default:
      return null;
  }
}

/** The alignment health report for the filters (and the previous period when comparing). */
export function useAlignmentHealth(filters: ReportFilters) {
  return useReport<AlignmentHealth>("alignment-health", filters);
}

/** The index as a gauge, and each part with its score, weight and how it was computed. */
export function HealthIndex({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  return (
    <Grid gap="md" data-testid="health-index">
      <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
        <Paper withBorder radius="md" p="md" h="100%">
          <Text fz="xs" tt="uppercase" fw={600} c="dimmed">
            Alignment health index
          </Text>
          <Stack align="center" gap={4} mt="sm">
            {data.index === null ? (
              <Text fz={36} fw={700}>
                <NullValue reason="No part of the index could be measured in this period." />
              </Text>
            ) : (
              <GaugeChart aria-label="Alignment health index" data-testid="health-index-gauge" value={Math.round(data.index)} min={0} max={100} size={190} thickness={16} roundCaps filledColor={`${scoreColor(data.index)}.6`} label={<Text fz={34} fw={700}>{Math.round(data.index)}</Text>} />
            )}
            {comparing && <ChangeBadge current={data.index} previous={previous?.index} format="decimal" />}
            <Text fz="xs" c="dimmed" ta="center">
              0–100, the mean of the {data.measuredParts} measured parts (of {data.parts.length}), equal weights.
            </Text>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="health-parts">
          {data.parts.map((p) => {
            const spec = partDrill(p);
            const prev = previous?.parts.find((q) => q.key === p.key);
            return (
              <Paper key={p.key} withBorder radius="md" p="sm" data-testid="health-part" data-part={p.key}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fz="sm" fw={600}>
                    {p.label}
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    {comparing && p.score !== null && <ChangeBadge current={p.score} previous={prev?.score} format="decimal" />}
                    {p.score === null ? (
                      <NullValue reason={p.notMeasuredReason ?? "Not measured in this period."} />
                    ) : (
                      <Tooltip label={`Weight ${formatDecimal(p.weight * 100)}% of the index`} withArrow>
                        {spec ? (
                          <UnstyledButton onClick={() => drill(spec)} aria-label={`${p.label}: ${Math.round(p.score ?? 0)}, show the records`} data-drill="true">
                            <Badge color={scoreColor(p.score)} variant="light" size="lg" data-testid="health-part-score" style={{ cursor: "pointer" }}>
                              {Math.round(p.score)}
                            </Badge>
                          </UnstyledButton>
                        ) : (
                          <Badge color={scoreColor(p.score)} variant="light" size="lg" data-testid="health-part-score">
                            {Math.round(p.score)}
                          </Badge>
                        )}
                      </Tooltip>
                    )}
                  </Group>
                </Group>
                <Progress value={p.score ?? 0} color={scoreColor(p.score)} size="sm" mt={6} aria-label={`${p.label} score`} />
                <Text fz="xs" c="dimmed" mt={6}>
                  {p.score === null ? (p.notMeasuredReason ?? p.detail) : p.detail}
                </Text>
              </Paper>
            );
          })}
        </SimpleGrid>
      </Grid.Col>
    </Grid>
  );
}

/** The four symptoms of misalignment as monthly trends. */
export function SymptomTrends({ data }: { data: Data }) {
  const empty = data.symptoms.length === 0 ? "No month in this period. Deals, lead decisions and campaign costs fill these trends." : null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="symptom-trends">
      <ChartCard title="Sales activities per won deal" testId="symptom-activities" empty={empty} hint="Rising: more effort per win.">
        <TrendChart data={data.symptoms} dataKey="month" format="decimal" h={200} series={[{ name: "activitiesPerWonDeal", label: "Activities per won deal", color: "indigo.6" }]} />
      </ChartCard>
      <ChartCard title="Share of losses to competitors" testId="symptom-competitors" empty={empty} hint="Lost deals with a competitor recorded ÷ lost deals.">
        <TrendChart data={data.symptoms} dataKey="month" format="percent" h={200} series={[{ name: "competitorLossShare", label: "Lost to competitors", color: "red.6" }]} />
      </ChartCard>
      <ChartCard title="Rejection rate" testId="symptom-rejections" empty={empty} hint="Rejected ÷ (accepted + rejected) of the MQLs handed over.">
        <TrendChart data={data.symptoms} dataKey="month" format="percent" h={200} series={[{ name: "rejectionRate", label: "Rejection rate", color: "orange.6" }]} />
      </ChartCard>
      <ChartCard title="Cost per SQL vs MQL → won" testId="symptom-cost" empty={empty} hint="Cost rising while fewer MQLs become customers means paying more for worse leads.">
        <Stack gap={4}>
          <TrendChart data={data.symptoms} dataKey="month" format="money" h={110} series={[{ name: "costPerSql", label: "Cost per SQL", color: "grape.6" }]} />
          <TrendChart data={data.symptoms} dataKey="month" format="percent" h={110} series={[{ name: "mqlToWon", label: "MQL → won", color: "teal.6" }]} />
        </Stack>
      </ChartCard>
    </SimpleGrid>
  );
}

/** The whole health report: the index and its parts, the symptom trends, and the monthly figures behind them. */
export function AlignmentHealthReportView({ filters }: { filters: ReportFilters }) {
  const query = useAlignmentHealth(filters);
  return (
    <ReportQueryState query={query} height={520}>
      {(data) => (
        <Stack gap="lg">
          <HealthIndex data={data} previous={query.previous} comparing={filters.compare} />
          <SymptomTrends data={data} />
          <ReportTable
            title="Symptoms by month"
            exportName="alignment-symptoms"
            testId="symptom-table"
            rows={data.symptoms}
            rowKey={(r) => r.month}
            empty="No month in this period."
            columns={[
              { key: "month", header: "Month", format: "text", value: (r) => r.month },
              { key: "wonDeals", header: "Won deals", format: "count", value: (r) => r.wonDeals },
              { key: "activitiesPerWonDeal", header: "Activities / won", format: "decimal", value: (r) => r.activitiesPerWonDeal, nullReason: "No deal won this month." },
              { key: "lostDeals", header: "Lost", format: "count", value: (r) => r.lostDeals },
              { key: "lostToCompetitors", header: "To competitors", format: "count", value: (r) => r.lostToCompetitors, drill: (r) => healthDrill(`Deals lost to competitors in ${r.month}`, { part: "competitor_losses", month: r.month }) },
              { key: "competitorLossShare", header: "Competitor share", format: "percent", value: (r) => r.competitorLossShare, nullReason: "No deal lost this month." },
              { key: "rejected", header: "Rejected", format: "count", value: (r) => r.rejected, drill: (r) => healthDrill(`MQLs rejected, handed over in ${r.month}`, { part: "acceptance", decision: "rejected", month: r.month }) },
              { key: "rejectionRate", header: "Rejection rate", format: "percent", value: (r) => r.rejectionRate, nullReason: "Nothing accepted or rejected this month." },
              { key: "cost", header: "Cost", format: "money", value: (r) => r.cost },
              { key: "sqls", header: "SQLs", format: "count", value: (r) => r.sqls },
              { key: "costPerSql", header: "Cost / SQL", format: "money", value: (r) => r.costPerSql, nullReason: "No SQL this month." },
              { key: "mqls", header: "MQLs", format: "count", value: (r) => r.mqls },
              { key: "mqlToWon", header: "MQL → won", format: "percent", value: (r) => r.mqlToWon, nullReason: "No MQL this month." },
            ]}
            footer={`${formatNumber(data.symptoms.reduce((s, m) => s + m.lostToCompetitors, 0))} deals lost to competitors over the period.`}
          />
        </Stack>
      )}
    </ReportQueryState>
  );
}
