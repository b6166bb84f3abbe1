import { Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { can } from "../../../../shared/domain/permissions.js";
import type { RequestStatus } from "../../../../shared/domain/content.js";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { useSession } from "../../../lib/session";
import { ContentRequestCard } from "../components/content-request-card";
import { RequestContentButton } from "../components/content-request-dialog";
import { useContentRequests } from "../hooks/use-content-requests";

const COLUMNS: { status: RequestStatus; label: string }[] = [
  { status: "new", label: "New" },
  { status: "accepted", label: "Accepted" },
  { status: "in_progress", label: "In progress" },
  { status: "delivered", label: "Done" },
  { status: "declined", label: "Declined" },
];

/** The content requests board at /content/requests: what sales asked for, by status; marketing accepts, assigns and delivers. */
export function ContentRequestsPage() {
  const me = useSession();
  const canWork = can(me.role, "manageContent");
  const requests = useContentRequests();
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Content library", to: "/content" }, { label: "Requests" }]}
        title="Content requests"
        description="What sales is missing, for which deal, persona, competitor or buying stage. Marketing accepts, assigns and links the resulting asset; the requester is notified."
        actions={can(me.role, "requestContent") && <RequestContentButton variant="light" />}
      />
      {requests.error ? (
        <QueryError error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" data-testid="content-requests-board">
          {COLUMNS.map((c) => {
            const items = (requests.data ?? []).filter((r) => r.status === c.status);
            return (
              <Paper key={c.status} bg="var(--mantine-color-gray-light)" p="xs" radius="md" data-testid={`requests-${c.status}`}>
                <Group justify="space-between" mb="xs">
                  <Text fz="sm" fw={650}>{c.label}</Text>
                  <Badge size="sm" variant="default">{items.length}</Badge>
                </Group>
                <Stack gap="xs">
                  {items.length === 0 && <Text fz="xs" c="dimmed">Nothing here.</Text>}
                  {items.map((r) => <ContentRequestCard key={r.id} request={r} canWork={canWork} />)}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
