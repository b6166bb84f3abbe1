import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { TouchpointIcon } from "../../../components/touchpoint-icon";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { touchpointDetail, touchpointTypeLabel } from "../../../lib/touchpoint-labels";
import { useTouchpoints } from "../../touchpoints/hooks/use-touchpoints";

/** The latest touchpoints across the workspace, for either side (or both). */
export function RecentActivityCard({ category }: { category?: "marketing" | "sales" }) {
  const list = useTouchpoints({ category, sort: "-occurredAt", limit: 8 });
  return (
    <SectionCard
      title={category === "sales" ? "Latest sales activity" : category === "marketing" ? "Latest engagement" : "Latest activity"}
      actions={
        <Anchor component={Link} to={category ? `/activity?category=${category}` : "/activity"} fz="xs">
          Activity log
        </Anchor>
      }
    >
      {list.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {list.isLoading ? "Loading…" : "Nothing recorded yet."}
        </Text>
      ) : (
        <Stack gap={8}>
          {list.items.map((t) => (
            <Group key={t.id} gap="sm" wrap="nowrap">
              <TouchpointIcon type={t.type} size={24} />
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text fz="sm" truncate>
                  {t.contactId ? (
                    <Anchor component={Link} to={`/contacts/${t.contactId}`} fz="sm" c="var(--mantine-color-text)">
                      {touchpointTypeLabel(t.type)}
                    </Anchor>
                  ) : (
                    touchpointTypeLabel(t.type)
                  )}
                </Text>
                <Text fz="xs" c="dimmed" truncate>
                  {touchpointDetail(t.properties) ?? t.channel ?? ""}
                </Text>
              </div>
              <Text fz="xs" c="dimmed" title={formatDateTime(t.occurredAt)} style={{ whiteSpace: "nowrap" }}>
                {formatRelative(t.occurredAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
