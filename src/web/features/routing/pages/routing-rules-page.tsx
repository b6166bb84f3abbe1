import { useState } from "react";
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconRoute, IconTrash } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { RoutingRule } from "../../../../shared/contracts/routing.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { useAbilities } from "../../../lib/session";
import { KIND_LABELS, describeCondition } from "../hooks/rule-draft";
import { moveRule, useDeleteRoutingRule, useReorderRoutingRules, useRoutingRules, useUpdateRoutingRule } from "../hooks/use-routing-rules";
import { RoutingRuleFormModal } from "../components/routing-rule-form-modal";

type Rule = Serialized<RoutingRule>;

function Target({ rule }: { rule: Rule }) {
  if (rule.kind === "account_owner") return <Text fz="sm">The account&apos;s owner</Text>;
  if (rule.kind === "territory") return <Text fz="sm">{rule.assigneeName ?? "—"}</Text>;
  return (
    <Stack gap={0}>
      <Text fz="sm">Team {rule.teamName ?? "—"}</Text>
      <Text fz="xs" c="dimmed">
        {rule.capacity === null ? "no cap" : `at most ${rule.capacity} open leads each`}
        {rule.lastAssigneeName ? ` · last: ${rule.lastAssigneeName}` : ""}
      </Text>
    </Stack>
  );
}

/** Settings → Routing at /settings/routing: the ordered rules that hand new MQLs to reps; admins and managers edit them. */
export function RoutingRulesPage() {
  const can = useAbilities();
  const rules = useRoutingRules();
  const update = useUpdateRoutingRule();
  const reorder = useReorderRoutingRules();
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const items = rules.data ?? [];
  const ids = items.map((r) => r.id);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text fz="sm" c="dimmed" maw={680}>
          When a lead becomes an MQL, the rules are tried from the top: the first enabled rule whose conditions hold and that finds a rep assigns the lead, writes a handoff with its context and notifies the rep.
        </Text>
        {can.canManageRouting && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            Add rule
          </Button>
        )}
      </Group>
      {rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconRoute size={22} />} title={rules.isLoading ? "Loading rules…" : "No routing rules"} description="Without rules, new MQLs keep whatever owner they have." />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={860}>
            <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="routing-rules-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Conditions</Table.Th>
                  <Table.Th>Assigns to</Table.Th>
                  <Table.Th>Enabled</Table.Th>
                  {can.canManageRouting && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r, i) => (
                  <Table.Tr key={r.id} style={{ opacity: r.enabled ? 1 : 0.6 }}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {r.name}
                      </Text>
                      <Badge size="xs" variant="light" mt={2}>
                        {KIND_LABELS[r.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.conditions.length === 0 ? (
                        <Text fz="sm" c="dimmed">
                          Every lead
                        </Text>
                      ) : (
                        r.conditions.map((c, j) => (
                          <Text key={j} fz="xs">
                            {j > 0 ? "and " : ""}
                            {describeCondition(c)}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Target rule={r} />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Enable ${r.name}`}
                        checked={r.enabled}
                        disabled={!can.canManageRouting || update.isPending}
                        onChange={(e) => update.mutate({ id: r.id, body: { enabled: e.currentTarget.checked } })}
                      />
                    </Table.Td>
                    {can.canManageRouting && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label="Move up" openDelay={300}>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${r.name} up`} disabled={i === 0 || reorder.isPending} onClick={() => reorder.mutate(moveRule(ids, i, -1))}>
                              <IconArrowUp size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Move down" openDelay={300}>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${r.name} down`} disabled={i === items.length - 1 || reorder.isPending} onClick={() => reorder.mutate(moveRule(ids, i, 1))}>
                              <IconArrowDown size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${r.name}`} onClick={() => setEditing(r)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${r.name}`} onClick={() => setDeleting(r)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <RoutingRuleFormModal opened={editing !== null} onClose={() => setEditing(null)} rule={editing === "new" || editing === null ? undefined : editing} />
      <ConfirmDelete
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title="Delete routing rule"
        message={`Delete “${deleting?.name ?? ""}”? New MQLs will skip it; earlier handoffs keep their record.`}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
