import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";

export type FaqEntry = { question: string; answer: string };

/** The brief's FAQ: question and answer pairs, typed or added from the messaging library. */
export function BriefFaqEditor({ value, onChange }: { value: FaqEntry[]; onChange: (v: FaqEntry[]) => void }) {
  const set = (i: number, patch: Partial<FaqEntry>) => onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Stack gap={6} data-testid="brief-faq">
      <Text fz="sm" fw={600}>FAQ</Text>
      {value.length === 0 && <Text fz="xs" c="dimmed">No question yet: add one, or add an FAQ from the messaging library above.</Text>}
      {value.map((f, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={4} style={{ flex: 1 }}>
            <TextInput aria-label={`FAQ ${i + 1} question`} placeholder="Question" value={f.question} onChange={(e) => set(i, { question: e.currentTarget.value })} />
            <Textarea aria-label={`FAQ ${i + 1} answer`} placeholder="Answer" autosize minRows={1} value={f.answer} onChange={(e) => set(i, { answer: e.currentTarget.value })} />
          </Stack>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove FAQ ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))} mt={6}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, { question: "", answer: "" }])} disabled={value.length >= 30} style={{ alignSelf: "flex-start" }}>
        Add a question
      </Button>
    </Stack>
  );
}
