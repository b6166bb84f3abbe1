import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { TouchpointIcon } from "../../../components/touchpoint-icon";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { touchpointDetail, touchpointTypeLabel } from "../../../lib/touchpoint-labels";
import { useTouchpoints } from "../../touchpoints/hooks/use-touchpoints";

/** The latest touchpoints attributed to a campaign. */
export function CampaignActivityCard({ campaignId }: { campaignId: string }) {
  const list = useTouchpoints({ campaignId, limit: 12, sort: "-occurredAt" });
  return (
    <SectionCard
      title="Recent activity"
      actions={
        <Anchor component={Link} to={`/activity?campaignId=${campaignId}`} fz="xs">
          View all
        </Anchor>
      }
    >
      {list.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {list.isLoading ? "Loading…" : "No touchpoints recorded for this campaign yet."}
        </Text>
      ) : (
        <Stack gap={10}>
          {list.items.map((t) => (
            <Group key={t.id} gap="sm" wrap="nowrap" align="flex-start">
              <TouchpointIcon type={t.type} size={24} />
              <div style={{ minWidth: 0, flex: 1 }}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fz="sm" fw={500} truncate>
                    {touchpointTypeLabel(t.type)}
                  </Text>
                  <Text fz="xs" c="dimmed" title={formatDateTime(t.occurredAt)} style={{ whiteSpace: "nowrap" }}>
                    {formatRelative(t.occurredAt)}
                  </Text>
                </Group>
                <Text fz="xs" c="dimmed" truncate>
                  {touchpointDetail(t.properties) ?? ""}
                  {t.contactId && (
                    <>
                      {" "}
                      <Anchor component={Link} to={`/contacts/${t.contactId}`} fz="xs">
                        contact
                      </Anchor>
                    </>
                  )}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
