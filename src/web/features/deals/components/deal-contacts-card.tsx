import { useState } from "react";
import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { Link } from "react-router";
import { SetDealContactBodySchema, type DealDetail } from "../../../../shared/contracts/deals.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DEAL_CONTACT_ROLES } from "../../../../shared/domain/deals.js";
import { ContactSelect } from "../../../components/contact-select";
import { SectionCard } from "../../../components/section-card";
import { humanize } from "../../../lib/format";
import { codeOptions } from "../../../lib/labels";
import { notifyError } from "../../../lib/notify";
import { useFormState } from "../../../lib/use-form-state";
import { useRemoveDealContact, useSetDealContact } from "../hooks/use-save-deal";

const ROLE_COLORS: Record<string, string> = { decision_maker: "indigo", champion: "green", influencer: "cyan", user: "gray", blocker: "red" };

/** The buying group of a deal: contacts with roles, which can be added, re-roled and removed. */
export function DealContactsCard({ deal, canEdit }: { deal: Serialized<DealDetail>; canEdit: boolean }) {
  const setContact = useSetDealContact(deal.id);
  const removeContact = useRemoveDealContact(deal.id);
  const [adding, setAdding] = useState(false);
  const form = useFormState({ contactId: null as string | null, role: "influencer" as string | null });

  const add = async () => {
    const body = form.validate(SetDealContactBodySchema, { contactId: form.values.contactId, role: form.values.role });
    if (!body) return;
    try {
      await setContact.mutateAsync(body);
      form.reset({ contactId: null, role: "influencer" });
      setAdding(false);
    } catch (err) {
      form.applyServerError(err, ["contactId", "role"], true);
    }
  };

  return (
    <SectionCard
      title={`Buying group (${deal.contacts.length})`}
      testId="deal-contacts"
      actions={
        canEdit && !adding ? (
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => setAdding(true)}>
            Add contact
          </Button>
        ) : null
      }
    >
      {adding && (
        <Stack gap="xs" mb="md" p="sm" style={{ background: "var(--mantine-color-default-hover)", borderRadius: 8 }}>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <ContactSelect aria-label="Contact" style={{ flex: 1, minWidth: 220 }} accountId={deal.accountId} excludeIds={deal.contacts.map((c) => c.contactId)} value={form.values.contactId} onChange={(v) => form.setValue("contactId", v)} error={form.errors.contactId} />
            <Select aria-label="Role" w={170} data={codeOptions(DEAL_CONTACT_ROLES)} value={form.values.role} onChange={(v) => form.setValue("role", v)} error={form.errors.role} allowDeselect={false} />
            <Button onClick={() => void add()} loading={setContact.isPending}>
              Add
            </Button>
            <Button variant="default" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </Group>
          {form.formError && <Text fz="xs" c="red">{form.formError}</Text>}
          <Text fz="xs" c="dimmed">
            Contacts of {deal.accountName}. Attribution credits the marketing touches of the buying group.
          </Text>
        </Stack>
      )}
      {deal.contacts.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No contacts on this deal. Add the decision maker and champion so attribution and win/loss analysis see who bought.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={6}>
          <Table.Tbody>
            {deal.contacts.map((c) => (
              <Table.Tr key={c.contactId}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${c.contactId}`} fz="sm" fw={500}>
                    {c.name}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    {[c.title, c.email].filter(Boolean).join(" · ")}
                  </Text>
                </Table.Td>
                <Table.Td w={180}>
                  {canEdit ? (
                    <Select size="xs" aria-label={`Role of ${c.name}`} data={codeOptions(DEAL_CONTACT_ROLES)} value={c.role} allowDeselect={false} onChange={(role) => role && role !== c.role && setContact.mutate({ contactId: c.contactId, role: role as typeof c.role }, { onError: (e) => notifyError(e) })} />
                  ) : (
                    <Badge variant="light" color={ROLE_COLORS[c.role]}>{humanize(c.role)}</Badge>
                  )}
                </Table.Td>
                {canEdit && (
                  <Table.Td w={40}>
                    <Tooltip label="Remove from deal">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${c.name}`} onClick={() => removeContact.mutate(c.contactId)} loading={removeContact.isPending && removeContact.variables === c.contactId}>
                        <IconX size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
