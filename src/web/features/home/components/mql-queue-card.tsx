import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { SectionCard } from "../../../components/section-card";
import { formatRelative, personName } from "../../../lib/format";
import { useContacts } from "../../contacts/hooks/use-contacts";

/** MQLs waiting for sales to accept or reject, oldest first: the handoff the SLA measures. */
export function MqlQueueCard() {
  const list = useContacts({ stage: ["mql"], sort: "stageEnteredAt", limit: 8 });
  return (
    <SectionCard
      title="MQLs waiting for sales"
      testId="home-mql-queue"
      actions={
        <Anchor component={Link} to="/contacts?stage=mql&sort=stageEnteredAt" fz="xs">
          Open queue
        </Anchor>
      }
    >
      {list.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {list.isLoading ? "Loading…" : "No MQLs waiting. The queue is clear."}
        </Text>
      ) : (
        <Stack gap={8}>
          {list.items.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <FitGradeBadge grade={c.fitGrade} points={c.fitPoints} />
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/contacts/${c.id}`} fz="sm" fw={500} truncate display="block">
                    {personName(c)}
                  </Anchor>
                  <Text fz="xs" c="dimmed" truncate>
                    {[c.title, c.accountName].filter(Boolean).join(" · ") || c.email}
                  </Text>
                </div>
              </Group>
              <Text fz="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                waiting {formatRelative(c.stageEnteredAt).replace(" ago", "")}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
