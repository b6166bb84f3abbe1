import { useEffect } from "react";
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CreateRoutingRuleBodySchema, UpdateRoutingRuleBodySchema, type RoutingRule } from "../../../../shared/contracts/routing.js";
import { ROUTING_RULE_KINDS, type RoutingRuleKind } from "../../../../shared/domain/routing.js";
import { MemberSelect } from "../../../components/member-select";
import { numberOrNull, useFormState } from "../../../lib/use-form-state";
import { useTeams } from "../../settings/hooks/use-users-admin";
import { KIND_DESCRIPTIONS, KIND_LABELS, fromCondition, toCondition, type ConditionDraft } from "../hooks/rule-draft";
import { useCreateRoutingRule, useUpdateRoutingRule } from "../hooks/use-routing-rules";
import { ConditionRows } from "./condition-rows";

type Values = { name: string; kind: RoutingRuleKind; conditions: ConditionDraft[]; assigneeId: string | null; teamId: string | null; capacity: string | number; enabled: boolean };
const FIELDS = ["name", "kind", "conditions", "assigneeId", "teamId", "capacity", "enabled"];

function initialValues(r: Serialized<RoutingRule> | undefined): Values {
  return {
    name: r?.name ?? "",
    kind: r?.kind ?? "round_robin",
    conditions: (r?.conditions ?? []).map(fromCondition),
    assigneeId: r?.assigneeId ?? null,
    teamId: r?.teamId ?? null,
    capacity: r?.capacity ?? "",
    enabled: r?.enabled ?? true,
  };
}

/** Adds or edits a routing rule: kind, conditions as rows, the assignee (territory) or team and capacity (round-robin). */
export function RoutingRuleFormModal({ opened, onClose, rule }: { opened: boolean; onClose: () => void; rule?: Serialized<RoutingRule> }) {
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const teams = useTeams();
  const form = useFormState<Values>(initialValues(rule));
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(initialValues(rule));
  }, [opened, rule, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const fields = {
      kind: v.kind,
      name: v.name,
      conditions: v.conditions.map(toCondition),
      assigneeId: v.kind === "territory" ? v.assigneeId : null,
      teamId: v.kind === "round_robin" ? v.teamId : null,
      capacity: v.kind === "round_robin" ? numberOrNull(v.capacity) : null,
      enabled: v.enabled,
    };
    try {
      if (rule) {
        const body = form.validate(UpdateRoutingRuleBodySchema, fields);
        if (!body) return;
        await update.mutateAsync({ id: rule.id, body });
      } else {
        const body = form.validate(CreateRoutingRuleBodySchema, fields);
        if (!body) return;
        await create.mutateAsync(body);
      }
      notifications.show({ color: "green", message: rule ? "Routing rule saved" : "Routing rule added" });
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  const kind = form.values.kind;
  return (
    <Modal opened={opened} onClose={onClose} title={rule ? "Edit routing rule" : "New routing rule"} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Group grow align="flex-start">
            <TextInput label="Name" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} placeholder="e.g. EMEA enterprise" />
            <Select
              label="Kind"
              data={ROUTING_RULE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={kind}
              allowDeselect={false}
              onChange={(k) => k && form.setValue("kind", k as RoutingRuleKind)}
              error={form.errors.kind}
              description={KIND_DESCRIPTIONS[kind]}
            />
          </Group>
          <ConditionRows value={form.values.conditions} onChange={(c) => form.setValue("conditions", c)} error={form.errors.conditions} />
          {kind === "territory" && (
            <MemberSelect label="Assignee" required value={form.values.assigneeId} onChange={(id) => form.setValue("assigneeId", id)} error={form.errors.assigneeId} roles={["sales", "sdr", "manager", "admin"]} placeholder="Choose a rep" />
          )}
          {kind === "round_robin" && (
            <Group grow align="flex-start">
              <Select
                label="Team"
                required
                data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                value={form.values.teamId}
                onChange={(id) => form.setValue("teamId", id)}
                error={form.errors.teamId}
                placeholder={teams.isLoading ? "Loading…" : "Choose a team"}
                searchable
              />
              <NumberInput
                label="Capacity"
                description="Most open leads (MQL/SAL) a rep may hold; empty for no cap"
                min={1}
                value={form.values.capacity}
                onChange={(c) => form.setValue("capacity", c)}
                error={form.errors.capacity}
                placeholder="No cap"
              />
            </Group>
          )}
          <Switch label="Enabled" checked={form.values.enabled} onChange={(e) => form.setValue("enabled", e.currentTarget.checked)} />
          {kind === "round_robin" && (
            <Text fz="xs" c="dimmed">
              Sales-side members of the team (sales, SDR, manager) take turns in a fixed order.
            </Text>
          )}
        </Stack>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {rule ? "Save rule" : "Add rule"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
