import { Anchor, Badge, Button, Skeleton, Stack, Text } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { GenerateReviewControl } from "../components/generate-review-control";
import { ReviewActionsTable } from "../components/review-actions-table";
import { ReviewStatusBadge } from "../components/review-status-badge";
import { quarterLabel } from "../hooks/quarters";
import { useReviewActions, useReviews, type ReviewSummaryData } from "../hooks/use-reviews";

const columns: Column<ReviewSummaryData>[] = [
  { key: "quarter", header: "Quarter", render: (r) => <Text fz="sm" fw={600}>{quarterLabel(r.quarter)}</Text>, width: 110 },
  {
    key: "title",
    header: "Review",
    render: (r) => (
      <Anchor component={Link} to={`/reports/reviews/${r.id}`} fz="sm" fw={500}>
        {r.title}
      </Anchor>
    ),
  },
  { key: "status", header: "Status", render: (r) => <ReviewStatusBadge status={r.status} />, width: 100 },
  { key: "generated", header: "Numbers as of", render: (r) => formatDateTime(r.generatedAt) },
  { key: "actions", header: "Actions agreed", align: "right", render: (r) => formatNumber(r.actions), width: 130 },
  {
    key: "open",
    header: "Still open",
    align: "right",
    width: 110,
    render: (r) =>
      r.openActions ? (
        <Badge variant="light" color="blue">
          {formatNumber(r.openActions)}
        </Badge>
      ) : (
        <Text fz="sm" c="dimmed">
          0
        </Text>
      ),
  },
];

/** The quarterly joint reviews at /reports/reviews: every review, generating the next one, and the actions still open. */
export function ReviewsPage() {
  const can = useAbilities();
  const navigate = useNavigate();
  const reviews = useReviews();
  const open = useReviewActions("open");

  return (
    <>
      <PageHeader
        title="Quarterly joint reviews"
        description="Marketing and sales look at the quarter's numbers together, agree actions with owners and due dates, and carry the open ones into the next review."
        crumbs={[{ label: "Reports", to: "/reports" }, { label: "Joint reviews" }]}
        actions={
          <Button variant="default" component={Link} to="/reports/digests" leftSection={<IconMail size={16} />}>
            Weekly digests
          </Button>
        }
      />
      <Stack gap="lg">
        {can.canRunReviews && (
          <SectionCard title="Generate a review" testId="generate-review">
            <Text fz="sm" c="dimmed" mb="sm">
              A review records the quarter&apos;s numbers as they are now: deal outcome reasons, competitors and what changed in the lead agreement. A draft can be regenerated until it is made final.
            </Text>
            <GenerateReviewControl existing={reviews.data ?? []} />
          </SectionCard>
        )}
        {reviews.isError ? (
          <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
        ) : (
          <DataTable
            testId="reviews-table"
            columns={columns}
            rows={reviews.data ?? []}
            rowKey={(r) => r.id}
            loading={reviews.isLoading}
            onRowClick={(r) => void navigate(`/reports/reviews/${r.id}`)}
            rowHref={(r) => `/reports/reviews/${r.id}`}
            empty={<EmptyPanel title="No review yet" description={can.canRunReviews ? "Generate the review of the last quarter to start." : "Managers generate a review each quarter."} />}
          />
        )}
        <SectionCard title="Open review actions" testId="open-review-actions">
          {open.isError ? (
            <QueryError error={open.error} onRetry={() => void open.refetch()} />
          ) : !open.data ? (
            <Skeleton h={120} />
          ) : (
            <ReviewActionsTable actions={open.data} linkReviews empty="No action is open." />
          )}
        </SectionCard>
      </Stack>
    </>
  );
}
