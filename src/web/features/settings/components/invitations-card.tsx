import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { ROLE_LABELS } from "../../../../shared/domain/roles.js";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatRelative } from "../../../lib/format";
import { useInvitations, useRevokeInvitation } from "../hooks/use-users-admin";

/** Open invitations with their expiry, each of which can be withdrawn. */
export function InvitationsCard() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <SectionCard title={`Pending invitations (${items.length})`} testId="pending-invitations">
      <Table fz="sm" verticalSpacing={6}>
        <Table.Tbody>
          {items.map((inv) => (
            <Table.Tr key={inv.id}>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {inv.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  {inv.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{ROLE_LABELS[inv.role]}</Badge>
              </Table.Td>
              <Table.Td>
                <Text fz="xs" c="dimmed">
                  sent {formatRelative(inv.createdAt)} · expires {formatDate(inv.expiresAt)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => revoke.mutate(inv.id)} loading={revoke.isPending && revoke.variables === inv.id}>
                    Withdraw
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
