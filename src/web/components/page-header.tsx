import type { ReactNode } from "react";
import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

type Crumb = { label: string; to?: string };

/** The title row of a page: optional breadcrumbs, title, description and actions on the right. */
export function PageHeader({ title, description, actions, crumbs, badges }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; crumbs?: Crumb[]; badges?: ReactNode }) {
  return (
    <Stack gap={6} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separator="/" fz="xs">
          {crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.label} component={Link} to={c.to} fz="xs" c="dimmed">
                {c.label}
              </Anchor>
            ) : (
              <Text key={c.label} fz="xs" c="dimmed">
                {c.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz={22} fw={650} style={{ overflowWrap: "anywhere" }}>
              {title}
            </Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" fz="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
