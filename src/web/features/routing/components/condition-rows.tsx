import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import type { FitField, Operator } from "../../../../shared/contracts/agreement.js";
import { FIELD_OPTIONS, OPERATOR_OPTIONS, emptyCondition, takesNoValue, type ConditionDraft } from "../hooks/rule-draft";

const MAX_CONDITIONS = 10;

/** A rule's conditions as form rows (field, operator, value); all must hold. Lists are typed comma-separated. */
export function ConditionRows({ value, onChange, error }: { value: ConditionDraft[]; onChange: (next: ConditionDraft[]) => void; error?: string }) {
  const set = (i: number, patch: Partial<ConditionDraft>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={500}>
        Conditions
      </Text>
      {value.length === 0 && (
        <Text fz="xs" c="dimmed">
          No conditions: the rule applies to every lead.
        </Text>
      )}
      {value.map((c, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="routing-condition">
          <Text fz="xs" c="dimmed" fw={600} tt="uppercase" w={34} pt={9} ta="right">
            {i === 0 ? "If" : "and"}
          </Text>
          <Select aria-label="Field" w={200} data={FIELD_OPTIONS} value={c.field} allowDeselect={false} searchable onChange={(v) => v && set(i, { field: v as FitField })} />
          <Select aria-label="Operator" w={140} data={OPERATOR_OPTIONS} value={c.op} allowDeselect={false} onChange={(v) => v && set(i, { op: v as Operator })} />
          {takesNoValue(c.op) ? (
            <Text fz="xs" c="dimmed" pt={9} style={{ flex: 1 }}>
              No value needed
            </Text>
          ) : (
            <TextInput
              aria-label="Value"
              style={{ flex: 1 }}
              value={c.value}
              placeholder={c.op === "in" || c.op === "not_in" ? "Values, comma-separated" : "A value"}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
            />
          )}
          <ActionIcon variant="subtle" color="gray" mt={4} aria-label="Remove condition" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text fz="xs" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} disabled={value.length >= MAX_CONDITIONS} onClick={() => onChange([...value, emptyCondition()])}>
          Add condition
        </Button>
      </Group>
    </Stack>
  );
}
