import { useEffect, useState } from "react";
import { Button, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { BarChart, LineChart } from "@mantine/charts";
import { IconDownload } from "@tabler/icons-react";
import { toCsv } from "../../../../shared/csv.js";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { downloadText } from "../../../lib/download";
import { formatNumber } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { useCompPlans, useWhatIf } from "../hooks/use-comp";
import { monthOf, monthsBack, recentMonths } from "../hooks/months";

/** What-if at /team/what-if: what two plans would have paid each SDR, month by month, on the workspace's real history. */
export function WhatIfPage() {
  const me = useSession();
  const money = useMoney();
  const plans = useCompPlans();
  const current = monthOf(new Date(), me.workspace.timezone);
  const [planA, setPlanA] = useState<string | null>(null);
  const [planB, setPlanB] = useState<string | null>(null);
  const [from, setFrom] = useState(monthsBack(current, 12));
  const [to, setTo] = useState(monthsBack(current, 1));
  const items = plans.data ?? [];
  useEffect(() => {
    if (planA || items.length === 0) return;
    setPlanA(items.find((p) => p.kind === "per_meeting")?.id ?? items[0]!.id);
    setPlanB(items.find((p) => p.kind === "revenue_share")?.id ?? items[items.length - 1]!.id);
  }, [items, planA]);
  const result = useWhatIf({ planA, planB, from, to: to < from ? from : to });
  const data = result.data;
  const nameA = data?.planA.name ?? "Plan A";
  const nameB = data?.planB.name ?? "Plan B";
  const months = recentMonths(current, 36);
  const byMonth = (data?.months ?? []).map((m) => ({ month: m, a: data!.reps.reduce((t, r) => t + (r.months.find((x) => x.month === m)?.a ?? 0), 0), b: data!.reps.reduce((t, r) => t + (r.months.find((x) => x.month === m)?.b ?? 0), 0) }));
  const exportCsv = () => {
    const rows = (data?.reps ?? []).flatMap((r) => r.months.map((m) => ({ r, m })));
    downloadText(`what-if-${from}-to-${to}.csv`, toCsv([{ header: "SDR", value: (x: (typeof rows)[number]) => x.r.name }, { header: "Month", value: (x) => x.m.month }, { header: nameA, value: (x) => x.m.a }, { header: nameB, value: (x) => x.m.b }], rows));
  };
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <Select label="Plan A" data={items.map((p) => ({ value: p.id, label: p.name }))} value={planA} onChange={setPlanA} w={220} data-testid="whatif-plan-a" />
        <Select label="Plan B" data={items.map((p) => ({ value: p.id, label: p.name }))} value={planB} onChange={setPlanB} w={220} data-testid="whatif-plan-b" />
        <Select label="From" data={months} value={from} onChange={(v) => v && setFrom(v)} allowDeselect={false} w={130} />
        <Select label="To" data={months} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} w={130} />
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!data} onClick={exportCsv}>
          Export CSV
        </Button>
      </Group>
      {items.length < 2 && !plans.isLoading && (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" fz="sm">
            Create two plans (one per accepted meeting, one on sourced revenue) to compare them.
          </Text>
        </Paper>
      )}
      {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
      {data && (
        <>
          <SectionCard title="Total per SDR over the period" testId="whatif-chart">
            <BarChart
              h={Math.max(200, data.reps.length * 56 + 60)}
              data={data.reps.map((r) => ({ name: r.name, a: r.totalA, b: r.totalB }))}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 160 }}
              valueFormatter={(v) => money(v, { compact: Math.abs(v) >= 10_000 })}
              withLegend
              legendProps={{ verticalAlign: "bottom" }}
              series={[{ name: "a", label: nameA, color: "orange.6" }, { name: "b", label: nameB, color: "teal.6" }]}
            />
            <Text fz="xs" c="dimmed" mt={6}>
              The same meetings and deals paid under each plan. A rep who books many meetings that do not turn into revenue earns more under a per-meeting plan.
            </Text>
          </SectionCard>
          <SectionCard title="Whole team by month" testId="whatif-trend">
            <LineChart h={220} data={byMonth} dataKey="month" valueFormatter={(v) => money(v, { compact: true })} withLegend legendProps={{ verticalAlign: "bottom" }} series={[{ name: "a", label: nameA, color: "orange.6" }, { name: "b", label: nameB, color: "teal.6" }]} />
          </SectionCard>
          <SectionCard title="Per SDR" testId="whatif-table">
            <Table fz="sm" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SDR</Table.Th>
                  <Table.Th ta="right">Accepted meetings</Table.Th>
                  <Table.Th ta="right">Sourced wins</Table.Th>
                  <Table.Th ta="right">Sourced revenue</Table.Th>
                  <Table.Th ta="right">Churned</Table.Th>
                  <Table.Th ta="right">{nameA}</Table.Th>
                  <Table.Th ta="right">{nameB}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.reps.map((r) => (
                  <Table.Tr key={r.userId}>
                    <Table.Td fw={600}>{r.name}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.acceptedMeetings)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.sourcedWins)}</Table.Td>
                    <Table.Td ta="right">{money(r.sourcedRevenue)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.churned)}</Table.Td>
                    <Table.Td ta="right" fw={r.totalA > r.totalB ? 700 : undefined}>
                      {money(r.totalA)}
                    </Table.Td>
                    <Table.Td ta="right" fw={r.totalB > r.totalA ? 700 : undefined}>
                      {money(r.totalB)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
