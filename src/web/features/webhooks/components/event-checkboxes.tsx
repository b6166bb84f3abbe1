import { Checkbox, SimpleGrid, Stack, Switch, Text } from "@mantine/core";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../../../shared/contracts/webhooks.js";

/** Which events an endpoint receives: all of them (an empty list), or the ones ticked. */
export function EventCheckboxes({ value, onChange, error }: { value: WebhookEventType[]; onChange: (events: WebhookEventType[]) => void; error?: string }) {
  const all = value.length === 0;
  return (
    <Stack gap="xs">
      <Switch label="Send every event type (including ones added later)" checked={all} onChange={(e) => onChange(e.currentTarget.checked ? [] : ["lead.mql"])} />
      {!all && (
        <Checkbox.Group value={value} onChange={(v) => onChange(v as WebhookEventType[])} error={error} aria-label="Events">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
            {WEBHOOK_EVENT_TYPES.map((t) => (
              <Checkbox
                key={t}
                value={t}
                label={
                  <>
                    <Text span fz="sm" ff="monospace">
                      {t}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {WEBHOOK_EVENT_LABELS[t]}
                    </Text>
                  </>
                }
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    </Stack>
  );
}
