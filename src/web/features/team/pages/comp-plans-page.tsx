import { useState } from "react";
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconCoin, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import type { CompPlan } from "../../../../shared/contracts/team.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { useMoney, useSession } from "../../../lib/session";
import { CompPlanModal } from "../components/comp-plan-modal";
import { useCompPlans, useDeleteCompPlan } from "../hooks/use-comp";

type Plan = Serialized<CompPlan>;

/** Commission plans at /team/plans: what each pays for and who is on it; admins and managers edit. */
export function CompPlansPage() {
  const me = useSession();
  const money = useMoney();
  const manager = can(me.role, "manageCompPlans");
  const plans = useCompPlans();
  const remove = useDeleteCompPlan();
  const [editing, setEditing] = useState<Plan | "new" | null>(null);
  const [deleting, setDeleting] = useState<Plan | null>(null);
  const items = plans.data ?? [];
  const terms = (p: Plan) =>
    p.kind === "per_meeting" ? `${money(p.amountPerMeeting ?? 0)} per accepted meeting` : `${p.ratePercent ?? 0} % of sourced won revenue, clawed back on churn within ${p.clawbackDays ?? 0} days`;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text fz="sm" c="dimmed" maw={680}>
          A per-meeting plan pays for every meeting with a lead sales accepted; a revenue-share plan pays a percentage of the won deals the SDR sourced and claws it back if the customer churns early. Compare both on your own history under What-if.
        </Text>
        {manager && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")} data-testid="new-plan">
            New plan
          </Button>
        )}
      </Group>
      {plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconCoin size={22} />} title={plans.isLoading ? "Loading plans…" : "No commission plans yet"} description="Create a plan per accepted meeting and one on sourced revenue, then compare them." />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Pays</Table.Th>
                <Table.Th>Reps</Table.Th>
                {manager && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>
                    {p.name}{" "}
                    <Badge size="xs" variant="light" color={p.kind === "per_meeting" ? "orange" : "teal"}>
                      {p.kind === "per_meeting" ? "per meeting" : "revenue share"}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{terms(p)}</Table.Td>
                  <Table.Td>{p.reps.length ? p.reps.map((r) => r.name).join(", ") : <Text span c="dimmed" fz="sm">Nobody yet</Text>}</Table.Td>
                  {manager && (
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
        </Paper>
      )}
      <CompPlanModal opened={editing !== null} onClose={() => setEditing(null)} plan={editing === "new" ? null : editing} />
      <ConfirmDelete
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? "plan"}?`}
        message="Its reps are left without a plan; finalised statements keep the plan's name."
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
