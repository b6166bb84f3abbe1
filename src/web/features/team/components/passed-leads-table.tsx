import { Anchor, Badge, Table, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import type { PassedLead, PassedLeadStatus } from "../../../../shared/contracts/team.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { formatDate } from "../../../lib/format";
import { useMoney } from "../../../lib/session";

export const LEAD_STATUS_LABELS: Record<PassedLeadStatus, string> = {
  pending: "Waiting for sales",
  rejected: "Rejected",
  accepted: "Accepted",
  opportunity: "Opportunity",
  won: "Won",
  lost: "Lost",
  no_decision: "No decision",
};
export const LEAD_STATUS_COLORS: Record<PassedLeadStatus, string> = { pending: "gray", rejected: "red", accepted: "blue", opportunity: "violet", won: "teal", lost: "orange", no_decision: "yellow" };
const SLA = { met: { label: "In SLA", color: "teal" }, breached: { label: "SLA breached", color: "red" }, open: { label: "Running", color: "gray" } } as const;

/** Why a lead ended where it did: the rejection reason, or the reason its deal was lost. */
export function leadWhy(l: Serialized<PassedLead>): string | null {
  if (l.status === "rejected") return l.rejectReasonLabel ?? l.rejectReasonCode;
  if (l.status === "lost" || l.status === "no_decision") return l.lossReasonLabel ?? l.lossReasonCode;
  return null;
}

/** The passed leads, one row each: status, why, the accept SLA and the deal. */
export function PassedLeadsTable({ leads }: { leads: Serialized<PassedLead>[] }) {
  const money = useMoney();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="sm" verticalSpacing={6} data-testid="passed-leads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Lead</Table.Th>
            <Table.Th>Passed</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Campaign</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>Accept SLA</Table.Th>
            <Table.Th>Deal</Table.Th>
            <Table.Th ta="right">Won</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((l) => (
            <Table.Tr key={l.contactId} data-testid="passed-lead">
              <Table.Td>
                <Anchor component={Link} to={`/contacts/${l.contactId}`} fw={600} fz="sm">
                  {l.name}
                </Anchor>
                {l.accountName && (
                  <Text fz="xs" c="dimmed">
                    {l.accountName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(l.passedAt)}</Table.Td>
              <Table.Td>{l.ownerName ?? "—"}</Table.Td>
              <Table.Td>{l.campaignName ?? <Text span c="dimmed" fz="sm">None</Text>}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={LEAD_STATUS_COLORS[l.status]}>
                  {LEAD_STATUS_LABELS[l.status]}
                </Badge>
              </Table.Td>
              <Table.Td data-testid="lead-why">{leadWhy(l) ?? <Text span c="dimmed" fz="sm">—</Text>}</Table.Td>
              <Table.Td>
                {l.sla ? (
                  <Badge size="sm" variant="dot" color={SLA[l.sla].color}>
                    {SLA[l.sla].label}
                  </Badge>
                ) : (
                  <Tooltip label="No accept timer: the lead was qualified without an MQL handoff">
                    <Text span c="dimmed" fz="sm">
                      —
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                {l.dealId ? (
                  <Anchor component={Link} to={`/deals/${l.dealId}`} fz="sm">
                    {l.dealName} · {money(l.dealAmount)}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td ta="right" fw={l.wonRevenue > 0 ? 600 : undefined}>
                {l.wonRevenue > 0 ? money(l.wonRevenue) : "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
