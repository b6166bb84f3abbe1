import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { DealListItem } from "../../../../shared/contracts/deals.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DealStageBadge } from "../../../components/deal-stage-badge";
import { formatDate, humanize } from "../../../lib/format";
import { useMoney } from "../../../lib/session";

/** A compact table of deals for account and campaign pages. */
export function DealsMiniTable({ deals, emptyText }: { deals: Serialized<DealListItem>[]; emptyText: string }) {
  const money = useMoney();
  if (deals.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th fz="xs" tt="uppercase" c="dimmed">Deal</Table.Th>
            <Table.Th fz="xs" tt="uppercase" c="dimmed">Stage</Table.Th>
            <Table.Th ta="right" fz="xs" tt="uppercase" c="dimmed">Amount</Table.Th>
            <Table.Th fz="xs" tt="uppercase" c="dimmed">Owner</Table.Th>
            <Table.Th fz="xs" tt="uppercase" c="dimmed">Close</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/deals/${d.id}`} fz="sm" fw={500}>
                  {d.name}
                </Anchor>
                <Text fz="xs" c="dimmed">
                  {humanize(d.type)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DealStageBadge stage={d.stage} />
              </Table.Td>
              <Table.Td ta="right">{money(d.amount, { currency: d.currency })}</Table.Td>
              <Table.Td>{d.ownerName ?? "—"}</Table.Td>
              <Table.Td>
                <Text fz="xs" c="dimmed">
                  {d.closedAt ? `closed ${formatDate(d.closedAt)}` : d.expectedCloseAt ? `expected ${formatDate(d.expectedCloseAt)}` : "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
