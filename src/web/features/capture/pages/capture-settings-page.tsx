import { useState } from "react";
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconExternalLink, IconRefresh, IconWorldWww } from "@tabler/icons-react";
import { can } from "../../../../shared/domain/permissions.js";
import { HONEYPOT_FIELD } from "../../../../shared/contracts/capture.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { formatDate } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { AdminOnlyNotice } from "../../settings/components/admin-only-notice";
import { CopyBlock } from "../components/copy-block";
import { OriginsEditor } from "../components/origins-editor";
import { useCaptureSettings, useRotateCaptureKey } from "../hooks/use-capture-settings";

/** The copy-paste pieces for a website: the script tag and a form the snippet sends. */
function snippets(origin: string, key: string) {
  const script = `<script src="${origin}/t.js" data-key="${key}" defer></script>`;
  const form = `<form data-tandem-form="demo-request" data-tandem-success="Thanks! We will be in touch.">
  <input name="email" type="email" placeholder="Work e-mail" required>
  <input name="firstName" placeholder="First name">
  <input name="lastName" placeholder="Last name">
  <input name="company" placeholder="Company">
  <button type="submit">Request a demo</button>
</form>`;
  return { script, form };
}

/** Settings → Web capture at /settings/capture: the publishable key, allowed origins and the snippet to install. */
export function CaptureSettingsPage() {
  const { role } = useSession();
  const readable = can(role, "readCapture");
  const admin = can(role, "manageCapture");
  const settings = useCaptureSettings(readable);
  const rotate = useRotateCaptureKey();
  const [confirming, setConfirming] = useState(false);
  if (!readable) return <AdminOnlyNotice what="see the web capture settings" who="admins and managers" />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  const key = s?.publishableKey ?? null;
  const origin = window.location.origin;
  const code = key ? snippets(origin, key) : null;

  return (
    <Stack gap="lg" maw={900}>
      <Text fz="sm" c="dimmed">
        Put the tracking snippet on your website: it records page views with their UTM parameters and sends forms marked <code>data-tandem-form</code> to
        Tandem, which creates or finds the contact by e-mail and merges the visitor&apos;s earlier page views into it. The publishable key can only write;
        pages on origins you do not list below are refused.
      </Text>
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={4}>Publishable key</Title>
          {admin && key && (
            <Button variant="light" color="orange" leftSection={<IconRefresh size={16} />} onClick={() => setConfirming(true)}>
              Rotate key
            </Button>
          )}
        </Group>
        {settings.isLoading ? (
          <Text c="dimmed">Loading…</Text>
        ) : key ? (
          <Stack gap="xs">
            <CopyBlock label="Key" value={key} testId="capture-key" />
            <Text fz="xs" c="dimmed">
              Created or last rotated {formatDate(s!.rotatedAt!)}. It names this workspace and may be seen by anyone who visits your site: it cannot read data.
            </Text>
          </Stack>
        ) : (
          <EmptyPanel
            icon={<IconWorldWww size={22} />}
            title="Web capture is not set up"
            description={admin ? "Create a publishable key to start collecting page views and form submissions." : "Ask an admin to create a publishable key."}
            action={admin ? <Button onClick={() => rotate.mutate()} loading={rotate.isPending}>Create key</Button> : undefined}
          />
        )}
      </Paper>
      {s && (
        <Paper withBorder radius="md" p="lg">
          <OriginsEditor origins={s.allowedOrigins} editable={admin} />
        </Paper>
      )}
      {code && (
        <Paper withBorder radius="md" p="lg">
          <Title order={4} mb="sm">
            Install
          </Title>
          <Stack gap="md">
            <CopyBlock label="Script tag (every page, before </body>)" value={code.script} testId="capture-script" />
            <CopyBlock label="Example form" value={code.form} testId="capture-form" />
            <Text fz="xs" c="dimmed">
              The snippet adds a hidden <code>{HONEYPOT_FIELD}</code> field to each marked form: a submission that fills it is answered like any other and stored
              nowhere. Each key may send {s!.rateLimitPerMinute} requests a minute from one IP address.
            </Text>
            <Anchor href={`/capture/example?key=${encodeURIComponent(key!)}`} target="_blank" rel="noopener" fz="sm">
              <Group gap={4}>
                Open the example page <IconExternalLink size={14} />
              </Group>
            </Anchor>
          </Stack>
        </Paper>
      )}
      <ConfirmDelete
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Rotate the publishable key"
        confirmLabel="Rotate"
        message="Pages still using the current key stop sending page views and forms at once, until you replace data-key in the snippet."
        loading={rotate.isPending}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </Stack>
  );
}
