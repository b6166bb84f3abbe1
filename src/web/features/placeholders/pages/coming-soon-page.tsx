import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleDashed, IconClockHour4 } from "@tabler/icons-react";
import type { UpcomingModule } from "../../../app/upcoming-modules";
import { PageHeader } from "../../../components/page-header";

/** The placeholder of a module that arrives in a later release: what it will do and for whom, without fake data. */
export function ComingSoonPage({ module }: { module: UpcomingModule }) {
  return (
    <>
      <PageHeader title={module.title} description={module.summary} badges={<Badge variant="light" color="gray">Coming in a later release</Badge>} />
      <Paper withBorder radius="md" p="xl" maw={760} data-testid="coming-soon">
        <Stack gap="md">
          <Group gap="sm">
            <ThemeIcon variant="light" color="gray" size={40} radius="xl">
              <IconClockHour4 size={22} />
            </ThemeIcon>
            <div>
              <Title order={4}>Coming in a later release</Title>
              <Text c="dimmed" fz="sm">
                {module.forWhom}
              </Text>
            </div>
          </Group>
          <Text fz="sm" fw={600}>
            What will be here
          </Text>
          <List spacing="xs" fz="sm" icon={<IconCircleDashed size={16} color="var(--mantine-color-dimmed)" />}>
            {module.features.map((f) => (
              <List.Item key={f}>{f}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </>
  );
}
