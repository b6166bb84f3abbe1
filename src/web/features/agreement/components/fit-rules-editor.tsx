import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { EmptyPanel } from "../../../components/empty-panel";
import { newCondition, newFitRule, removeAt, updateAt, type FitRuleDraft } from "../hooks/definition-draft";
import type { DefinitionForm } from "../hooks/use-definition-form";
import { ConditionRow } from "./condition-row";

function FitRuleCard({ rule, index, form, readOnly }: { rule: FitRuleDraft; index: number; form: DefinitionForm; readOnly: boolean }) {
  const path = `fitRules.${index}`;
  const changeRule = (fn: (r: FitRuleDraft) => FitRuleDraft, at?: string) => form.edit((d) => ({ ...d, fitRules: updateAt(d.fitRules, index, fn) }), at);
  const change = (patch: Partial<FitRuleDraft>, at?: string) => changeRule((r) => ({ ...r, ...patch }), at);
  const points = typeof rule.points === "number" ? rule.points : Number(rule.points);
  return (
    <Paper withBorder radius="md" p="xs" data-testid="fit-rule">
      <Group gap="xs" align="flex-start" wrap="nowrap" mb={6}>
        <TextInput
          aria-label="Rule"
          placeholder="Rule name, e.g. 200+ employees"
          style={{ flex: 1 }}
          styles={{ input: { fontWeight: 600 } }}
          value={rule.label}
          readOnly={readOnly}
          error={form.error(`${path}.label`) ?? form.error(`${path}.id`)}
          onChange={(e) => change({ label: e.currentTarget.value }, `${path}.label`)}
        />
        <NumberInput
          aria-label="Points"
          w={104}
          value={rule.points}
          allowDecimal={false}
          hideControls
          readOnly={readOnly}
          error={!!form.error(`${path}.points`)}
          onChange={(v) => change({ points: v }, `${path}.points`)}
          rightSection={<Text fz="xs" c="dimmed">points</Text>}
          rightSectionWidth={52}
          styles={{ input: { color: points < 0 ? "var(--mantine-color-red-7)" : "var(--mantine-color-teal-8)", fontWeight: 700 } }}
        />
        {!readOnly && (
          <Tooltip label="Delete this rule" openDelay={300}>
            <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Delete rule ${rule.label || index + 1}`} onClick={() => form.edit((d) => ({ ...d, fitRules: removeAt(d.fitRules, index) }))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {form.error(`${path}.points`) && (
        <Text fz="xs" c="red" ta="right" mt={-2} mb={6}>
          Points: {form.error(`${path}.points`)}
        </Text>
      )}
      <Stack gap={6}>
        {rule.conditions.map((c, j) => (
          <ConditionRow
            key={c.key}
            condition={c}
            path={`${path}.conditions.${j}`}
            first={j === 0}
            readOnly={readOnly}
            canRemove={rule.conditions.length > 1}
            error={form.error}
            onChange={(next, at) => changeRule((r) => ({ ...r, conditions: updateAt(r.conditions, j, () => next) }), at)}
            onRemove={() => changeRule((r) => ({ ...r, conditions: removeAt(r.conditions, j) }))}
          />
        ))}
        {form.error(`${path}.conditions`) && (
          <Text fz="xs" c="red">
            {form.error(`${path}.conditions`)}
          </Text>
        )}
        {!readOnly && rule.conditions.length < 10 && (
          <Button variant="subtle" size="compact-xs" ml={46} leftSection={<IconPlus size={12} />} style={{ alignSelf: "flex-start" }} onClick={() => changeRule((r) => ({ ...r, conditions: [...r.conditions, newCondition()] }))}>
            and…
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The fit rules as forms: a name, points (negative for traits to avoid) and the conditions that must all hold. */
export function FitRulesEditor({ form, readOnly }: { form: DefinitionForm; readOnly: boolean }) {
  const rules = form.draft.fitRules;
  return (
    <Stack gap="sm" data-testid="fit-rules">
      {rules.length === 0 && <EmptyPanel title="No fit rules" description="Every contact gets 0 fit points, so everyone has the same grade." />}
      {rules.map((r, i) => (
        <FitRuleCard key={r.key} rule={r} index={i} form={form} readOnly={readOnly} />
      ))}
      {!readOnly && (
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => form.edit((d) => ({ ...d, fitRules: [...d.fitRules, newFitRule()] }))} disabled={rules.length >= 100} style={{ alignSelf: "flex-start" }}>
          Add fit rule
        </Button>
      )}
    </Stack>
  );
}
