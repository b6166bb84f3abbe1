import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconFilePlus } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Suggestion } from "../../../../shared/contracts/feedback.js";
import { formatNumber, formatPercent } from "../../../lib/format";

type Props = { suggestion: Serialized<Suggestion>; canDraft: boolean; drafting: boolean; onDraft: () => void };

/** One recurring rejection reason with the negative fit rule it suggests, and the button that drafts it. */
export function SuggestionCard({ suggestion: s, canDraft, drafting, onDraft }: Props) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="suggestion-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap={6}>
            <Badge variant="light" color="red">
              {s.reasonLabel}
            </Badge>
            <Text fz="sm" fw={600}>
              {s.groupLabel}
            </Text>
          </Group>
          <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
            {s.rule.points} fit points
          </Badge>
        </Group>
        <Text fz="sm">{s.message}</Text>
        <Text fz="xs" c="dimmed">
          {formatNumber(s.count)} rejections ({formatPercent(s.share)} of the group&apos;s) · {formatPercent(s.evidence.rejectedShare)} of them vs {formatPercent(s.evidence.acceptedShare)} of accepted leads match the rule
        </Text>
        {canDraft && (
          <Group justify="flex-end">
            <Button size="xs" leftSection={<IconFilePlus size={14} />} loading={drafting} onClick={onDraft}>
              Create draft
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
