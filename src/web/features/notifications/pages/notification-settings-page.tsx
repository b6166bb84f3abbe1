import { useEffect, useMemo, useState } from "react";
import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { notifications as toast } from "@mantine/notifications";
import { IconMailOff } from "@tabler/icons-react";
import { NOTIFICATION_KIND_INFO, type NotificationKind } from "../../../../shared/contracts/notifications.js";
import { QueryError } from "../../../components/query-error";
import { notifyError } from "../../../lib/notify";
import { NotificationPreferencesTable, type Channels } from "../components/notification-preferences-table";
import { useNotificationPreferences, useUpdateNotificationPreferences } from "../hooks/use-notification-preferences";

const same = (a: Channels | undefined, b: Channels | undefined) => a?.inApp === b?.inApp && a?.email === b?.email;

/** Settings → Notifications at /settings/notifications: the caller's in-app and e-mail switches per kind. */
export function NotificationSettingsPage() {
  const prefs = useNotificationPreferences();
  const save = useUpdateNotificationPreferences();
  const saved = useMemo(() => Object.fromEntries((prefs.data?.preferences ?? []).map((p) => [p.kind, { inApp: p.inApp, email: p.email }])) as Record<string, Channels>, [prefs.data]);
  const [draft, setDraft] = useState<Record<string, Channels>>({});
  useEffect(() => setDraft(saved), [saved]);
  const kinds = (prefs.data?.preferences ?? []).map((p) => p.kind);
  const changed = kinds.filter((k) => !same(draft[k], saved[k]));

  const submit = () =>
    save.mutate(
      { preferences: changed.map((kind) => ({ kind, ...draft[kind]! })) },
      { onSuccess: () => toast.show({ color: "green", message: "Notification settings saved" }), onError: (err) => notifyError(err) },
    );
  const restoreDefaults = () => setDraft(Object.fromEntries(kinds.map((k) => [k, { ...NOTIFICATION_KIND_INFO[k].defaults }])));

  if (prefs.isError) return <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />;
  const data = prefs.data;
  return (
    <Stack gap="md" maw={820}>
      <Text fz="sm" c="dimmed">
        Choose where each kind of notification reaches you. Turning one off in the app also hides those already in your feed.
        {data?.emailConfigured ? ` E-mails go to ${data.emailAddress}.` : ""}
      </Text>
      {data && !data.emailConfigured && (
        <Alert color="yellow" icon={<IconMailOff size={18} />} title="E-mail is not set up on this server">
          Notifications appear in the app only. An administrator turns e-mail on by setting SMTP_URL and SMTP_FROM; your e-mail choices below apply from then on.
        </Alert>
      )}
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        {data ? (
          <NotificationPreferencesTable kinds={kinds} value={draft} isEmailEnabled={data.emailConfigured} onChange={(kind: NotificationKind, c) => setDraft((d) => ({ ...d, [kind]: c }))} />
        ) : (
          <Skeleton h={360} />
        )}
      </Paper>
      <Group justify="space-between">
        <Button variant="subtle" color="gray" onClick={restoreDefaults} disabled={!data}>
          Restore defaults
        </Button>
        <Group gap="sm">
          <Button variant="default" disabled={changed.length === 0} onClick={() => setDraft(saved)}>
            Discard
          </Button>
          <Button disabled={changed.length === 0} loading={save.isPending} onClick={submit}>
            Save changes
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
