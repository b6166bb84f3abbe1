import { useMemo, useState } from "react";
import { Badge, Button, Group, Paper, ScrollArea, Select, Stack, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { MESSAGE_KIND_LABELS, type Message } from "../../../../shared/contracts/enablement-messages.js";
import { usePersonaList } from "../../../lib/use-persona-names";
import { useMessages } from "../hooks/use-messages";
import { MessageProductPicker } from "./message-pickers";

export type InsertableMessage = Serialized<Message>;
const INSERT_LABELS: Record<Message["kind"], string> = { value_prop: "Insert into message", talk_track: "Insert into talk track", faq: "Add to FAQ" };
const ANY = "any";

/**
 * The messaging library beside a brief: the campaign's target personas (those with a definition) and a product
 * narrow the list; each message is handed to `onInsert`, which appends it to the field its kind belongs in.
 */
export function MessageInsertPanel({ targetPersonas, onInsert }: { targetPersonas: string[]; onInsert: (m: InsertableMessage) => void }) {
  const personas = usePersonaList();
  const targeted = useMemo(() => {
    const wanted = new Set(targetPersonas.map((p) => p.trim().toLowerCase()));
    return (personas.data?.items ?? []).filter((p) => wanted.has(p.name.toLowerCase()));
  }, [personas.data, targetPersonas]);
  const [picked, setPicked] = useState<string | null>(null);
  const personaId = picked ?? targeted[0]?.id ?? ANY;
  const [productId, setProductId] = useState<string | null>(null);
  const list = useMessages({ personaId: personaId === ANY ? undefined : personaId, productId: productId ?? undefined, limit: "50" }, !personas.isLoading);
  const options = [...targeted.map((p) => ({ value: p.id, label: p.name })), { value: ANY, label: "Every persona" }];
  const undefinedTargets = targetPersonas.filter((t) => !targeted.some((p) => p.name.toLowerCase() === t.trim().toLowerCase()));
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="sm" radius="md" data-testid="brief-messaging">
      <Stack gap="xs">
        <Text fz="sm" fw={600}>Insert from the messaging library</Text>
        <Group grow align="flex-start">
          <Select label="Persona" description={targeted.length ? "The campaign's target personas" : "The campaign targets no defined persona"} data={options} value={personaId} onChange={(v) => setPicked(v ?? ANY)} allowDeselect={false} />
          <MessageProductPicker label="Product" description="Empty: any product" placeholder="Any product" value={productId} onChange={setProductId} />
        </Group>
        {undefinedTargets.length > 0 && <Text fz="xs" c="dimmed">Targets without a persona definition (no messaging of their own): {undefinedTargets.join(", ")}.</Text>}
        {list.isLoading ? (
          <Text fz="sm" c="dimmed">Loading…</Text>
        ) : items.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="brief-messaging-empty">No message for this persona and product. Pick "Every persona", another product, or write one on the Messaging page.</Text>
        ) : (
          <ScrollArea.Autosize mah={220}>
            <Stack gap={6}>
              {items.map((m) => (
                <Group key={m.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="brief-messaging-item">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="xs" variant="light">{MESSAGE_KIND_LABELS[m.kind]}</Badge>
                      <Text fz="sm" fw={500} truncate>{m.title}</Text>
                    </Group>
                    <Text fz="xs" c="dimmed" lineClamp={1}>{m.body}</Text>
                  </div>
                  <Button size="compact-xs" variant="light" onClick={() => onInsert(m)} aria-label={`${INSERT_LABELS[m.kind]}: ${m.title}`}>
                    {INSERT_LABELS[m.kind]}
                  </Button>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
