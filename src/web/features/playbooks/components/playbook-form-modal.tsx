import { useEffect, useState } from "react";
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Switch, TagsInput, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CreatePlaybookBodySchema, UpdatePlaybookBodySchema, type Playbook } from "../../../../shared/contracts/playbooks.js";
import { CHANNELS } from "../../../../shared/domain/touchpoints.js";
import type { FollowUpChannel } from "../../../../shared/domain/playbooks.js";
import { isApiError } from "../../../lib/api-error";
import { humanize } from "../../../lib/format";
import { useFormState } from "../../../lib/use-form-state";
import { useSavePlaybook } from "../hooks/use-playbooks";
import { CHANNEL_OPTIONS, StepsEditor, type StepDraft } from "./steps-editor";

type Values = { name: string; description: string; sources: string[]; channels: string[]; personas: string[]; firstChannel: FollowUpChannel; steps: StepDraft[]; enabled: boolean };
const FIELDS = ["name", "description", "match", "firstChannel", "steps", "enabled"];

function initialValues(p: Serialized<Playbook> | undefined): Values {
  return {
    name: p?.name ?? "",
    description: p?.description ?? "",
    sources: p?.match.sources ?? [],
    channels: p?.match.channels ?? [],
    personas: p?.match.personas ?? [],
    firstChannel: p?.firstChannel ?? "email",
    steps: (p?.steps ?? []).map((s) => ({ day: s.day, channel: s.channel, action: s.action, talkTrack: s.talkTrack ?? "", assetId: s.assetId })),
    enabled: p?.enabled ?? true,
  };
}

/** Step-level messages (`index.field`) from a failed parse of the body. */
function stepErrorsOf(body: unknown): Record<string, string> {
  const parsed = CreatePlaybookBodySchema.safeParse(body);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const i of parsed.error.issues) if (i.path[0] === "steps" && i.path.length >= 3) out[`${String(i.path[1])}.${String(i.path[2])}`] ??= i.message;
  return out;
}

/** Adds or edits a playbook: whom it is for (match lists), the first channel and the timed steps. */
export function PlaybookFormModal({ opened, onClose, playbook }: { opened: boolean; onClose: () => void; playbook?: Serialized<Playbook> }) {
  const save = useSavePlaybook();
  const form = useFormState<Values>(initialValues(playbook));
  const [stepErrors, setStepErrors] = useState<Record<string, string>>({});
  const { reset } = form;

  useEffect(() => {
    if (opened) {
      reset(initialValues(playbook));
      setStepErrors({});
    }
  }, [opened, playbook, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const fields = {
      name: v.name,
      description: v.description,
      match: { sources: v.sources, channels: v.channels, personas: v.personas },
      firstChannel: v.firstChannel,
      steps: v.steps.map((s) => ({ day: typeof s.day === "number" ? s.day : Number(s.day || NaN), channel: s.channel, action: s.action, talkTrack: s.talkTrack, assetId: s.assetId })),
      enabled: v.enabled,
    };
    setStepErrors(stepErrorsOf(fields));
    const body = playbook ? form.validate(UpdatePlaybookBodySchema, fields) : form.validate(CreatePlaybookBodySchema, fields);
    if (!body) return;
    try {
      await save.mutateAsync({ id: playbook?.id, body });
      notifications.show({ color: "green", message: playbook ? "Playbook saved" : "Playbook added" });
      onClose();
    } catch (err) {
      if (isApiError(err, "validation_failed")) setStepErrors(Object.fromEntries(err.details.filter((d) => d.path.startsWith("body.steps.")).map((d) => [d.path.slice("body.steps.".length), d.message])));
      form.applyServerError(err, FIELDS, true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={playbook ? "Edit playbook" : "New playbook"} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Group grow align="flex-start">
            <TextInput label="Name" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} placeholder="e.g. Webinar attendee → call within a day" />
            <Select label="First channel" required data={CHANNEL_OPTIONS} value={form.values.firstChannel} allowDeselect={false} error={form.errors.firstChannel} onChange={(c) => c && form.setValue("firstChannel", c as FollowUpChannel)} />
          </Group>
          <Textarea label="Description" autosize minRows={2} value={form.values.description} error={form.errors.description} onChange={(e) => form.setValue("description", e.currentTarget.value)} />
          <Group grow align="flex-start">
            <TagsInput label="Sources" description="Empty: any source" value={form.values.sources} onChange={(v) => form.setValue("sources", v)} error={form.errors.match} placeholder="e.g. inbound" />
            <MultiSelect label="Channels" description="Empty: any channel" data={CHANNELS.map((c) => ({ value: c, label: humanize(c) }))} value={form.values.channels} onChange={(v) => form.setValue("channels", v)} searchable />
            <TagsInput label="Personas" description="Empty: any persona" value={form.values.personas} onChange={(v) => form.setValue("personas", v)} placeholder="e.g. CTO" />
          </Group>
          <StepsEditor value={form.values.steps} onChange={(s) => form.setValue("steps", s)} errors={stepErrors} />
          {form.errors.steps && Object.keys(stepErrors).length === 0 && <Alert color="red">{form.errors.steps}</Alert>}
          <Switch label="Enabled" checked={form.values.enabled} onChange={(e) => form.setValue("enabled", e.currentTarget.checked)} />
        </Stack>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {playbook ? "Save playbook" : "Add playbook"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
