import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { CreateCampaignCostBodySchema, type CampaignDetail } from "../../../../shared/contracts/campaigns.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SectionCard } from "../../../components/section-card";
import { today } from "../../../lib/dates";
import { formatDate } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { numberOrNull, useFormState } from "../../../lib/use-form-state";
import { useAddCampaignCost, useDeleteCampaignCost } from "../hooks/use-save-campaign";

type Values = { incurredOn: string | null; amount: string | number; description: string };
const empty = (): Values => ({ incurredOn: today(), amount: "", description: "" });

/** A campaign's dated cost lines, whose sum is its actual cost; lines can be added and deleted. */
export function CampaignCostsCard({ campaign, canEdit }: { campaign: Serialized<CampaignDetail>; canEdit: boolean }) {
  const me = useSession();
  const money = useMoney();
  const add = useAddCampaignCost(campaign.id);
  const remove = useDeleteCampaignCost(campaign.id);
  const [adding, setAdding] = useState(false);
  const form = useFormState<Values>(empty());
  const costs = [...campaign.costs].sort((a, b) => b.incurredOn.localeCompare(a.incurredOn));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = form.validate(CreateCampaignCostBodySchema, { incurredOn: form.values.incurredOn, amount: numberOrNull(form.values.amount), description: form.values.description });
    if (!body) return;
    try {
      await add.mutateAsync(body);
      form.reset(empty());
      setAdding(false);
    } catch (err) {
      form.applyServerError(err, ["incurredOn", "amount", "description"], true);
    }
  };

  return (
    <SectionCard
      title={`Cost lines (${campaign.costs.length})`}
      testId="campaign-costs"
      actions={
        canEdit && !adding ? (
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => setAdding(true)}>
            Add cost
          </Button>
        ) : null
      }
    >
      {adding && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" mb="md" p="sm" style={{ background: "var(--mantine-color-default-hover)", borderRadius: 8 }}>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <DatePickerInput aria-label="Date" w={150} valueFormat="MMM D, YYYY" value={form.values.incurredOn} onChange={(v) => form.setValue("incurredOn", v)} error={form.errors.incurredOn} />
              <NumberInput aria-label="Amount" placeholder={`Amount (${me.workspace.currency})`} w={170} thousandSeparator="," value={form.values.amount} onChange={(v) => form.setValue("amount", v)} error={form.errors.amount} data-autofocus />
              <TextInput aria-label="Description" placeholder="What was it for?" style={{ flex: 1, minWidth: 200 }} value={form.values.description} onChange={(e) => form.setValue("description", e.currentTarget.value)} error={form.errors.description} />
              <Button type="submit" loading={add.isPending}>
                Add
              </Button>
              <Button variant="default" onClick={() => setAdding(false)}>
                Cancel
              </Button>
            </Group>
            {form.formError && <Text fz="xs" c="red">{form.formError}</Text>}
            <Text fz="xs" c="dimmed">
              A negative amount records a refund or credit.
            </Text>
          </Stack>
        </form>
      )}
      {costs.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No costs recorded. Add spend as it happens so cost per MQL, SQL and won deal stay true.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th fz="xs" tt="uppercase" c="dimmed">Date</Table.Th>
              <Table.Th fz="xs" tt="uppercase" c="dimmed">Description</Table.Th>
              <Table.Th ta="right" fz="xs" tt="uppercase" c="dimmed">Amount</Table.Th>
              {canEdit && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {costs.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td c="dimmed">{formatDate(c.incurredOn)}</Table.Td>
                <Table.Td>{c.description}</Table.Td>
                <Table.Td ta="right" c={c.amount < 0 ? "teal" : undefined}>
                  {money(c.amount)}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Tooltip label="Delete cost line">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Delete cost ${c.description}`} onClick={() => remove.mutate(c.id)} loading={remove.isPending && remove.variables === c.id}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>Total</Table.Th>
              <Table.Th ta="right">{money(campaign.actualCost)}</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </SectionCard>
  );
}
