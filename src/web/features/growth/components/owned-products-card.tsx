import { useState } from "react";
import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { dateToIso, isoToDate } from "../../../lib/dates";
import { formatDate } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { useOwnedProducts, useProducts, useRemoveOwnedProduct, useSetOwnedProduct } from "../hooks/use-growth";

type Editing = { productId: string | null; since: string | null; annualValue: number | string; isNew: boolean };

/** The products an account owns (since, annual value), editable by the account team; drives the whitespace matrix. */
export function OwnedProductsCard({ accountId }: { accountId: string }) {
  const me = useSession();
  const money = useMoney();
  const owned = useOwnedProducts(accountId);
  const catalogue = useProducts(true);
  const save = useSetOwnedProduct(accountId);
  const remove = useRemoveOwnedProduct(accountId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const canEdit = can(me.role, "editOwnedProducts");
  const items = owned.data?.items ?? [];
  const ownedIds = new Set(items.map((p) => p.productId));
  const options = (catalogue.data?.items ?? []).filter((p) => !ownedIds.has(p.id) || p.id === editing?.productId).map((p) => ({ value: p.id, label: p.name }));

  const submit = async () => {
    if (!editing?.productId || !editing.since) return;
    await save.mutateAsync({ productId: editing.productId, body: { since: dateToIso(editing.since)!, annualValue: editing.annualValue === "" ? null : Number(editing.annualValue) } });
    notifications.show({ color: "green", message: editing.isNew ? "Product added" : "Product updated" });
    setEditing(null);
  };

  return (
    <SectionCard
      title={`Owned products (${items.length})`}
      testId="account-products"
      actions={
        canEdit && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ productId: null, since: isoToDate(new Date().toISOString()), annualValue: "", isNew: true })}>
            Add
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No products recorded. Owned products drive the whitespace view in Growth.
        </Text>
      ) : (
        <Stack gap={6}>
          {items.map((p) => (
            <Group key={p.productId} justify="space-between" wrap="nowrap" data-testid="owned-product">
              <div>
                <Text fz="sm">{p.name}</Text>
                <Text fz="xs" c="dimmed">
                  since {formatDate(p.since)}
                  {p.annualValue !== null ? ` · ${money(p.annualValue)} / year` : ""}
                </Text>
              </div>
              {canEdit && (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Edit ${p.name}`} onClick={() => setEditing({ productId: p.productId, since: isoToDate(p.since), annualValue: p.annualValue ?? "", isNew: false })}>
                    <IconPencil size={14} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${p.name}`} loading={remove.isPending && remove.variables === p.productId} onClick={() => remove.mutate(p.productId)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.isNew ? "Add an owned product" : "Edit owned product"}>
        {editing && (
          <Stack>
            <Select label="Product" data={options} value={editing.productId} onChange={(v) => setEditing({ ...editing, productId: v })} disabled={!editing.isNew} searchable required />
            <DatePickerInput label="Owned since" value={editing.since} onChange={(v) => setEditing({ ...editing, since: v })} valueFormat="MMM D, YYYY" required />
            <NumberInput label="Annual value" min={0} thousandSeparator="," value={editing.annualValue} onChange={(v) => setEditing({ ...editing, annualValue: v })} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button onClick={() => void submit()} loading={save.isPending} disabled={!editing.productId || !editing.since}>
                Save
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </SectionCard>
  );
}
