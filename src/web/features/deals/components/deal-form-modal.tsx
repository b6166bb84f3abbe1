import { useEffect } from "react";
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { CreateDealBodySchema, UpdateDealBodySchema, type DealDetail } from "../../../../shared/contracts/deals.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DEAL_STAGES, DEAL_TYPES } from "../../../../shared/domain/deals.js";
import { AccountSelect } from "../../../components/account-select";
import { CampaignSelect } from "../../../components/campaign-select";
import { ContactSelect } from "../../../components/contact-select";
import { MemberSelect } from "../../../components/member-select";
import { dateToIso, isoToDate } from "../../../lib/dates";
import { codeOptions, dealStageLabel } from "../../../lib/labels";
import { numberOrNull, textOrNull, useFormState } from "../../../lib/use-form-state";
import { useSession } from "../../../lib/session";
import { useCreateDeal, useUpdateDeal } from "../hooks/use-save-deal";
import { useProducts } from "../../growth/hooks/use-growth";

const OPEN_STAGES = DEAL_STAGES.filter((s) => s !== "closed_won" && s !== "closed_lost");
const FIELDS = ["accountId", "name", "type", "stage", "amount", "currency", "expectedCloseAt", "ownerId", "sdrId", "primaryContactId", "sourceCampaignId", "competitor", "products"];

type Values = {
  accountId: string | null;
  name: string;
  type: string;
  stage: string;
  amount: string | number;
  expectedCloseAt: string | null;
  ownerId: string | null;
  sdrId: string | null;
  primaryContactId: string | null;
  sourceCampaignId: string | null;
  competitor: string;
  productIds: string[];
};

function initialValues(d: Serialized<DealDetail> | undefined, accountId: string | null | undefined, userId: string): Values {
  return {
    accountId: d?.accountId ?? accountId ?? null,
    name: d?.name ?? "",
    type: d?.type ?? "new",
    stage: d && !d.closedAt ? d.stage : "discovery",
    amount: d?.amount ?? "",
    expectedCloseAt: isoToDate(d?.expectedCloseAt),
    ownerId: d ? d.ownerId : userId,
    sdrId: d?.sdrId ?? null,
    primaryContactId: d?.primaryContactId ?? null,
    sourceCampaignId: d?.sourceCampaignId ?? null,
    competitor: d?.competitor ?? "",
    productIds: d?.products.map((p) => p.productId) ?? [],
  };
}

type Props = { opened: boolean; onClose: () => void; deal?: Serialized<DealDetail>; accountId?: string | null; accountName?: string | null; onSaved?: (d: { id: string }) => void };

/** Creates or edits a deal, validated with the contract schema; server field errors appear on the fields. */
export function DealFormModal({ opened, onClose, deal, accountId, accountName, onSaved }: Props) {
  const me = useSession();
  const create = useCreateDeal();
  const update = useUpdateDeal(deal?.id ?? "");
  const form = useFormState<Values>(initialValues(deal, accountId, me.user.id));
  const { reset } = form;
  const isClosed = !!deal?.closedAt;
  const catalogue = useProducts();
  const productOptions = (catalogue.data?.items ?? []).filter((p) => p.active || form.values.productIds.includes(p.id)).map((p) => ({ value: p.id, label: p.name }));

  useEffect(() => {
    if (opened) reset(initialValues(deal, accountId, me.user.id));
  }, [opened, deal, accountId, me.user.id, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const common = {
      name: v.name,
      type: v.type,
      amount: numberOrNull(v.amount) ?? undefined,
      expectedCloseAt: dateToIso(v.expectedCloseAt),
      ownerId: v.ownerId,
      sdrId: v.sdrId,
      primaryContactId: v.primaryContactId,
      sourceCampaignId: v.sourceCampaignId,
      competitor: textOrNull(v.competitor),
      // A kept line keeps its amount; a new one takes the product's list price on the server.
      ...(isClosed ? {} : { stage: v.stage, products: v.productIds.map((productId) => ({ productId, amount: deal?.products.find((p) => p.productId === productId)?.amount })) }),
    };
    try {
      let saved: { id: string } | null = null;
      if (deal) {
        const body = form.validate(UpdateDealBodySchema, common);
        if (body) saved = await update.mutateAsync(body);
      } else {
        if (!v.accountId) {
          form.setErrors({ accountId: "Choose the account this deal is with" });
          return;
        }
        const body = form.validate(CreateDealBodySchema, { ...common, accountId: v.accountId, currency: me.workspace.currency });
        if (body) saved = await create.mutateAsync(body);
      }
      if (!saved) return;
      notifications.show({ color: "green", message: deal ? "Deal saved" : "Deal created" });
      onSaved?.(saved);
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={deal ? "Edit deal" : "New deal"} size="xl">
      <form onSubmit={submit} noValidate>
        {form.formError && (
          <Alert color="red" mb="md">
            {form.formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput label="Deal name" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} placeholder="e.g. Acme – platform rollout" />
          <AccountSelect label="Account" required disabled={!!deal} value={form.values.accountId} valueLabel={deal?.accountName ?? accountName} onChange={(id) => form.setValue("accountId", id)} error={form.errors.accountId} />
          <Select label="Type" data={codeOptions(DEAL_TYPES)} value={form.values.type} onChange={(v) => form.setValue("type", v ?? "new")} allowDeselect={false} error={form.errors.type} />
          <Select label="Stage" data={codeOptions(OPEN_STAGES, dealStageLabel)} value={form.values.stage} onChange={(v) => form.setValue("stage", v ?? "discovery")} allowDeselect={false} error={form.errors.stage} disabled={isClosed} description={isClosed ? "Closed deals keep their final stage" : undefined} />
          <NumberInput label={`Amount (${deal?.currency ?? me.workspace.currency})`} min={0} thousandSeparator="," value={form.values.amount} onChange={(v) => form.setValue("amount", v)} error={form.errors.amount} />
          <DatePickerInput label="Expected close" clearable valueFormat="MMM D, YYYY" value={form.values.expectedCloseAt} onChange={(v) => form.setValue("expectedCloseAt", v)} error={form.errors.expectedCloseAt} placeholder="Pick a date" />
          <MemberSelect label="Owner" value={form.values.ownerId} onChange={(v) => form.setValue("ownerId", v)} error={form.errors.ownerId} placeholder="Unassigned" />
          <MemberSelect label="SDR" roles={["sdr", "manager", "admin"]} value={form.values.sdrId} onChange={(v) => form.setValue("sdrId", v)} error={form.errors.sdrId} placeholder="None" />
          <ContactSelect label="Primary contact" accountId={form.values.accountId} value={form.values.primaryContactId} onChange={(v) => form.setValue("primaryContactId", v)} error={form.errors.primaryContactId} disabled={!form.values.accountId} />
          <CampaignSelect label="Source campaign" value={form.values.sourceCampaignId} valueLabel={deal?.sourceCampaignName} onChange={(v) => form.setValue("sourceCampaignId", v)} error={form.errors.sourceCampaignId} />
          <MultiSelect label="Products" searchable data={productOptions} value={form.values.productIds} onChange={(v) => form.setValue("productIds", v)} error={form.errors.products} disabled={isClosed} placeholder={form.values.productIds.length ? undefined : "What is this deal for?"} description="A won deal adds them to what the account owns" />
          <TextInput label="Competitor" value={form.values.competitor} onChange={(e) => form.setValue("competitor", e.currentTarget.value)} error={form.errors.competitor} placeholder="Who else is in the deal?" />
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {deal ? "Save changes" : "Create deal"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
