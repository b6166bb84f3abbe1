import { ActionIcon, Indicator, Tooltip } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { Link } from "react-router";
import { useUnreadCount } from "../hooks/use-notifications";

/** The header bell: links to the feed and shows how many notifications are unread. */
export function NotificationBell() {
  const { data: unread = 0 } = useUnreadCount();
  const label = unread ? `Notifications (${unread} unread)` : "Notifications";
  return (
    <Tooltip label={label}>
      <Indicator label={unread > 99 ? "99+" : unread} size={16} disabled={unread === 0} color="red" offset={4}>
        <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={label}>
          <IconBell size={19} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
