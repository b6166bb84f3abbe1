import { useEffect, useState } from "react";
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SEGMENT_FIELDS, SLA_KIND_LABELS, type CreateSlaPolicyBody, type SlaKind, type SlaPolicy } from "../../../../shared/contracts/sla.js";
import { ApiError, errorMessage } from "../../../lib/api-error";
import { humanize } from "../../../lib/format";
import { useTeams } from "../../settings/hooks/use-users-admin";
import { checkTerms, fieldErrorsOf, toDraft, toTerms, type PolicyDraft } from "../hooks/policy-draft";
import { useCreateSlaPolicy, useUpdateSlaPolicy } from "../hooks/use-sla";

type Props = {
  opened: boolean;
  onClose: () => void;
  /** The policy to edit; without it, a new policy of one of `kinds`. */
  policy?: Serialized<SlaPolicy>;
  kinds?: readonly SlaKind[];
};

function EscalationStep({ label, value, error, onChange }: { label: string; value: PolicyDraft["remind"]; error?: string; onChange: (v: PolicyDraft["remind"]) => void }) {
  return (
    <Group align="flex-end" wrap="nowrap" gap="sm">
      <Switch label={label} checked={value.on} onChange={(e) => onChange({ ...value, on: e.currentTarget.checked })} w={190} mb={8} />
      <NumberInput
        aria-label={`${label}: business hours after due`}
        value={value.hours}
        onChange={(v) => onChange({ ...value, hours: v })}
        disabled={!value.on}
        min={0}
        step={0.5}
        decimalScale={2}
        suffix=" h after due"
        error={error}
        style={{ flex: 1 }}
      />
    </Group>
  );
}

/** Adds or edits an SLA policy: the kind's terms in hours and percentages, a team (new policies only), and the switch. */
export function PolicyFormModal({ opened, onClose, policy, kinds = ["accept", "first_touch", "recycle_attempts"] }: Props) {
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const teams = useTeams();
  const [kind, setKind] = useState<SlaKind>(policy?.kind ?? kinds[0] ?? "accept");
  const [draft, setDraft] = useState<PolicyDraft>(() => toDraft(kind, policy?.terms, { name: policy?.name ?? "", teamId: policy?.teamId ?? null, enabled: policy?.enabled ?? true }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const firstKind = kinds[0] ?? "accept";
  useEffect(() => {
    if (!opened) return;
    const k = policy?.kind ?? firstKind;
    setKind(k);
    setDraft(toDraft(k, policy?.terms, { name: policy?.name ?? "", teamId: policy?.teamId ?? null, enabled: policy?.enabled ?? true }));
    setErrors({});
    setFormError(null);
  }, [opened, policy, firstKind]);

  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  };

  const show = (byPath: Record<string, string>) => {
    const { fields, rest } = fieldErrorsOf(byPath);
    setErrors(fields);
    setFormError(rest.length ? rest.join("; ") : null);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const terms = toTerms(kind, draft);
    const problems = checkTerms(kind, terms);
    if (Object.keys(problems).length) return show(problems);
    const name = draft.name.trim() || undefined;
    try {
      if (policy) await update.mutateAsync({ id: policy.id, body: { name, enabled: draft.enabled, terms } });
      else await create.mutateAsync({ kind, terms, name, teamId: draft.teamId, enabled: draft.enabled } as CreateSlaPolicyBody);
      notifications.show({ color: "green", message: policy ? "SLA policy saved" : "SLA policy added" });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.details.length) show(err.fieldErrors());
      else setFormError(errorMessage(err));
    }
  };

  const isTimer = kind === "accept" || kind === "first_touch";
  return (
    <Modal opened={opened} onClose={onClose} title={policy ? `Edit: ${policy.name}` : kinds.includes("mql_target") ? "New marketing target" : "New team policy"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          {!policy && kinds.length > 1 && (
            <Select label="Promise" allowDeselect={false} data={kinds.map((k) => ({ value: k, label: SLA_KIND_LABELS[k] }))} value={kind} onChange={(v) => v && setKind(v as SlaKind)} />
          )}
          <Group grow align="flex-start">
            <TextInput label="Name" placeholder={SLA_KIND_LABELS[kind]} value={draft.name} error={errors.name} onChange={(e) => set("name", e.currentTarget.value)} />
            <Select
              label="Team"
              description={policy ? "Fixed once created" : "Leave empty for the whole workspace"}
              placeholder="Whole workspace"
              clearable
              disabled={!!policy}
              data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={draft.teamId}
              error={errors.teamId}
              onChange={(v) => set("teamId", v)}
            />
          </Group>
          {isTimer && (
            <>
              <Group grow align="flex-start">
                <NumberInput label="Due within" description="Business hours after the timer starts" suffix=" h" min={0} step={0.5} decimalScale={2} value={draft.dueHours} error={errors.dueHours} onChange={(v) => set("dueHours", v)} />
                <NumberInput label="Warn at" description="Share of the time used" suffix=" %" min={1} max={99} value={draft.warnPercent} error={errors.warnPercent} onChange={(v) => set("warnPercent", v)} />
              </Group>
              <Text fz="sm" fw={600} mt="xs">
                After a breach
              </Text>
              <EscalationStep label="Remind the owner" value={draft.remind} error={errors.remind} onChange={(v) => set("remind", v)} />
              <EscalationStep label="Tell the manager" value={draft.notify} error={errors.notify} onChange={(v) => set("notify", v)} />
              <EscalationStep label="Reassign the lead" value={draft.reassign} error={errors.reassign} onChange={(v) => set("reassign", v)} />
            </>
          )}
          {kind === "recycle_attempts" && (
            <Group grow align="flex-start">
              <NumberInput label="At least" suffix=" attempts" min={1} max={50} value={draft.minAttempts} error={errors.minAttempts} onChange={(v) => set("minAttempts", v)} />
              <NumberInput label="Spread over" description="Business hours from the first attempt" suffix=" h" min={0} step={1} decimalScale={2} value={draft.overHours} error={errors.overHours} onChange={(v) => set("overHours", v)} />
            </Group>
          )}
          {kind === "mql_target" && (
            <>
              <Group grow align="flex-start">
                <Select label="Period" allowDeselect={false} data={[{ value: "month", label: "Month" }, { value: "quarter", label: "Quarter" }]} value={draft.period} error={errors.period} onChange={(v) => v && set("period", v as PolicyDraft["period"])} />
                <NumberInput label="MQL target" min={0} value={draft.mqlTarget} error={errors.mqlTarget} onChange={(v) => set("mqlTarget", v)} />
                <NumberInput label="Minimum acceptance" suffix=" %" min={0} max={100} decimalScale={1} value={draft.minAcceptancePercent} error={errors.minAcceptancePercent} onChange={(v) => set("minAcceptancePercent", v)} />
              </Group>
              <Group grow align="flex-start">
                <Select label="Segment" placeholder="All MQLs" clearable data={SEGMENT_FIELDS.map((f) => ({ value: f, label: humanize(f) }))} value={draft.segmentField} error={errors.segmentField} onChange={(v) => set("segmentField", v as PolicyDraft["segmentField"])} />
                <TextInput label="Segment value" placeholder="e.g. EMEA" disabled={!draft.segmentField} value={draft.segmentValue} error={errors.segmentValue} onChange={(e) => set("segmentValue", e.currentTarget.value)} />
              </Group>
            </>
          )}
          <Switch label="Enabled" checked={draft.enabled} onChange={(e) => set("enabled", e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {policy ? "Save" : "Add policy"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
