import { Anchor, Button, Text } from "@mantine/core";
import { IconCalendarStats } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { SendDigestButton } from "../components/send-digest-button";
import { useDigests, weekEnd, type DigestSummaryData } from "../hooks/use-digests";

const columns: Column<DigestSummaryData>[] = [
  {
    key: "week",
    header: "Week",
    render: (d) => (
      <Anchor component={Link} to={`/reports/digests/${d.id}`} fz="sm" fw={500}>
        {formatDate(d.weekStart)} – {formatDate(weekEnd(d.weekStart))}
      </Anchor>
    ),
  },
  { key: "sent", header: "Sent", render: (d) => (d.emailedAt ? formatDateTime(d.emailedAt) : <Text span fz="sm" c="dimmed">Not sent</Text>) },
  { key: "recipients", header: "Recipients", align: "right", width: 120, render: (d) => formatNumber(d.recipients) },
];

/** The archive of weekly digests at /reports/digests; managers and admins can send last week's now. */
export function DigestsPage() {
  const can = useAbilities();
  const navigate = useNavigate();
  const digests = useDigests();
  return (
    <>
      <PageHeader
        title="Weekly digests"
        description="Every Monday both teams get the numbers that moved, the SLA breaches, the top rejection reasons and the review actions coming due, in the app and by e-mail."
        crumbs={[{ label: "Reports", to: "/reports" }, { label: "Weekly digests" }]}
        actions={
          <>
            <Button variant="default" component={Link} to="/reports/reviews" leftSection={<IconCalendarStats size={16} />}>
              Joint reviews
            </Button>
            {can.canRunReviews && <SendDigestButton />}
          </>
        }
      />
      {digests.isError ? (
        <QueryError error={digests.error} onRetry={() => void digests.refetch()} />
      ) : (
        <DataTable
          testId="digests-table"
          columns={columns}
          rows={digests.data ?? []}
          rowKey={(d) => d.id}
          loading={digests.isLoading}
          onRowClick={(d) => void navigate(`/reports/digests/${d.id}`)}
          rowHref={(d) => `/reports/digests/${d.id}`}
          empty={<EmptyPanel title="No digest yet" description="The first one goes out on Monday morning." />}
        />
      )}
    </>
  );
}
