import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { SectionCard } from "../../../components/section-card";
import { StageBadge } from "../../../components/stage-badge";
import { formatDecimal, personName } from "../../../lib/format";
import { useContacts } from "../../contacts/hooks/use-contacts";

/** The people at an account with their stage, fit and engagement. */
export function AccountContactsCard({ accountId, total, onAdd }: { accountId: string; total: number; onAdd: () => void }) {
  const list = useContacts({ accountId, limit: 25, sort: "-engagementScore" });
  return (
    <SectionCard
      title={`Contacts (${total})`}
      testId="account-contacts"
      actions={
        <Group gap="xs">
          {total > list.items.length && (
            <Anchor component={Link} to={`/contacts?accountId=${accountId}`} fz="xs">
              View all
            </Anchor>
          )}
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={onAdd}>
            Add
          </Button>
        </Group>
      }
    >
      {list.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {list.isLoading ? "Loading…" : "No contacts at this account yet."}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm" verticalSpacing={6} highlightOnHover>
            <Table.Tbody>
              {list.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${c.id}`} fz="sm" fw={500}>
                      {personName(c)}
                    </Anchor>
                    <Text fz="xs" c="dimmed">
                      {c.title ?? c.email ?? ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={c.stage} />
                  </Table.Td>
                  <Table.Td>
                    <FitGradeBadge grade={c.fitGrade} points={c.fitPoints} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fz="xs" c="dimmed">
                      engagement {formatDecimal(c.engagementScore)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
