import { Badge, Paper, Stack, Table, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { LedgerResponse, SlaKind } from "../../../../shared/contracts/sla.js";
import { formatNumber, formatPercent } from "../../../lib/format";
import { formatMinutes } from "../hooks/sla-format";
import { SHORT_LABELS } from "./team-attainment-chart";

type Row = Serialized<LedgerResponse>["sales"]["byOwner"][number];
type Rep = { key: string; name: string; team: string | null; byKind: Map<SlaKind, Row>; worst: number };

function attainmentColor(a: number | null): string {
  if (a === null) return "gray";
  return a >= 0.9 ? "teal" : a >= 0.7 ? "yellow" : "red";
}

function groupByRep(rows: Row[]): Rep[] {
  const reps = new Map<string, Rep>();
  for (const r of rows) {
    const key = r.ownerId ?? "none";
    const rep = reps.get(key) ?? { key, name: r.ownerName, team: r.teamName, byKind: new Map(), worst: 2 };
    rep.byKind.set(r.kind, r);
    if (r.attainment !== null) rep.worst = Math.min(rep.worst, r.attainment);
    reps.set(key, rep);
  }
  return [...reps.values()].sort((a, b) => a.worst - b.worst || a.name.localeCompare(b.name));
}

function Cell({ r }: { r: Row | undefined }) {
  if (!r) return <Text fz="xs" c="dimmed">—</Text>;
  return (
    <Stack gap={0} align="flex-end">
      <Badge variant="light" color={attainmentColor(r.attainment)} radius="sm">
        {formatPercent(r.attainment)}
      </Badge>
      <Text fz={11} c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {formatNumber(r.onTime)} of {formatNumber(r.onTime + r.breached)}
        {r.open ? ` · ${r.open} open` : ""}
        {r.medianMinutes !== null ? ` · ${formatMinutes(r.medianMinutes)}` : ""}
      </Text>
    </Stack>
  );
}

/** Attainment per rep, one column per sales SLA (on time of due, open, median business time), worst rep first. */
export function RepAttainmentTable({ rows }: { rows: Row[] }) {
  const kinds = (["accept", "first_touch", "recycle_attempts"] as const).filter((k) => rows.some((r) => r.kind === k));
  const reps = groupByRep(rows);
  if (reps.length === 0) return <Text fz="sm" c="dimmed">No rep had a timer in this period.</Text>;
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={480}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" data-testid="rep-attainment-table">
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {["Rep", "Team", ...kinds.map((k) => SHORT_LABELS[k])].map((h, i) => (
                <Table.Th key={h} ta={i >= 2 ? "right" : undefined}>
                  <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                    {h}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reps.map((rep) => (
              <Table.Tr key={rep.key}>
                <Table.Td fw={600} style={{ whiteSpace: "nowrap" }}>
                  {rep.name}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{rep.team ?? "—"}</Table.Td>
                {kinds.map((k) => (
                  <Table.Td key={k} ta="right">
                    <Cell r={rep.byKind.get(k)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fz="xs" c="dimmed" px="md" py={6}>
        On time of due; median time to meet, in business time.
      </Text>
    </Paper>
  );
}
