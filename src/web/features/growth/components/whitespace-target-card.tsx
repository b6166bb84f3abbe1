import { Anchor, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { formatNumber, humanize } from "../../../lib/format";
import { useWhitespaceTarget } from "../hooks/use-growth";

/** A campaign's whitespace target (set from Growth → Whitespace): the product, the accounts lacking it and the contacts reachable. */
export function WhitespaceTargetCard({ campaignId }: { campaignId: string }) {
  const target = useWhitespaceTarget(campaignId);
  const t = target.data;
  if (!t?.target) return null;
  return (
    <SectionCard title="Whitespace target" testId="campaign-whitespace-target">
      <Stack gap="xs">
        <Text fz="sm">
          {humanize(t.target.customerStatus)} accounts{t.target.segment ? ` in ${t.target.segment}` : ""} without <b>{t.target.productName}</b> (owned or in pipeline).
        </Text>
        <Group gap="lg">
          <Text fz="sm" data-testid="ws-target-accounts">
            <b>{formatNumber(t.accountCount)}</b> accounts
          </Text>
          <Text fz="sm" data-testid="ws-target-contacts">
            <b>{formatNumber(t.contactCount)}</b> reachable contacts
          </Text>
        </Group>
        <ScrollArea.Autosize mah={260}>
          <Table fz="xs">
            <Table.Tbody>
              {t.accounts.map((a) => (
                <Table.Tr key={a.accountId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${a.accountId}`} fz="xs">
                      {a.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td c="dimmed">{a.segment ?? "—"}</Table.Td>
                  <Table.Td ta="right">{a.contacts} contacts</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </SectionCard>
  );
}
