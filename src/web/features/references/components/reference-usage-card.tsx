import { BarChart } from "@mantine/charts";
import { Anchor, Grid, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { useReferenceUsage } from "../hooks/use-references";

/** Reference usage per quarter (requested, approved, declined) and the most requested references of the last 12 months. */
export function ReferenceUsageCard() {
  const usage = useReferenceUsage({});
  const data = usage.data;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <SectionCard title="Reference use per quarter" testId="reference-usage-chart">
          {data && (
            <BarChart
              h={240}
              data={data.quarters.map((q) => ({ quarter: q.quarter, Requested: q.requested, Approved: q.approved, Declined: q.declined }))}
              dataKey="quarter"
              series={[{ name: "Requested", color: "indigo.5" }, { name: "Approved", color: "teal.6" }, { name: "Declined", color: "gray.5" }]}
              withLegend
            />
          )}
          {data && <Text fz="xs" c="dimmed" mt="xs">Quarters in {data.timezone}; requests by when they were made, approvals and declines by when they were decided.</Text>}
        </SectionCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <SectionCard title="Most requested" testId="reference-most-requested">
          {data && data.mostRequested.length === 0 ? (
            <Text fz="sm" c="dimmed">No reference was requested in the last 12 months.</Text>
          ) : (
            <Table verticalSpacing={4}>
              <Table.Thead><Table.Tr><Table.Th>Reference</Table.Th><Table.Th ta="right">Requested</Table.Th><Table.Th ta="right">Approved</Table.Th><Table.Th ta="right">Pending</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {data?.mostRequested.map((r) => (
                  <Table.Tr key={r.referenceId}>
                    <Table.Td><Anchor component={Link} to={`/references/${r.referenceId}`} fz="sm">{r.name}</Anchor></Table.Td>
                    <Table.Td ta="right">{r.requested}</Table.Td>
                    <Table.Td ta="right">{r.approved}</Table.Td>
                    <Table.Td ta="right">{r.pending}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </SectionCard>
      </Grid.Col>
    </Grid>
  );
}
