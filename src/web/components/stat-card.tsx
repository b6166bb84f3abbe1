import type { ReactNode } from "react";
import { Group, Paper, Text, ThemeIcon } from "@mantine/core";

/** One headline number with its label, an optional icon and a hint line. */
export function StatCard({ label, value, hint, icon, color = "indigo", testId }: { label: string; value: ReactNode; hint?: ReactNode; icon?: ReactNode; color?: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fz="xs" tt="uppercase" fw={600} c="dimmed" lineClamp={1}>
            {label}
          </Text>
          <Text fz={22} fw={700} mt={4} lh={1.2} data-testid={testId ? `${testId}-value` : undefined}>
            {value}
          </Text>
          {hint && (
            <Text fz="xs" c="dimmed" mt={4}>
              {hint}
            </Text>
          )}
        </div>
        {icon && (
          <ThemeIcon variant="light" color={color} size={34} radius="md">
            {icon}
          </ThemeIcon>
        )}
      </Group>
    </Paper>
  );
}
