import { Group, Kbd, Text } from "@mantine/core";

const KEYS: [string, string][] = [
  ["j / ↓", "next"],
  ["k / ↑", "previous"],
  ["Enter / o", "open"],
  ["a", "accept"],
  ["r", "reject"],
  ["c", "recycle"],
  ["d", "disqualify"],
  ["x", "select"],
];

/** The inbox's keyboard shortcuts in one line. */
export function ShortcutLegend() {
  return (
    <Group gap="md" data-testid="shortcut-legend" aria-label="Keyboard shortcuts">
      {KEYS.map(([k, what]) => (
        <Group key={k} gap={4} wrap="nowrap">
          <Kbd size="xs">{k}</Kbd>
          <Text fz="xs" c="dimmed">
            {what}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
