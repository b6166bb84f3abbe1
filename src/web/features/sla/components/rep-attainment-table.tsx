import { Badge, Paper, Table, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SLA_KIND_LABELS, type LedgerResponse } from "../../../../shared/contracts/sla.js";
import { formatNumber, formatPercent } from "../../../lib/format";
import { formatMinutes } from "../hooks/sla-format";

type ByOwner = Serialized<LedgerResponse>["sales"]["byOwner"];

function attainmentColor(a: number | null): string {
  if (a === null) return "gray";
  return a >= 0.9 ? "teal" : a >= 0.7 ? "yellow" : "red";
}

/** Attainment per rep and SLA kind, worst first. */
export function RepAttainmentTable({ rows }: { rows: ByOwner }) {
  const sorted = [...rows].sort((a, b) => (a.attainment ?? 2) - (b.attainment ?? 2) || a.ownerName.localeCompare(b.ownerName));
  if (sorted.length === 0) return <Text fz="sm" c="dimmed">No rep had a timer in this period.</Text>;
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" data-testid="rep-attainment-table">
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {["Rep", "Team", "SLA", "On time", "Breached", "Open", "Attainment", "Median (business)"].map((h, i) => (
                <Table.Th key={h} ta={i >= 3 ? "right" : undefined}>
                  <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                    {h}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={`${r.ownerId ?? "none"}-${r.kind}`}>
                <Table.Td fw={600}>{r.ownerName}</Table.Td>
                <Table.Td>{r.teamName ?? "—"}</Table.Td>
                <Table.Td>{SLA_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.onTime)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.breached)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.open)}</Table.Td>
                <Table.Td ta="right">
                  <Badge variant="light" color={attainmentColor(r.attainment)} radius="sm">
                    {formatPercent(r.attainment)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatMinutes(r.medianMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
