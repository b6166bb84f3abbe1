import { ActionIcon, Badge, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from "@tabler/icons-react";
import { CHANNELS, TOUCHPOINT_TYPES } from "../../../../shared/domain/touchpoints.js";
import { channelLabel } from "../../../lib/labels";
import { touchpointTypeLabel } from "../../../lib/touchpoint-labels";
import { moveAt, newProperty, removeAt, updateAt, type EngagementRuleDraft, type PropertyDraft, type PropertyKind } from "../hooks/definition-draft";
import type { DefinitionForm } from "../hooks/use-definition-form";
import { CampaignMultiPicker } from "./campaign-multi-picker";

const TYPE_OPTIONS = TOUCHPOINT_TYPES.map((t) => ({ value: t, label: touchpointTypeLabel(t) }));
const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));
const KIND_OPTIONS = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Yes / no" },
];

type Props = { rule: EngagementRuleDraft; index: number; count: number; form: DefinitionForm; readOnly: boolean };

function PropertyRow({ p, path, readOnly, form, onChange, onRemove }: { p: PropertyDraft; path: string; readOnly: boolean; form: DefinitionForm; onChange: (next: PropertyDraft) => void; onRemove: () => void }) {
  const err = form.error(`${path}.${p.name.trim()}`);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput size="xs" aria-label="Property name" placeholder="e.g. form" w={150} value={p.name} readOnly={readOnly} onChange={(e) => onChange({ ...p, name: e.currentTarget.value })} error={!p.name.trim() && err ? "Name it" : undefined} />
      <Text fz="sm" c="dimmed" pt={4}>
        =
      </Text>
      <Select size="xs" aria-label="Kind of value" w={100} data={KIND_OPTIONS} value={p.kind} allowDeselect={false} readOnly={readOnly} rightSection={readOnly ? <span /> : undefined} onChange={(v) => onChange({ ...p, kind: (v ?? "text") as PropertyKind, value: v === "boolean" ? "true" : p.value })} />
      {p.kind === "boolean" ? (
        <Select size="xs" aria-label="Property value" style={{ flex: 1 }} data={[{ value: "true", label: "Yes (true)" }, { value: "false", label: "No (false)" }]} value={p.value} allowDeselect={false} readOnly={readOnly} rightSection={readOnly ? <span /> : undefined} onChange={(v) => onChange({ ...p, value: v ?? "true" })} />
      ) : (
        <TextInput size="xs" aria-label="Property value" style={{ flex: 1 }} placeholder={p.kind === "number" ? "a number" : "e.g. demo"} value={p.value} readOnly={readOnly} error={err} onChange={(e) => onChange({ ...p, value: e.currentTarget.value })} />
      )}
      {!readOnly && (
        <ActionIcon variant="subtle" color="gray" size="sm" mt={3} onClick={onRemove} aria-label="Remove property">
          <IconX size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

/** One engagement rule: which touches it matches, the points they score, and an optional cap per contact. */
export function EngagementRuleCard({ rule, index, count, form, readOnly }: Props) {
  const path = `engagementRules.${index}`;
  const changeRule = (fn: (r: EngagementRuleDraft) => EngagementRuleDraft, at?: string) => form.edit((d) => ({ ...d, engagementRules: updateAt(d.engagementRules, index, fn) }), at);
  const change = (patch: Partial<EngagementRuleDraft>, at?: string) => changeRule((r) => ({ ...r, ...patch }), at);
  const move = (by: -1 | 1) => form.edit((d) => ({ ...d, engagementRules: moveAt(d.engagementRules, index, by) }));
  const matchesAnything = !rule.types.length && !rule.channels.length && !rule.campaignIds.length && !rule.assetStages.length && !rule.properties.length;
  return (
    <Paper withBorder radius="md" p="xs" data-testid="engagement-rule">
      <Stack gap={8}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Tooltip label="Touches are scored by the first rule they match, from the top" openDelay={300}>
            <Badge variant="light" color="gray" size="lg" circle mt={5}>
              {index + 1}
            </Badge>
          </Tooltip>
          <TextInput aria-label="Rule" placeholder="Rule name, e.g. Webinar attended" style={{ flex: 1 }} styles={{ input: { fontWeight: 600 } }} value={rule.label} readOnly={readOnly} error={form.error(`${path}.label`) ?? form.error(`${path}.id`)} onChange={(e) => change({ label: e.currentTarget.value }, `${path}.label`)} />
          <NumberInput
            aria-label="Points"
            w={104}
            value={rule.points}
            hideControls
            decimalScale={2}
            readOnly={readOnly}
            error={!!form.error(`${path}.points`)}
            onChange={(v) => change({ points: v }, `${path}.points`)}
            rightSection={<Text fz="xs" c="dimmed">points</Text>}
            rightSectionWidth={52}
            styles={{ input: { fontWeight: 700, color: Number(rule.points) < 0 ? "var(--mantine-color-red-7)" : "var(--mantine-color-teal-8)" } }}
          />
          {!readOnly && (
            <Group gap={0} mt={4} wrap="nowrap">
              <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => move(-1)} aria-label="Move up">
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} onClick={() => move(1)} aria-label="Move down">
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" onClick={() => form.edit((d) => ({ ...d, engagementRules: removeAt(d.engagementRules, index) }))} aria-label={`Delete rule ${rule.label || index + 1}`}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        {form.error(`${path}.points`) && (
          <Text fz="xs" c="red" ta="right">
            Points: {form.error(`${path}.points`)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs" verticalSpacing="xs" pl={38}>
          <MultiSelect size="xs" styles={{ inputField: { minWidth: 40 } }} label="Touch types" placeholder={rule.types.length ? undefined : "Any type"} data={TYPE_OPTIONS} value={rule.types} readOnly={readOnly} rightSection={readOnly ? <span /> : undefined} searchable hidePickedOptions error={form.error(`${path}.match.types`)} onChange={(types) => change({ types }, `${path}.match.types`)} />
          <TagsInput size="xs" styles={{ inputField: { minWidth: 40 } }} label="Channels" placeholder={rule.channels.length ? undefined : "Any channel"} data={CHANNEL_OPTIONS.map((o) => o.value)} value={rule.channels} readOnly={readOnly} clearable={!readOnly} error={form.error(`${path}.match.channels`)} onChange={(channels) => change({ channels }, `${path}.match.channels`)} />
          <CampaignMultiPicker label="Campaigns" value={rule.campaignIds} readOnly={readOnly} error={form.error(`${path}.match.campaignIds`)} onChange={(campaignIds) => change({ campaignIds }, `${path}.match.campaignIds`)} />
        </SimpleGrid>
        {rule.properties.length > 0 && (
          <Stack gap={6} pl={38}>
            <Text fz="xs" fw={500}>
              Only touches whose properties have these values
            </Text>
            {rule.properties.map((p, j) => (
              <PropertyRow key={p.key} p={p} path={`${path}.match.properties`} readOnly={readOnly} form={form} onChange={(next) => changeRule((r) => ({ ...r, properties: updateAt(r.properties, j, () => next) }), `${path}.match.properties`)} onRemove={() => changeRule((r) => ({ ...r, properties: removeAt(r.properties, j) }))} />
            ))}
          </Stack>
        )}
        {form.error(`${path}.match.properties`) && (
          <Text fz="xs" c="red" pl={38}>
            {form.error(`${path}.match.properties`)}
          </Text>
        )}
        <Group gap="xs" align="center" wrap="wrap" pl={38} mih={30}>
          {!readOnly && (
            <Button variant="subtle" size="compact-xs" leftSection={<IconPlus size={12} />} onClick={() => changeRule((r) => ({ ...r, properties: [...r.properties, newProperty()] }))}>
              Property
            </Button>
          )}
          <Switch size="xs" label={rule.capped ? "Scores at most" : "Limit how often it scores"} checked={rule.capped} disabled={readOnly} onChange={(e) => change({ capped: e.currentTarget.checked }, `${path}.cap`)} />
          {rule.capped && (
            <>
              <NumberInput size="xs" aria-label="Scoring touches per window" w={64} min={1} allowDecimal={false} value={rule.cap.count} readOnly={readOnly} error={!!form.error(`${path}.cap.count`)} onChange={(v) => change({ cap: { ...rule.cap, count: v } }, `${path}.cap.count`)} />
              <Text fz="xs">times per contact every</Text>
              <NumberInput size="xs" aria-label="Window in days" w={64} min={1} allowDecimal={false} value={rule.cap.windowDays} readOnly={readOnly} error={!!form.error(`${path}.cap.windowDays`)} onChange={(v) => change({ cap: { ...rule.cap, windowDays: v } }, `${path}.cap.windowDays`)} />
              <Text fz="xs">days</Text>
              {(form.error(`${path}.cap.count`) ?? form.error(`${path}.cap.windowDays`)) && (
                <Text fz="xs" c="red">
                  {form.error(`${path}.cap.count`) ?? form.error(`${path}.cap.windowDays`)}
                </Text>
              )}
            </>
          )}
          {matchesAnything && (
            <Text fz="xs" c="orange.8">
              Matches every touch{index < count - 1 ? ", so the rules below it never score" : ""}.
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
