import { useState } from "react";
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Tooltip } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { IconDownload } from "@tabler/icons-react";
import type { ScoreboardRow } from "../../../../shared/contracts/team.js";
import { can } from "../../../../shared/domain/permissions.js";
import { toCsv } from "../../../../shared/csv.js";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { downloadText } from "../../../lib/download";
import { formatNumber, formatPercent } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { usePods } from "../../routing/hooks/use-pods";
import { useSdrScoreboard } from "../hooks/use-sdr";
import { ScoreboardTrend } from "../components/scoreboard-trend";
import { monthOf, monthsBack, recentMonths } from "../hooks/months";

const RATIO_COLORS = { understaffed: "orange", ok: "teal", overloaded: "red" } as const;

/** The scoreboard as CSV: one record per SDR with every count and ratio. */
function exportCsv(from: string, to: string, reps: ScoreboardRow[]) {
  const csv = toCsv(
    [
      { header: "SDR", value: (r: ScoreboardRow) => r.name },
      { header: "Pod", value: (r) => r.podName ?? "" },
      { header: "AEs in pod", value: (r) => r.aeCount ?? "" },
      { header: "Meetings booked", value: (r) => r.meetingsBooked },
      { header: "Meetings accepted", value: (r) => r.meetingsAccepted },
      { header: "Acceptance rate", value: (r) => r.acceptanceRate ?? "" },
      { header: "Sourced opportunities", value: (r) => r.opportunities },
      { header: "Opportunities per accepted meeting", value: (r) => r.opportunityRate ?? "" },
      { header: "Sourced pipeline", value: (r) => r.pipeline },
      { header: "Closed deals", value: (r) => r.closedDeals },
      { header: "Won deals", value: (r) => r.wonDeals },
      { header: "Win rate", value: (r) => r.winRate ?? "" },
      { header: "Won revenue", value: (r) => r.wonRevenue },
      { header: "Revenue per meeting", value: (r) => r.revenuePerMeeting ?? "" },
    ],
    reps,
  );
  downloadText(`sdr-scoreboard-${from}-to-${to}.csv`, csv);
}

/** SDR scoreboard at /team/scoreboard: what each SDR booked beside what it became (managers see everyone, an SDR themself). */
export function ScoreboardPage() {
  const me = useSession();
  const money = useMoney();
  const manager = can(me.role, "readSdrTeam");
  const current = monthOf(new Date(), me.workspace.timezone);
  const [from, setFrom] = useState(monthsBack(current, 12));
  const [to, setTo] = useState(current);
  const [podId, setPodId] = useState<string | null>(null);
  const pods = usePods();
  const board = useSdrScoreboard({ from, to: to < from ? from : to, podId });
  const reps = board.data?.reps ?? [];
  const months = recentMonths(current, 36);
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <Select label="From" data={months} value={from} onChange={(v) => v && setFrom(v)} allowDeselect={false} w={130} data-testid="scoreboard-from" />
        <Select label="To" data={months} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} w={130} data-testid="scoreboard-to" />
        {manager && <Select label="Pod" placeholder="Every pod" clearable data={(pods.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={podId} onChange={setPodId} w={200} data-testid="scoreboard-pod" />}
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={reps.length === 0} onClick={() => exportCsv(from, to, reps)}>
          Export CSV
        </Button>
      </Group>
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && reps.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" fz="sm">
            No SDRs here yet: members with the SDR role, or leading a pod, appear on the scoreboard.
          </Text>
        </Paper>
      )}
      {reps.length > 0 && (
        <>
          <SectionCard title="Meetings booked vs won revenue" testId="scoreboard-chart">
            <BarChart
              h={Math.max(220, reps.length * 70 + 80)}
              data={reps.map((r) => ({ name: r.name, meetings: r.meetingsBooked, accepted: r.meetingsAccepted, revenue: r.wonRevenue }))}
              dataKey="name"
              withRightYAxis
              yAxisLabel="Meetings"
              rightYAxisLabel="Won revenue"
              rightYAxisProps={{ tickFormatter: (v: number) => money(v, { compact: true }), width: 80 }}
              withLegend
              legendProps={{ verticalAlign: "bottom" }}
              series={[
                { name: "meetings", label: "Meetings booked", color: "orange.6" },
                { name: "accepted", label: "Meetings accepted", color: "yellow.5" },
                { name: "revenue", label: "Won revenue (right axis)", color: "teal.6", yAxisId: "right" },
              ]}
            />
            <Text fz="xs" c="dimmed" mt={6}>
              Meetings are counted in the month they were held; revenue is the sourced deals won in the period. An SDR with tall orange bars and a short teal one books meetings that do not become revenue.
            </Text>
          </SectionCard>
          <ScoreboardTrend from={from} to={to < from ? from : to} reps={reps} />
          <SectionCard title="Per SDR" testId="scoreboard-table">
            <Table.ScrollContainer minWidth={900}>
              <Table fz="sm" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>SDR</Table.Th>
                    <Table.Th>Pod</Table.Th>
                    <Table.Th ta="right">Meetings booked</Table.Th>
                    <Table.Th ta="right">Accepted by AEs</Table.Th>
                    <Table.Th ta="right">Sourced opportunities</Table.Th>
                    <Table.Th ta="right">Sourced pipeline</Table.Th>
                    <Table.Th ta="right">Won (win rate)</Table.Th>
                    <Table.Th ta="right">Won revenue</Table.Th>
                    <Table.Th ta="right">Revenue per meeting</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reps.map((r) => (
                    <Table.Tr key={r.userId} data-testid="scoreboard-row">
                      <Table.Td fw={600}>{r.name}</Table.Td>
                      <Table.Td>
                        {r.podName ? (
                          <Group gap={6} wrap="nowrap">
                            <Text fz="sm">{r.podName}</Text>
                            {r.ratio && (
                              <Tooltip label="SDR to AE ratio (3–6 AEs per SDR)">
                                <Badge size="xs" variant="light" color={RATIO_COLORS[r.ratio]}>
                                  1:{r.aeCount}
                                </Badge>
                              </Tooltip>
                            )}
                          </Group>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            No pod
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(r.meetingsBooked)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(r.meetingsAccepted)} <Text span c="dimmed" fz="xs">({formatPercent(r.acceptanceRate)})</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(r.opportunities)} <Text span c="dimmed" fz="xs">({formatPercent(r.opportunityRate)} of accepted)</Text>
                      </Table.Td>
                      <Table.Td ta="right">{money(r.pipeline)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(r.wonDeals)} <Text span c="dimmed" fz="xs">({formatPercent(r.winRate)})</Text>
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {money(r.wonRevenue)}
                      </Table.Td>
                      <Table.Td ta="right">{r.revenuePerMeeting === null ? "—" : money(r.revenuePerMeeting)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
