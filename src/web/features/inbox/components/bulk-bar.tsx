import { Button, CloseButton, Group, Paper, Text } from "@mantine/core";
import type { LeadAction } from "../../../../shared/contracts/feedback.js";
import { ACTION_META } from "../hooks/action-labels";

type Props = { count: number; busy: boolean; onAction: (action: LeadAction) => void; onClear: () => void };

/** The bar shown while leads are checked: one action for all of them. */
export function BulkBar({ count, busy, onAction, onClear }: Props) {
  if (count === 0) return null;
  return (
    <Paper withBorder radius="md" px="md" py={8} bg="var(--mantine-color-indigo-light)" data-testid="bulk-bar">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fz="sm" fw={600}>
          {count} selected
        </Text>
        <Group gap={6}>
          {(Object.keys(ACTION_META) as LeadAction[]).map((a) => (
            <Button key={a} size="compact-sm" color={ACTION_META[a].color} variant={a === "accept" ? "filled" : "light"} loading={busy && a === "accept"} disabled={busy} onClick={() => onAction(a)}>
              {ACTION_META[a].label} {count}
            </Button>
          ))}
          <CloseButton aria-label="Clear selection" onClick={onClear} />
        </Group>
      </Group>
    </Paper>
  );
}
