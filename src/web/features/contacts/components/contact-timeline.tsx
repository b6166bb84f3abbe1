import { useState } from "react";
import { Anchor, Badge, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Text, ThemeIcon, Timeline, Title } from "@mantine/core";
import { IconArrowsExchange } from "@tabler/icons-react";
import { Link } from "react-router";
import type { TimelineEntry } from "../../../../shared/contracts/contacts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { StageBadge } from "../../../components/stage-badge";
import { TouchpointIcon } from "../../../components/touchpoint-icon";
import { formatDateTime, formatRelative, humanize } from "../../../lib/format";
import { touchpointDetail, touchpointTypeLabel } from "../../../lib/touchpoint-labels";
import { useContactTimeline } from "../hooks/use-contact-timeline";

type Entry = Serialized<TimelineEntry>;
type Filter = "all" | "marketing" | "sales" | "stage";

function matches(e: Entry, filter: Filter): boolean {
  if (filter === "all") return true;
  if (filter === "stage") return e.kind === "stage_change";
  return e.kind === "touchpoint" && e.category === filter;
}

function EntryBody({ entry }: { entry: Entry }) {
  if (entry.kind === "stage_change") {
    return (
      <Stack gap={4}>
        <Group gap={6}>
          {entry.fromStage ? <StageBadge stage={entry.fromStage} size="xs" /> : <Text fz="xs" c="dimmed">created</Text>}
          <Text fz="xs" c="dimmed">→</Text>
          <StageBadge stage={entry.toStage} size="xs" />
          {entry.reasonCode && (
            <Badge size="xs" variant="outline" color="gray">
              {humanize(entry.reasonCode)}
            </Badge>
          )}
        </Group>
        {entry.note && <Text fz="sm">“{entry.note}”</Text>}
        <Text fz="xs" c="dimmed">
          {entry.actorName ?? (entry.actorKind === "system" ? "Tandem (automatic)" : humanize(entry.actorKind))}
          {entry.definitionVersion ? ` · lead definition v${entry.definitionVersion}` : ""}
        </Text>
      </Stack>
    );
  }
  const detail = touchpointDetail(entry.properties);
  return (
    <Stack gap={2}>
      {detail && <Text fz="sm" lineClamp={2}>{detail}</Text>}
      <Text fz="xs" c="dimmed">
        {[entry.category === "sales" ? "Sales activity" : "Marketing", entry.channel ? humanize(entry.channel) : null, entry.actorName].filter(Boolean).join(" · ")}
        {entry.campaignId && entry.campaignName && (
          <>
            {" · "}
            <Anchor component={Link} to={`/campaigns/${entry.campaignId}`} fz="xs">
              {entry.campaignName}
            </Anchor>
          </>
        )}
      </Text>
    </Stack>
  );
}

/** A contact's story, newest first: touchpoints with an icon per type and stage changes with reasons; loads older pages. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const [filter, setFilter] = useState<Filter>("all");
  const tl = useContactTimeline(contactId);
  const shown = tl.entries.filter((e) => matches(e, filter));

  return (
    <Paper withBorder radius="md" p="md" data-testid="contact-timeline">
      <Group justify="space-between" mb="md">
        <Title order={4}>Timeline</Title>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: "all", label: "All" },
            { value: "marketing", label: "Marketing" },
            { value: "sales", label: "Sales" },
            { value: "stage", label: "Stage changes" },
          ]}
        />
      </Group>
      {tl.isLoading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {tl.isError && <QueryError error={tl.error} onRetry={() => void tl.refetch()} />}
      {!tl.isLoading && !tl.isError && shown.length === 0 && (
        <EmptyPanel title="Nothing here yet" description={filter === "all" ? "Touchpoints and stage changes will appear as they happen." : "No entries of this kind on the pages loaded so far."} />
      )}
      {shown.length > 0 && (
        <Timeline bulletSize={28} lineWidth={2}>
          {shown.map((e) => (
            <Timeline.Item
              key={`${e.kind}-${e.id}`}
              data-testid={`timeline-${e.kind}`}
              bullet={
                e.kind === "touchpoint" ? (
                  <TouchpointIcon type={e.type} size={28} />
                ) : (
                  <ThemeIcon size={28} radius="xl" color="indigo" variant="filled">
                    <IconArrowsExchange size={15} />
                  </ThemeIcon>
                )
              }
              title={
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fz="sm" fw={600}>
                    {e.kind === "touchpoint" ? touchpointTypeLabel(e.type) : "Stage changed"}
                  </Text>
                  <Text fz="xs" c="dimmed" title={formatDateTime(e.at)} style={{ whiteSpace: "nowrap" }}>
                    {formatRelative(e.at)}
                  </Text>
                </Group>
              }
            >
              <EntryBody entry={e} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {tl.hasNextPage && (
        <Center mt="md">
          <Button variant="default" size="xs" onClick={() => void tl.fetchNextPage()} loading={tl.isFetchingNextPage}>
            Load older
          </Button>
        </Center>
      )}
    </Paper>
  );
}
