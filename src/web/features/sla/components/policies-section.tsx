import { useState } from "react";
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SLA_KINDS, type SlaKind, type SlaPolicy } from "../../../../shared/contracts/sla.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { QueryError } from "../../../components/query-error";
import { notifyError } from "../../../lib/notify";
import { describeTerms } from "../hooks/policy-summary";
import { useDeleteSlaPolicy, useSlaPolicies, useUpdateSlaPolicy } from "../hooks/use-sla";
import { PolicyFormModal } from "./policy-form-modal";

type Policy = Serialized<SlaPolicy>;
const SALES_KINDS: SlaKind[] = ["accept", "first_touch", "recycle_attempts"];
const MARKETING_KINDS: SlaKind[] = ["mql_target"];

function PolicyRow({ p, canEdit, onEdit, onDelete }: { p: Policy; canEdit: boolean; onEdit: () => void; onDelete: () => void }) {
  const update = useUpdateSlaPolicy();
  return (
    <Paper withBorder radius="md" p="sm" style={{ opacity: p.enabled ? 1 : 0.6 }} data-testid="sla-policy" data-kind={p.kind}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} fz="sm">
              {p.name}
            </Text>
            <Badge size="xs" variant="light" color={p.teamId ? "indigo" : "gray"}>
              {p.teamName ?? "Whole workspace"}
            </Badge>
          </Group>
          <Text fz="sm" c="dimmed" mt={2} data-testid="sla-policy-summary">
            {describeTerms(p.kind, p.terms)}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          {!canEdit && (
            <Badge size="sm" variant="light" color={p.enabled ? "teal" : "gray"}>
              {p.enabled ? "On" : "Off"}
            </Badge>
          )}
          {canEdit && (
            <>
              <Switch
                aria-label={`Enable ${p.name}`}
                checked={p.enabled}
                disabled={update.isPending}
                onChange={(e) => update.mutate({ id: p.id, body: { enabled: e.currentTarget.checked } }, { onError: (err) => notifyError(err) })}
                mr="xs"
              />
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${p.name}`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete ${p.name}`} onClick={onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** Both sides' SLA policies in plain words; admins edit, add a team's own terms or a marketing target, switch and delete. */
export function PoliciesSection({ canEdit }: { canEdit: boolean }) {
  const policies = useSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const [editing, setEditing] = useState<{ policy?: Policy; kinds: SlaKind[] } | null>(null);
  const [deleting, setDeleting] = useState<Policy | null>(null);
  if (policies.isError) return <QueryError error={policies.error} onRetry={() => void policies.refetch()} />;
  const items = [...(policies.data ?? [])].sort((a, b) => SLA_KINDS.indexOf(a.kind) - SLA_KINDS.indexOf(b.kind) || (a.teamName ?? "").localeCompare(b.teamName ?? ""));

  const side = (title: string, hint: string, kinds: SlaKind[], addLabel: string) => (
    <Stack gap="xs" data-testid={`sla-policies-${kinds.includes("mql_target") ? "marketing" : "sales"}`}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4} fz="md">
            {title}
          </Title>
          <Text fz="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ kinds })}>
            {addLabel}
          </Button>
        )}
      </Group>
      {items.filter((p) => kinds.includes(p.kind)).map((p) => (
        <PolicyRow key={p.id} p={p} canEdit={canEdit} onEdit={() => setEditing({ policy: p, kinds: [p.kind] })} onDelete={() => setDeleting(p)} />
      ))}
      {!policies.isLoading && !items.some((p) => kinds.includes(p.kind)) && (
        <Text fz="sm" c="dimmed">
          None set.
        </Text>
      )}
    </Stack>
  );

  return (
    <Stack gap="lg">
      {side("Sales side", "How fast sales answers an MQL, touches an accepted lead, and tries before recycling. A team's own policy overrides the workspace's.", SALES_KINDS, "Add team policy")}
      {side("Marketing side", "MQL volume and the share sales accepts, per period, for all MQLs or a segment.", MARKETING_KINDS, "Add marketing target")}
      <PolicyFormModal opened={editing !== null} onClose={() => setEditing(null)} policy={editing?.policy} kinds={editing?.kinds} />
      <ConfirmDelete
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title="Delete SLA policy"
        message={`Delete “${deleting?.name ?? ""}”? Timers started from now on follow the remaining policies.`}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
