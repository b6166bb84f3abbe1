import { useState } from "react";
import { Anchor, Badge, Button, Center, Group, Paper, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SLA_KIND_LABELS, type LedgerResponse } from "../../../../shared/contracts/sla.js";
import { formatDateTime } from "../../../lib/format";
import { formatMinutes } from "../hooks/sla-format";

type Breach = Serialized<LedgerResponse>["breaches"][number];
const PAGE = 25;

/** The period's breaches: which lead, whose, how late in business time, and whether the ladder escalated or reassigned. */
export function BreachTable({ breaches }: { breaches: Breach[] }) {
  const [shown, setShown] = useState(PAGE);
  if (breaches.length === 0) return <Text fz="sm" c="dimmed">No breaches in this period.</Text>;
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={860}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" data-testid="breach-table">
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {["Lead", "SLA", "Owner", "Team", "Due", "Late (business)", ""].map((h) => (
                <Table.Th key={h}>
                  <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                    {h}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {breaches.slice(0, shown).map((b) => (
              <Table.Tr key={b.timerId}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${b.contactId}`} fz="sm" fw={600}>
                    {b.contactName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{SLA_KIND_LABELS[b.kind]}</Table.Td>
                <Table.Td>{b.ownerName ?? "—"}</Table.Td>
                <Table.Td>{b.teamName ?? "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(b.dueAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Text fz="sm" c="red.7" fw={600} span>
                    {formatMinutes(b.lateMinutes)}
                  </Text>
                  <Text fz="xs" c="dimmed" span>
                    {b.metAt ? " · then met" : " · still open"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {b.escalated && (
                      <Badge size="xs" color="orange" variant="light">
                        Escalated
                      </Badge>
                    )}
                    {b.reassigned && (
                      <Badge size="xs" color="grape" variant="light">
                        Reassigned
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {breaches.length > shown && (
        <Center py="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Button variant="default" size="xs" onClick={() => setShown((n) => n + PAGE * 4)}>
            Show more ({breaches.length - shown} left)
          </Button>
        </Center>
      )}
    </Paper>
  );
}
