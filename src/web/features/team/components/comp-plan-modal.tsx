import { useEffect } from "react";
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import type { CompPlan } from "../../../../shared/contracts/team.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { useFormState } from "../../../lib/use-form-state";
import { useMembers } from "../../users/hooks/use-members";
import { useSaveCompPlan } from "../hooks/use-comp";

type Values = { name: string; kind: "per_meeting" | "revenue_share"; amountPerMeeting: number | string; ratePercent: number | string; clawbackDays: number | string; userIds: string[] };

const num = (v: number | string) => (v === "" ? null : Number(v));

/** Creates or edits a commission plan and chooses its reps (admins and managers). */
export function CompPlanModal({ opened, onClose, plan }: { opened: boolean; onClose: () => void; plan: Serialized<CompPlan> | null }) {
  const save = useSaveCompPlan();
  const { members } = useMembers();
  const form = useFormState<Values>({ name: "", kind: "per_meeting", amountPerMeeting: "", ratePercent: "", clawbackDays: 90, userIds: [] });
  const { reset } = form;
  useEffect(() => {
    if (!opened) return;
    reset(
      plan
        ? { name: plan.name, kind: plan.kind, amountPerMeeting: plan.amountPerMeeting ?? "", ratePercent: plan.ratePercent ?? "", clawbackDays: plan.clawbackDays ?? 90, userIds: plan.reps.map((r) => r.userId) }
        : { name: "", kind: "per_meeting", amountPerMeeting: "", ratePercent: "", clawbackDays: 90, userIds: [] },
    );
  }, [opened, plan, reset]);
  const v = form.values;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = v.kind === "per_meeting" ? { name: v.name, kind: v.kind, amountPerMeeting: num(v.amountPerMeeting) } : { name: v.name, kind: v.kind, ratePercent: num(v.ratePercent), clawbackDays: num(v.clawbackDays) };
    try {
      await save.mutateAsync({ id: plan?.id ?? null, body, userIds: v.userIds });
      onClose();
    } catch (err) {
      form.applyServerError(err, ["name", "kind", "amountPerMeeting", "ratePercent", "clawbackDays", "userIds"], true);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={plan ? `Edit ${plan.name}` : "New commission plan"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <TextInput label="Name" required value={v.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} error={form.errors.name} data-testid="plan-name" />
          <div>
            <Text fz="sm" fw={500} mb={6}>
              Pays for
            </Text>
            <SegmentedControl fullWidth value={v.kind} onChange={(k) => form.setValue("kind", k as Values["kind"])} data={[{ value: "per_meeting", label: "Each accepted meeting" }, { value: "revenue_share", label: "Sourced won revenue" }]} />
          </div>
          {v.kind === "per_meeting" ? (
            <NumberInput label="Amount per accepted meeting" min={0} decimalScale={2} value={v.amountPerMeeting} onChange={(x) => form.setValue("amountPerMeeting", x)} error={form.errors.amountPerMeeting} data-testid="plan-amount" />
          ) : (
            <Group grow>
              <NumberInput label="Share of won revenue (%)" min={0} max={100} decimalScale={3} value={v.ratePercent} onChange={(x) => form.setValue("ratePercent", x)} error={form.errors.ratePercent} data-testid="plan-rate" />
              <NumberInput label="Clawback if the customer churns within (days)" min={0} value={v.clawbackDays} onChange={(x) => form.setValue("clawbackDays", x)} error={form.errors.clawbackDays} />
            </Group>
          )}
          <MultiSelect
            label="Reps on this plan"
            description="A rep is on one plan; choosing them here moves them off any other."
            searchable
            data={members.filter((m) => m.role === "sdr" || m.role === "sales").map((m) => ({ value: m.id, label: m.name }))}
            value={v.userIds}
            onChange={(ids) => form.setValue("userIds", ids)}
            error={form.errors.userIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="plan-save">
              Save plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
