import { BarChart, LineChart } from "@mantine/charts";
import { Badge, Group, Paper, SimpleGrid, Table, Text, Tooltip } from "@mantine/core";
import type { BacktestResult, BacktestSide } from "../../../../shared/contracts/backtest.js";
import { formatDate, formatNumber, formatPercent } from "../../../lib/format";
import { useMoney } from "../../../lib/session";

type Metric = { label: string; hint: string; value: (s: BacktestSide) => number | null; kind: "count" | "money" | "ratio"; better: "higher" | "lower" | "neither" };

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

const METRICS: Metric[] = [
  { label: "MQLs", hint: "Contacts this version would have qualified in the period", value: (s) => s.mqls, kind: "count", better: "neither" },
  { label: "Accepted by sales", hint: "Of those MQLs, how many sales accepted (reached SAL or later)", value: (s) => s.accepted, kind: "count", better: "higher" },
  { label: "Rejected by sales", hint: "Of those MQLs, how many sales rejected", value: (s) => s.rejected, kind: "count", better: "lower" },
  { label: "Never sent to sales", hint: "MQLs with no hand-off, acceptance or rejection on record", value: (s) => s.neverSentToSales, kind: "count", better: "neither" },
  { label: "Reached SQL", hint: "Of those MQLs, how many became sales qualified", value: (s) => s.sql, kind: "count", better: "higher" },
  { label: "Reached opportunity", hint: "Of those MQLs, how many had an open deal", value: (s) => s.opportunity, kind: "count", better: "higher" },
  { label: "Won", hint: "Of those MQLs, how many became customers", value: (s) => s.won, kind: "count", better: "higher" },
  { label: "Won revenue", hint: "Closed-won revenue of deals whose main contact is one of those MQLs", value: (s) => s.revenue, kind: "money", better: "higher" },
  { label: "Acceptance rate", hint: "Accepted ÷ (accepted + rejected)", value: (s) => ratio(s.accepted, s.accepted + s.rejected), kind: "ratio", better: "higher" },
  { label: "MQL → won", hint: "Won ÷ MQLs", value: (s) => ratio(s.won, s.mqls), kind: "ratio", better: "higher" },
];

const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric" });
const monthLabel = (ym: string) => {
  const d = new Date(`${ym}-01T00:00:00`);
  return Number.isNaN(d.getTime()) ? ym : monthFormat.format(d);
};

function Delta({ metric, candidate, baseline, money }: { metric: Metric; candidate: number | null; baseline: number | null; money: (n: number) => string }) {
  if (candidate === null || baseline === null) return <Text fz="sm" c="dimmed">—</Text>;
  const diff = candidate - baseline;
  if (Math.abs(diff) < 1e-9) return <Text fz="sm" c="dimmed">same</Text>;
  const good = metric.better === "neither" ? null : (diff > 0) === (metric.better === "higher");
  const sign = diff > 0 ? "+" : "−";
  const text = metric.kind === "ratio" ? `${sign}${formatNumber(Math.round(Math.abs(diff) * 1000) / 10)} pts` : metric.kind === "money" ? `${sign}${money(Math.abs(diff))}` : `${sign}${formatNumber(Math.abs(diff))}`;
  const relative = metric.kind !== "ratio" && baseline > 0 ? ` (${sign}${Math.round((Math.abs(diff) / baseline) * 100)}%)` : "";
  return (
    <Text fz="sm" fw={600} c={good === null ? undefined : good ? "green.7" : "red.7"}>
      {text}
      <Text span fz="xs" fw={400} c="dimmed">
        {relative}
      </Text>
    </Text>
  );
}

/** A finished back-test: this version beside the active one, as a table, the funnel and MQLs per month. */
export function BacktestResults({ result }: { result: BacktestResult }) {
  const moneyFmt = useMoney();
  const money = (n: number) => moneyFmt(n, { compact: n >= 100_000 });
  const c = result.candidate;
  const b = result.baseline;
  const show = (m: Metric, s: BacktestSide) => {
    const v = m.value(s);
    return m.kind === "ratio" ? formatPercent(v) : m.kind === "money" ? money(v ?? 0) : formatNumber(v);
  };
  const candidateSeries = { name: "candidate", label: `Version ${c.version} (this one)`, color: "indigo.6" };
  const baselineSeries = b ? [{ name: "baseline", label: `Version ${b.version} (active)`, color: "gray.5" }] : [];
  const series = [candidateSeries, ...baselineSeries];
  // The active version's line is dashed and drawn first, so identical months still show this version's line.
  const lineSeries = [...baselineSeries.map((x) => ({ ...x, strokeDasharray: "6 4" })), candidateSeries];
  const funnel = (["MQLs", "Accepted", "SQL", "Opportunity", "Won"] as const).map((stage, i) => {
    const pick = (s: BacktestSide) => [s.mqls, s.accepted, s.sql, s.opportunity, s.won][i] as number;
    return { stage, candidate: pick(c), ...(b ? { baseline: pick(b) } : {}) };
  });
  const months = [...new Set([...c.byMonth.map((m) => m.month), ...(b?.byMonth.map((m) => m.month) ?? [])])].sort();
  const monthly = months.map((m) => ({ month: monthLabel(m), candidate: c.byMonth.find((x) => x.month === m)?.mqls ?? 0, ...(b ? { baseline: b.byMonth.find((x) => x.month === m)?.mqls ?? 0 } : {}) }));

  return (
    <>
      <Text fz="sm" c="dimmed" mb="sm">
        Replayed {formatNumber(result.touchpointsReplayed)} touches of {formatNumber(result.contactsEvaluated)} contacts from {formatDate(result.from)} to {formatDate(result.to)}.
        {b ? ` ${formatNumber(result.onlyCandidate)} contacts qualify only under this version, ${formatNumber(result.onlyBaseline)} only under version ${b.version}.` : " There is no active version to compare with yet."}
      </Text>
      <Paper withBorder radius="md" mb="md" style={{ overflow: "hidden" }}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" data-testid="backtest-table">
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th>Outcome</Table.Th>
              <Table.Th ta="right">Version {c.version} (this one)</Table.Th>
              {b && <Table.Th ta="right">Version {b.version} (active)</Table.Th>}
              {b && <Table.Th ta="right">Difference</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {METRICS.map((m) => (
              <Table.Tr key={m.label}>
                <Table.Td>
                  <Tooltip label={m.hint} openDelay={300} multiline w={280}>
                    <Text fz="sm" span style={{ textDecoration: "underline dotted", textUnderlineOffset: 3 }}>
                      {m.label}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {show(m, c)}
                </Table.Td>
                {b && <Table.Td ta="right">{show(m, b)}</Table.Td>}
                {b && (
                  <Table.Td ta="right">
                    <Delta metric={m} candidate={m.value(c)} baseline={m.value(b)} money={money} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group gap="xs" mb="md">
        <Text fz="xs" c="dimmed">
          MQLs by fit grade:
        </Text>
        {c.byGrade.map((g) => (
          <Badge key={g.grade} variant="default" size="sm" tt="none">
            {g.grade} {formatNumber(g.mqls)}
            {b ? ` vs ${formatNumber(b.byGrade.find((x) => x.grade === g.grade)?.mqls ?? 0)}` : ""}
          </Badge>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md" data-testid="backtest-funnel">
          <Text fz="sm" fw={650} mb="sm">
            Funnel of the MQLs
          </Text>
          <BarChart h={240} data={funnel} dataKey="stage" series={series} withLegend legendProps={{ verticalAlign: "bottom", height: 40 }} valueFormatter={(v) => formatNumber(v)} tickLine="y" />
        </Paper>
        <Paper withBorder radius="md" p="md" data-testid="backtest-monthly">
          <Text fz="sm" fw={650} mb="sm">
            MQLs per month
          </Text>
          {monthly.length ? (
            <LineChart h={240} data={monthly} dataKey="month" series={lineSeries} withLegend legendProps={{ verticalAlign: "bottom", height: 40 }} curveType="monotone" valueFormatter={(v) => formatNumber(v)} tickLine="y" />
          ) : (
            <Text fz="sm" c="dimmed">
              No MQLs in the period.
            </Text>
          )}
        </Paper>
      </SimpleGrid>
    </>
  );
}
