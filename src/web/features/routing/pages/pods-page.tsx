import { useState } from "react";
import { ActionIcon, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconSitemap, IconTrash } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Pod } from "../../../../shared/contracts/routing.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { useAbilities } from "../../../lib/session";
import { PodFormModal } from "../components/pod-form-modal";
import { PodRatioBadge } from "../components/pod-ratio-badge";
import { useDeletePod, usePods } from "../hooks/use-pods";

type PodItem = Serialized<Pod>;

/** Settings → Pods at /settings/pods: each SDR with the AEs they serve and the ratio, flagged outside 3–6 AEs. */
export function PodsPage() {
  const can = useAbilities();
  const pods = usePods();
  const remove = useDeletePod();
  const [editing, setEditing] = useState<PodItem | "new" | null>(null);
  const [deleting, setDeleting] = useState<PodItem | null>(null);
  const items = pods.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text fz="sm" c="dimmed" maw={640}>
          An SDR pod is one SDR generating meetings for a few account executives. Three to six AEs per SDR keeps both sides busy; pods outside that band are flagged.
        </Text>
        {can.canManageRouting && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            New pod
          </Button>
        )}
      </Group>
      {pods.isError ? (
        <QueryError error={pods.error} onRetry={() => void pods.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconSitemap size={22} />} title={pods.isLoading ? "Loading pods…" : "No pods yet"} description="Group each SDR with the account executives they book meetings for." />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="pods-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pod</Table.Th>
                  <Table.Th>SDR</Table.Th>
                  <Table.Th>Account executives</Table.Th>
                  <Table.Th>Ratio</Table.Th>
                  {can.canManageRouting && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={600}>{p.name}</Table.Td>
                    <Table.Td>{p.sdrName ?? "—"}</Table.Td>
                    <Table.Td>{p.members.length ? p.members.map((m) => m.name).join(", ") : <Text span c="dimmed" fz="sm">None yet</Text>}</Table.Td>
                    <Table.Td>
                      <PodRatioBadge ratio={p.ratio} />
                    </Table.Td>
                    {can.canManageRouting && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
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
      <PodFormModal opened={editing !== null} onClose={() => setEditing(null)} pod={editing === "new" || editing === null ? undefined : editing} />
      <ConfirmDelete
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title="Delete pod"
        message={`Delete “${deleting?.name ?? ""}”? Its SDR and AEs stay; only the grouping goes.`}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
