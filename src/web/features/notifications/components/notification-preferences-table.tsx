import { Fragment } from "react";
import { Switch, Table, Text } from "@mantine/core";
import { NOTIFICATION_KIND_INFO, type NotificationKind } from "../../../../shared/contracts/notifications.js";

export type Channels = { inApp: boolean; email: boolean };

/** Kinds × channels: one row per notification kind, grouped, with an "In app" and an "E-mail" switch. */
export function NotificationPreferencesTable({
  kinds,
  value,
  isEmailEnabled,
  onChange,
}: {
  kinds: NotificationKind[];
  value: Record<string, Channels>;
  isEmailEnabled: boolean;
  onChange: (kind: NotificationKind, channels: Channels) => void;
}) {
  const groups = [...new Set(kinds.map((k) => NOTIFICATION_KIND_INFO[k].group))];
  return (
    <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="notification-preferences">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Notification</Table.Th>
          <Table.Th w={90} ta="center">
            In app
          </Table.Th>
          <Table.Th w={90} ta="center">
            E-mail
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Fragment key={group}>
            <Table.Tr bg="var(--mantine-color-gray-0)">
              <Table.Td colSpan={3}>
                <Text fz="xs" fw={650} tt="uppercase" c="dimmed">
                  {group}
                </Text>
              </Table.Td>
            </Table.Tr>
            {kinds
              .filter((k) => NOTIFICATION_KIND_INFO[k].group === group)
              .map((kind) => {
                const info = NOTIFICATION_KIND_INFO[kind];
                const current = value[kind] ?? info.defaults;
                return (
                  <Table.Tr key={kind}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {info.label}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {info.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch mx="auto" w="fit-content" aria-label={`${info.label}: in app`} checked={current.inApp} onChange={(e) => onChange(kind, { ...current, inApp: e.currentTarget.checked })} />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        mx="auto"
                        w="fit-content"
                        aria-label={`${info.label}: e-mail`}
                        disabled={!isEmailEnabled}
                        checked={current.email}
                        onChange={(e) => onChange(kind, { ...current, email: e.currentTarget.checked })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
