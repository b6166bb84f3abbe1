import { useEffect } from "react";
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { CAMPAIGN_STATUSES, CreateCampaignBodySchema, UpdateCampaignBodySchema, type CampaignDetail } from "../../../../shared/contracts/campaigns.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CHANNELS } from "../../../../shared/domain/touchpoints.js";
import { MemberSelect } from "../../../components/member-select";
import { codeOptions } from "../../../lib/labels";
import { numberOrNull, textOrNull, useFormState } from "../../../lib/use-form-state";
import { useSession } from "../../../lib/session";
import { usePersonaNames } from "../../../lib/use-persona-names";
import { useCreateCampaign, useUpdateCampaign } from "../hooks/use-save-campaign";

type Values = {
  name: string;
  channel: string | null;
  vehicle: string;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  budget: string | number;
  targetPersonas: string[];
  ownerId: string | null;
};
const FIELDS = ["name", "channel", "vehicle", "status", "startsOn", "endsOn", "budget", "targetPersonas", "ownerId"];

function initialValues(c: Serialized<CampaignDetail> | undefined, userId: string): Values {
  return {
    name: c?.name ?? "",
    channel: c?.channel ?? null,
    vehicle: c?.vehicle ?? "",
    status: c?.status ?? "planned",
    startsOn: c?.startsOn ?? null,
    endsOn: c?.endsOn ?? null,
    budget: c?.budget ?? "",
    targetPersonas: c?.targetPersonas ?? [],
    ownerId: c ? c.ownerId : userId,
  };
}

/** Creates or edits a campaign, validated with the contract schema; server field errors appear on the fields. */
export function CampaignFormModal({ opened, onClose, campaign, onSaved }: { opened: boolean; onClose: () => void; campaign?: Serialized<CampaignDetail>; onSaved?: (c: { id: string }) => void }) {
  const me = useSession();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? "");
  const form = useFormState<Values>(initialValues(campaign, me.user.id));
  const personaNames = usePersonaNames();
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(initialValues(campaign, me.user.id));
  }, [opened, campaign, me.user.id, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const fields = {
      name: v.name,
      channel: v.channel ?? undefined,
      vehicle: textOrNull(v.vehicle),
      status: v.status,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      budget: numberOrNull(v.budget) ?? 0,
      targetPersonas: v.targetPersonas,
      ownerId: v.ownerId,
    };
    if (!v.channel) {
      form.setErrors({ channel: "Choose the channel" });
      return;
    }
    try {
      let saved: { id: string } | null = null;
      if (campaign) {
        const body = form.validate(UpdateCampaignBodySchema, fields);
        if (body) saved = await update.mutateAsync(body);
      } else {
        const body = form.validate(CreateCampaignBodySchema, fields);
        if (body) saved = await create.mutateAsync(body);
      }
      if (!saved) return;
      notifications.show({ color: "green", message: campaign ? "Campaign saved" : "Campaign created" });
      onSaved?.(saved);
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={campaign ? "Edit campaign" : "New campaign"} size="xl">
      <form onSubmit={submit} noValidate>
        {form.formError && (
          <Alert color="red" mb="md">
            {form.formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput label="Name" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} placeholder="e.g. Q3 data-platform webinar series" />
          <Select label="Channel" required data={codeOptions(CHANNELS)} value={form.values.channel} onChange={(v) => form.setValue("channel", v)} error={form.errors.channel} searchable />
          <TextInput label="Vehicle" value={form.values.vehicle} error={form.errors.vehicle} onChange={(e) => form.setValue("vehicle", e.currentTarget.value)} placeholder="e.g. LinkedIn ads, trade show, newsletter" />
          <Select label="Status" data={codeOptions(CAMPAIGN_STATUSES)} value={form.values.status} onChange={(v) => form.setValue("status", v ?? "planned")} error={form.errors.status} allowDeselect={false} />
          <DatePickerInput label="Starts" clearable valueFormat="MMM D, YYYY" value={form.values.startsOn} onChange={(v) => form.setValue("startsOn", v)} error={form.errors.startsOn} placeholder="Pick a date" />
          <DatePickerInput label="Ends" clearable valueFormat="MMM D, YYYY" value={form.values.endsOn} onChange={(v) => form.setValue("endsOn", v)} error={form.errors.endsOn} placeholder="Pick a date" minDate={form.values.startsOn ?? undefined} />
          <NumberInput label={`Budget (${me.workspace.currency})`} min={0} thousandSeparator="," value={form.values.budget} onChange={(v) => form.setValue("budget", v)} error={form.errors.budget} />
          <MemberSelect label="Owner" value={form.values.ownerId} onChange={(v) => form.setValue("ownerId", v)} error={form.errors.ownerId} placeholder="Unassigned" roles={["marketing", "manager", "admin"]} />
        </SimpleGrid>
        {personaNames.length > 0 ? (
          <MultiSelect mt="sm" label="Target personas" description="From the persona definitions; persona drift compares these with who engages and who buys." data={[...new Set([...personaNames, ...form.values.targetPersonas])]} value={form.values.targetPersonas} onChange={(v) => form.setValue("targetPersonas", v)} error={form.errors.targetPersonas} maxValues={20} searchable clearable />
        ) : (
          <TagsInput mt="sm" label="Target personas" description="Press Enter after each persona (or define personas first); persona drift compares these with who engages and who buys." value={form.values.targetPersonas} onChange={(v) => form.setValue("targetPersonas", v)} error={form.errors.targetPersonas} maxTags={20} />
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {campaign ? "Save changes" : "Create campaign"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
