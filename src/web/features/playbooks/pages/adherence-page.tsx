import { useMemo } from "react";
import { Group, Paper, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { today } from "../../../lib/dates";
import { formatNumber, formatPercent } from "../../../lib/format";
import { useUrlState } from "../../../lib/use-url-state";
import { useAdherenceReport } from "../hooks/use-playbooks";
import { AdherenceChart } from "../components/adherence-chart";

const PERIODS = [
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
  { value: "365", label: "Last 12 months" },
];

/** The `YYYY-MM-DD` date `days` before `date`. */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Playbooks at /playbooks: adherence per rep or per lead source — first touch on the recommended channel, steps on time. */
export function AdherencePage() {
  const url = useUrlState();
  const period = PERIODS.some((p) => p.value === url.get("period")) ? (url.get("period") as string) : "90";
  const groupBy = url.get("groupBy") === "source" ? "source" : "rep";
  const query = useMemo(() => {
    const to = daysBefore(today(), -1);
    return { from: daysBefore(to, Number(period)), to, groupBy } as const;
  }, [period, groupBy]);
  const report = useAdherenceReport(query);
  const rows = report.data?.rows ?? [];

  return (
    <>
      <PageHeader title="Playbook adherence" description="Do reps follow up the way each lead's playbook says: the first touch on the recommended channel, and each step by its business day?" />
      <Stack gap="md">
        <Group>
          <SegmentedControl aria-label="Group by" value={groupBy} onChange={(v) => url.set("groupBy", v)} data={[{ value: "rep", label: "Per rep" }, { value: "source", label: "Per source" }]} />
          <Select aria-label="Period" w={180} data={PERIODS} value={period} allowDeselect={false} onChange={(v) => v && url.set("period", v)} />
          {report.data && (
            <Text fz="sm" c="dimmed" data-testid="adherence-total">
              {formatNumber(report.data.total.leads)} leads · adherence {formatPercent(report.data.total.adherenceRate)}
            </Text>
          )}
        </Group>
        {report.isError ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <>
            <SectionCard title={groupBy === "rep" ? "Adherence per rep" : "Adherence per source"} testId="adherence-chart">
              {report.data ? <AdherenceChart rows={rows} /> : <Text fz="sm" c="dimmed">Loading…</Text>}
            </SectionCard>
            <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
              <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" data-testid="adherence-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{groupBy === "rep" ? "Rep" : "Source"}</Table.Th>
                    <Table.Th ta="right">Leads</Table.Th>
                    <Table.Th ta="right">First touch on channel</Table.Th>
                    <Table.Th ta="right">Steps on time</Table.Th>
                    <Table.Th ta="right">Adherence</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>{r.label}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r.leads)}</Table.Td>
                      <Table.Td ta="right">
                        {formatPercent(r.firstTouchOnChannelRate)} <Text span c="dimmed" fz="xs">({r.firstTouchOnChannel}/{r.touched})</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatPercent(r.stepsOnTimeRate)} <Text span c="dimmed" fz="xs">({r.stepsOnTime}/{r.stepsDue})</Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatPercent(r.adherenceRate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
