import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { IconBellOff, IconChecks, IconSettings } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { notificationKindLabel, type Notification } from "../../../../shared/contracts/notifications.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { formatDateTime, humanize } from "../../../lib/format";
import { useUrlState } from "../../../lib/use-url-state";
import { useMarkRead, useNotifications } from "../hooks/use-notifications";

function Row({ n, onOpen }: { n: Serialized<Notification>; onOpen: (n: Serialized<Notification>) => void }) {
  const unread = n.readAt === null;
  return (
    <UnstyledButton onClick={() => onOpen(n)} px="md" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)", background: unread ? "var(--mantine-color-blue-0)" : undefined }} aria-label={n.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge size="xs" variant={unread ? "filled" : "light"} color={unread ? "blue" : "gray"}>
              {notificationKindLabel(n.kind) ?? humanize(n.kind)}
            </Badge>
            <Text fz="sm" fw={unread ? 600 : 400}>
              {n.title}
            </Text>
          </Group>
          {n.body && (
            <Text fz="xs" c="dimmed" style={{ whiteSpace: "pre-line" }}>
              {n.body}
            </Text>
          )}
        </Stack>
        <Text fz="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(n.createdAt)}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/** The in-app feed: what the other side asked of you, leads assigned to you, agreement changes. */
export function NotificationsPage() {
  const url = useUrlState();
  const unreadOnly = url.get("show") === "unread";
  const feed = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const navigate = useNavigate();

  const open = (n: Serialized<Notification>) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    if (n.link) void navigate(n.link);
  };

  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between">
        <div>
          <Title order={2}>Notifications</Title>
          <Text c="dimmed" fz="sm">
            {feed.unread ? `${feed.unread} unread` : "All caught up"} ·{" "}
            <Anchor component={Link} to="/settings/notifications" fz="sm">
              Notification settings
            </Anchor>{" "}
            (in app and e-mail, per kind)
          </Text>
        </div>
        <Group gap="sm">
          <Button component={Link} to="/settings/notifications" size="xs" variant="subtle" color="gray" leftSection={<IconSettings size={16} />}>
            Settings
          </Button>
          <SegmentedControl size="xs" value={unreadOnly ? "unread" : "all"} onChange={(v) => url.setMany({ show: v === "unread" ? "unread" : null })} data={[{ label: "All", value: "all" }, { label: "Unread", value: "unread" }]} />
          <Button size="xs" variant="light" leftSection={<IconChecks size={16} />} disabled={feed.unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
            Mark all read
          </Button>
        </Group>
      </Group>
      {feed.error ? (
        <QueryError error={feed.error} />
      ) : !feed.isLoading && feed.items.length === 0 ? (
        <EmptyPanel icon={<IconBellOff size={22} />} title={unreadOnly ? "No unread notifications" : "No notifications yet"} description="Leads assigned to you, SLA warnings and breaches, and proposals and approvals of the lead agreement show up here." />
      ) : (
        <Card withBorder p={0}>
          <Stack gap={0}>
            {feed.items.map((n) => (
              <Row key={n.id} n={n} onOpen={open} />
            ))}
          </Stack>
          {feed.hasNextPage && (
            <Group justify="center" p="sm">
              <Anchor component="button" fz="sm" onClick={() => void feed.fetchNextPage()}>
                {feed.isFetchingNextPage ? "Loading…" : "Load more"}
              </Anchor>
            </Group>
          )}
        </Card>
      )}
    </Stack>
  );
}
