import { Grid, Group, Paper, SimpleGrid, Table, Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import type { DealReasonRow } from "../../../../shared/contracts/reports/outcome-reasons.js";
import { SectionCard } from "../../../components/section-card";
import { formatNumber, formatPercent } from "../../../lib/format";
import { useMoney } from "../../../lib/session";
import type { ReviewData } from "../hooks/use-reviews";

type Outcomes = ReviewData["snapshot"]["outcomeReasons"];
type Outcome = DealReasonRow["outcome"];

const OUTCOMES: { outcome: Outcome; title: string; color: string; testId: string; empty: string }[] = [
  { outcome: "lost", title: "Loss reasons", color: "red.6", testId: "loss-reasons-chart", empty: "No deal was lost in this quarter." },
  { outcome: "no_decision", title: "No-decision reasons", color: "orange.6", testId: "no-decision-reasons-chart", empty: "No deal ended without a decision in this quarter." },
  { outcome: "won", title: "Win reasons", color: "teal.6", testId: "win-reasons-chart", empty: "No deal was won in this quarter." },
];

/** The reasons deals ended with one outcome, as bars (deals per reason, share of the outcome in the label). */
function ReasonChart({ rows, title, color, testId, empty }: { rows: Outcomes["reasons"]; title: string; color: string; testId: string; empty: string }) {
  const money = useMoney();
  const data = rows.slice(0, 8).map((r) => ({ reason: r.label, deals: r.deals, share: r.share, amount: r.amount }));
  return (
    <SectionCard title={title} testId={testId}>
      {data.length === 0 ? (
        <Text fz="sm" c="dimmed" py="md">
          {empty}
        </Text>
      ) : (
        <>
          <BarChart
            h={Math.max(140, data.length * 36 + 30)}
            data={data}
            dataKey="reason"
            orientation="vertical"
            series={[{ name: "deals", label: "Deals", color }]}
            withBarValueLabel
            valueFormatter={(v) => formatNumber(v)}
            yAxisProps={{ width: 170 }}
            gridAxis="x"
            tooltipProps={{
              content: ({ payload }) => {
                const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
                if (!row) return null;
                return (
                  <Paper withBorder p="xs" shadow="sm">
                    <Text fz="sm" fw={600}>
                      {row.reason}
                    </Text>
                    <Text fz="xs">
                      {formatNumber(row.deals)} deals · {formatPercent(row.share)} · {money(row.amount)}
                    </Text>
                  </Paper>
                );
              },
            }}
          />
          <Text fz="xs" c="dimmed" mt={4}>
            {data.map((d) => `${d.reason} ${formatPercent(d.share)}`).join(" · ")}
          </Text>
        </>
      )}
    </SectionCard>
  );
}

/** Why the quarter's deals closed the way they did: totals, reasons per outcome, and the competitors involved. */
export function OutcomeReasonsSection({ data }: { data: Outcomes }) {
  const money = useMoney();
  const closed = data.closed.won + data.closed.lost + data.closed.noDecision;
  return (
    <>
      <Group gap="xl" data-testid="closed-totals">
        <Text fz="sm">
          <b>{formatNumber(closed)}</b> deals closed in the quarter: <b>{formatNumber(data.closed.won)}</b> won · <b>{formatNumber(data.closed.lost)}</b> lost · <b>{formatNumber(data.closed.noDecision)}</b> no decision
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        {OUTCOMES.map((o) => (
          <ReasonChart key={o.outcome} rows={data.reasons.filter((r) => r.outcome === o.outcome)} title={o.title} color={o.color} testId={o.testId} empty={o.empty} />
        ))}
      </SimpleGrid>
      <Grid>
        <Grid.Col span={12}>
          <SectionCard title="Competitors" testId="competitors-table">
            {data.competitors.length === 0 ? (
              <Text fz="sm" c="dimmed">
                No deal closed with a competitor recorded.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table fz="sm" verticalSpacing={6} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Competitor</Table.Th>
                      <Table.Th ta="right">Won against</Table.Th>
                      <Table.Th ta="right">Lost to</Table.Th>
                      <Table.Th ta="right">No decision</Table.Th>
                      <Table.Th ta="right">Amount lost</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.competitors.map((c) => (
                      <Table.Tr key={c.competitor}>
                        <Table.Td>{c.competitor}</Table.Td>
                        <Table.Td ta="right">{formatNumber(c.won)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(c.lost)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(c.noDecision)}</Table.Td>
                        <Table.Td ta="right">{money(c.lostAmount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}
