import { useState } from "react";
import { Badge, Button, Group, Modal, NumberInput, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import type { Product } from "../../../../shared/contracts/products.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { errorMessage } from "../../../lib/api-error";
import { useMoney, useSession } from "../../../lib/session";
import { useProducts, useSaveProduct } from "../hooks/use-growth";

type Editing = { id?: string; name: string; family: string; listPrice: number | string; active: boolean };

/** Growth → Products: the catalogue whitespace is counted in (admins and managers edit it). */
export function ProductsPage() {
  const me = useSession();
  const money = useMoney();
  const products = useProducts();
  const save = useSaveProduct();
  const [editing, setEditing] = useState<Editing | null>(null);
  const canEdit = can(me.role, "manageProducts");
  const submit = async () => {
    if (!editing) return;
    const body = { name: editing.name, family: editing.family.trim() || null, listPrice: editing.listPrice === "" ? null : Number(editing.listPrice), active: editing.active };
    try {
      await save.mutateAsync({ id: editing.id, body });
      notifications.show({ color: "green", message: editing.id ? "Product saved" : "Product added" });
      setEditing(null);
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(err) });
    }
  };
  const edit = (p: Serialized<Product>) => setEditing({ id: p.id, name: p.name, family: p.family ?? "", listPrice: p.listPrice ?? "", active: p.active });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          Active products are the columns of the whitespace matrix; a deal names the products it is for.
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ name: "", family: "", listPrice: "", active: true })}>
            Product
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover data-testid="products-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th>Family</Table.Th>
            <Table.Th ta="right">List price</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(products.data?.items ?? []).map((p) => (
            <Table.Tr key={p.id} onClick={canEdit ? () => edit(p) : undefined} style={canEdit ? { cursor: "pointer" } : undefined}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.family ?? "—"}</Table.Td>
              <Table.Td ta="right">{p.listPrice === null ? "—" : money(p.listPrice)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={p.active ? "green" : "gray"}>
                  {p.active ? "Active" : "Inactive"}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.id ? "Edit product" : "New product"}>
        {editing && (
          <Stack>
            <TextInput label="Name" required value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} />
            <TextInput label="Family" value={editing.family} onChange={(e) => setEditing({ ...editing, family: e.currentTarget.value })} />
            <NumberInput label="List price (per year)" min={0} thousandSeparator="," value={editing.listPrice} onChange={(v) => setEditing({ ...editing, listPrice: v })} />
            <Switch label="Active" checked={editing.active} onChange={(e) => setEditing({ ...editing, active: e.currentTarget.checked })} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button onClick={() => void submit()} loading={save.isPending} disabled={!editing.name.trim()}>
                Save
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
