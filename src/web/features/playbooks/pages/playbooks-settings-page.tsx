import { useState } from "react";
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconListCheck, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Playbook } from "../../../../shared/contracts/playbooks.js";
import { FOLLOW_UP_CHANNEL_LABELS } from "../../../../shared/domain/playbooks.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { useCanManagePlaybooks } from "../hooks/use-can-manage-playbooks";
import { moveId, useDeletePlaybook, usePlaybooks, useReorderPlaybooks, useTogglePlaybook } from "../hooks/use-playbooks";
import { PlaybookFormModal } from "../components/playbook-form-modal";
import { PlaybookMatchSummary } from "../components/playbook-match-summary";

type Pb = Serialized<Playbook>;

/** Settings → Playbooks at /settings/playbooks: follow-up playbooks in order; marketing, managers and admins edit them. */
export function PlaybooksSettingsPage() {
  const canEdit = useCanManagePlaybooks();
  const list = usePlaybooks();
  const toggle = useTogglePlaybook();
  const reorder = useReorderPlaybooks();
  const remove = useDeletePlaybook();
  const [editing, setEditing] = useState<Pb | "new" | null>(null);
  const [deleting, setDeleting] = useState<Pb | null>(null);
  const items = list.data ?? [];
  const ids = items.map((p) => p.id);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text fz="sm" c="dimmed" maw={680}>
          When a lead is handed to a rep it gets the enabled playbook that fits it most specifically (source, channel, persona); among equally specific ones, the higher in this list. Its first channel and steps show on the contact and count toward adherence.
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            Add playbook
          </Button>
        )}
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconListCheck size={22} />} title={list.isLoading ? "Loading playbooks…" : "No playbooks"} description="Without playbooks, the first channel follows the lead's converting touch." />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={860}>
            <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="playbooks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>Playbook</Table.Th>
                  <Table.Th>For</Table.Th>
                  <Table.Th>First channel</Table.Th>
                  <Table.Th>Steps</Table.Th>
                  <Table.Th>Enabled</Table.Th>
                  {canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p, i) => (
                  <Table.Tr key={p.id} style={{ opacity: p.enabled ? 1 : 0.6 }}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {p.name}
                      </Text>
                      {p.description && (
                        <Text fz="xs" c="dimmed" lineClamp={1}>
                          {p.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <PlaybookMatchSummary match={p.match} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{FOLLOW_UP_CHANNEL_LABELS[p.firstChannel]}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {p.steps.map((s, j) => (
                        <Text key={j} fz="xs">
                          Day {s.day}: {FOLLOW_UP_CHANNEL_LABELS[s.channel]} — {s.action}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`Enable ${p.name}`} checked={p.enabled} disabled={!canEdit || toggle.isPending} onChange={(e) => toggle.mutate({ id: p.id, enabled: e.currentTarget.checked })} />
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label="Move up" openDelay={300}>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${p.name} up`} disabled={i === 0 || reorder.isPending} onClick={() => reorder.mutate(moveId(ids, i, -1))}>
                              <IconArrowUp size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Move down" openDelay={300}>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${p.name} down`} disabled={i === items.length - 1 || reorder.isPending} onClick={() => reorder.mutate(moveId(ids, i, 1))}>
                              <IconArrowDown size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)}>
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
      <PlaybookFormModal opened={editing !== null} onClose={() => setEditing(null)} playbook={editing === "new" || editing === null ? undefined : editing} />
      <ConfirmDelete
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title="Delete playbook"
        message={`Delete “${deleting?.name ?? ""}”? Its assignments and their adherence go with it.`}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
