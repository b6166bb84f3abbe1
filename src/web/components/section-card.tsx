import type { ReactNode } from "react";
import { Group, Paper, Title } from "@mantine/core";

/** A bordered card with a title row (and optional actions) for a detail page section. */
export function SectionCard({ title, actions, children, testId, padding = "md" }: { title: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string; padding?: string | number }) {
  return (
    <Paper withBorder radius="md" p={padding} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={5} fz="sm" fw={650} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.3 }}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
