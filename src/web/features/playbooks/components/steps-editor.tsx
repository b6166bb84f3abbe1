import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_CHANNEL_LABELS, type FollowUpChannel } from "../../../../shared/domain/playbooks.js";
import { MAX_PLAYBOOK_STEPS, MAX_STEP_DAY } from "../../../../shared/contracts/playbooks.js";

export type StepDraft = { day: number | string; channel: FollowUpChannel; action: string; talkTrack: string; assetId: string | null };

export const CHANNEL_OPTIONS = FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: FOLLOW_UP_CHANNEL_LABELS[c] }));

/** Edits a playbook's steps as rows: business day, channel, action and talk track; errors keyed `index.field`. */
export function StepsEditor({ value, onChange, errors }: { value: StepDraft[]; onChange: (steps: StepDraft[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<StepDraft>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const lastDay = value.length ? Number(value[value.length - 1]!.day) || 0 : 0;
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={500}>
        Steps
      </Text>
      {value.length === 0 && (
        <Text fz="sm" c="dimmed">
          No steps yet: only the first channel is recommended.
        </Text>
      )}
      {value.map((s, i) => (
        <Paper key={i} withBorder p="xs" radius="sm" data-testid={`playbook-step-${i}`}>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <NumberInput label="Day" aria-label={`Step ${i + 1} day`} w={80} min={0} max={MAX_STEP_DAY} value={s.day} onChange={(d) => set(i, { day: d })} error={errors[`${i}.day`]} />
            <Select label="Channel" aria-label={`Step ${i + 1} channel`} w={150} data={CHANNEL_OPTIONS} value={s.channel} allowDeselect={false} onChange={(c) => c && set(i, { channel: c as FollowUpChannel })} />
            <Stack gap={4} style={{ flex: 1 }}>
              <TextInput label="Action" aria-label={`Step ${i + 1} action`} value={s.action} onChange={(e) => set(i, { action: e.currentTarget.value })} error={errors[`${i}.action`]} placeholder="e.g. Call about the webinar" />
              <Textarea aria-label={`Step ${i + 1} talk track`} placeholder="Talk track (optional)" autosize minRows={1} value={s.talkTrack} onChange={(e) => set(i, { talkTrack: e.currentTarget.value })} error={errors[`${i}.talkTrack`]} />
            </Stack>
            <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove step ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={value.length >= MAX_PLAYBOOK_STEPS}
          onClick={() => onChange([...value, { day: value.length ? lastDay + 1 : 0, channel: value[value.length - 1]?.channel ?? "email", action: "", talkTrack: "", assetId: null }])}
        >
          Add step
        </Button>
        <Text fz="xs" c="dimmed">
          Days are business days after the handoff (0 = the same day), in order.
        </Text>
      </Group>
    </Stack>
  );
}
