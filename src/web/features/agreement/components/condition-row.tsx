import { ActionIcon, Autocomplete, Box, Group, NumberInput, Select, TagsInput, Text, TextInput, Tooltip } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { FIT_FIELDS, OPERATORS, type FitField, type Operator } from "../../../../shared/contracts/agreement.js";
import { CUSTOMER_STATUSES } from "../../../../shared/contracts/accounts.js";
import { SENIORITIES } from "../../../../shared/contracts/contacts.js";
import { CHANNELS } from "../../../../shared/domain/touchpoints.js";
import { usePersonaNames } from "../../../lib/use-persona-names";
import { NUMERIC_FIT_FIELDS, fitFieldGroup, fitFieldLabel, operatorLabel } from "../../../lib/agreement-labels";
import { LIST_OPS, NO_VALUE_OPS, NUMBER_OPS, takesNumber, type ConditionDraft } from "../hooks/definition-draft";

// Known values offered as suggestions; other fields take free text.
const SUGGESTIONS: Partial<Record<FitField, readonly string[]>> = {
  "contact.seniority": SENIORITIES,
  "account.customer_status": CUSTOMER_STATUSES,
  "contact.channel": CHANNELS,
};

const FIELD_OPTIONS = (["Contact", "Account"] as const).map((group) => ({
  group,
  items: FIT_FIELDS.filter((f) => fitFieldGroup(f) === group).map((f) => ({ value: f, label: fitFieldLabel(f) })),
}));

/** The operators that make sense for a field: comparisons for numbers, "contains" for text. */
function operatorsFor(field: FitField): Operator[] {
  const numeric = NUMERIC_FIT_FIELDS.has(field);
  return OPERATORS.filter((op) => (numeric ? op !== "contains" : !NUMBER_OPS.has(op)));
}

type Props = {
  condition: ConditionDraft;
  /** The condition's API path, e.g. `fitRules.0.conditions.1`, for its errors. */
  path: string;
  first: boolean;
  readOnly: boolean;
  canRemove: boolean;
  error: (path: string) => string | undefined;
  onChange: (next: ConditionDraft, path: string) => void;
  onRemove: () => void;
};

function ValueInput({ condition: c, path, readOnly, error, onChange }: Omit<Props, "first" | "canRemove" | "onRemove">) {
  const err = error(`${path}.value`);
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...c, ...patch }, `${path}.value`);
  const personaNames = usePersonaNames();
  // Fit rules on contact.persona offer the defined personas (docs/ENABLEMENT.md).
  const suggestions = c.field === "contact.persona" ? personaNames : SUGGESTIONS[c.field] ? [...(SUGGESTIONS[c.field] as readonly string[])] : [];
  if (NO_VALUE_OPS.has(c.op)) {
    return (
      <Text fz="xs" c="dimmed" pt={6}>
        No value needed
      </Text>
    );
  }
  if (LIST_OPS.has(c.op)) {
    return (
      <TagsInput
        size="xs"
        aria-label="Values"
        placeholder={readOnly ? undefined : "Type a value and press Enter"}
        data={suggestions}
        value={c.list}
        onChange={(list) => set({ list })}
        error={err}
        readOnly={readOnly}
        clearable={!readOnly}
        splitChars={[",", "|"]}
        maxTags={200}
      />
    );
  }
  if (takesNumber(c)) {
    return <NumberInput size="xs" aria-label="Value" value={c.text} onChange={(v) => set({ text: v })} error={err} readOnly={readOnly} thousandSeparator="," hideControls placeholder="A number" />;
  }
  if (suggestions.length) {
    return <Autocomplete size="xs" aria-label="Value" data={suggestions} value={String(c.text)} onChange={(v) => set({ text: v })} error={err} readOnly={readOnly} placeholder="A value" />;
  }
  return <TextInput size="xs" aria-label="Value" value={String(c.text)} onChange={(e) => set({ text: e.currentTarget.value })} error={err} readOnly={readOnly} placeholder="A value" />;
}

/** One condition of a fit rule: field, operator and a value input fitting the operator (list, number, text or none). */
export function ConditionRow({ condition: c, path, first, readOnly, canRemove, error, onChange, onRemove }: Props) {
  const ops = operatorsFor(c.field);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="fit-condition">
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase" w={38} pt={6} ta="right" style={{ flexShrink: 0 }}>
        {first ? "If" : "and"}
      </Text>
      <Select
        size="xs"
        aria-label="Field"
        w={190}
        style={{ flexShrink: 0 }}
        data={FIELD_OPTIONS}
        value={c.field}
        allowDeselect={false}
        searchable
        readOnly={readOnly}
        rightSection={readOnly ? <span /> : undefined}
        error={error(`${path}.field`)}
        onChange={(v) => {
          if (!v) return;
          const field = v as FitField;
          // A field change keeps the operator when it still applies, and drops a value of the wrong kind.
          const op = operatorsFor(field).includes(c.op) ? c.op : "eq";
          onChange({ ...c, field, op, text: NUMERIC_FIT_FIELDS.has(field) === NUMERIC_FIT_FIELDS.has(c.field) ? c.text : "" }, path);
        }}
      />
      <Select
        size="xs"
        aria-label="Operator"
        w={140}
        style={{ flexShrink: 0 }}
        data={ops.map((op) => ({ value: op, label: operatorLabel(op) }))}
        value={c.op}
        allowDeselect={false}
        readOnly={readOnly}
        rightSection={readOnly ? <span /> : undefined}
        error={error(`${path}.op`)}
        onChange={(v) => {
          if (!v) return;
          const op = v as Operator;
          // Moving between single and list values carries the value over.
          const list = LIST_OPS.has(op) && !c.list.length && String(c.text).trim() ? [String(c.text).trim()] : c.list;
          const text = !LIST_OPS.has(op) && c.text === "" && c.list.length ? (c.list[0] ?? "") : c.text;
          onChange({ ...c, op, list, text }, path);
        }}
      />
      <Box style={{ flex: 1, minWidth: 0 }}>
        <ValueInput condition={c} path={path} readOnly={readOnly} error={error} onChange={onChange} />
      </Box>
      {!readOnly && (
        <Tooltip label={canRemove ? "Remove condition" : "A rule needs at least one condition"} openDelay={300}>
          <ActionIcon variant="subtle" color="gray" size="sm" mt={3} onClick={onRemove} disabled={!canRemove} aria-label="Remove condition">
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
