import { Anchor, Badge, Code, Drawer, Group, Loader, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { FieldList } from "../../../components/field-list";
import { QueryError } from "../../../components/query-error";
import { TouchpointIcon } from "../../../components/touchpoint-icon";
import { formatDateTime, humanize } from "../../../lib/format";
import { touchpointTypeLabel } from "../../../lib/touchpoint-labels";
import { useTouchpoint } from "../hooks/use-touchpoints";

/** A side drawer with one touchpoint's full record, including its raw properties. */
export function TouchpointDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const tp = useTouchpoint(id);
  const t = tp.data;
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="md" title="Touchpoint">
      {tp.isLoading && <Loader size="sm" />}
      {tp.isError && <QueryError error={tp.error} />}
      {t && (
        <Stack gap="md">
          <Group gap="sm">
            <TouchpointIcon type={t.type} size={36} />
            <div>
              <Text fw={650}>{touchpointTypeLabel(t.type)}</Text>
              <Text fz="xs" c="dimmed">
                {formatDateTime(t.occurredAt)}
              </Text>
            </div>
            <Badge variant="light" color={t.category === "sales" ? "green" : "blue"} ml="auto">
              {t.category}
            </Badge>
          </Group>
          <FieldList
            fields={[
              { label: "Contact", value: t.contactId ? <Anchor component={Link} to={`/contacts/${t.contactId}`} fz="sm" onClick={onClose}>Open contact</Anchor> : null },
              { label: "Account", value: t.accountId ? <Anchor component={Link} to={`/accounts/${t.accountId}`} fz="sm" onClick={onClose}>Open account</Anchor> : null },
              { label: "Campaign", value: t.campaignId ? <Anchor component={Link} to={`/campaigns/${t.campaignId}`} fz="sm" onClick={onClose}>Open campaign</Anchor> : null },
              { label: "Channel", value: t.channel ? humanize(t.channel) : null },
              { label: "Source", value: humanize(t.source) },
              { label: "Received", value: formatDateTime(t.receivedAt) },
              { label: "Client event id", value: t.clientEventId },
            ]}
          />
          <div>
            <Text fz="sm" c="dimmed" mb={4}>
              Properties
            </Text>
            <Code block>{Object.keys(t.properties).length ? JSON.stringify(t.properties, null, 2) : "{}"}</Code>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}
