import { Grid, Stack, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { DigestBreaches } from "../components/digest-breaches";
import { DigestContentRequests, DigestInsights } from "../components/digest-enablement";
import { DigestRejections, DigestReviewActions } from "../components/digest-lists";
import { DigestMetrics } from "../components/digest-metrics";
import { useDigest, type DigestData } from "../hooks/use-digests";

function DigestView({ digest }: { digest: DigestData }) {
  const c = digest.content;
  const moved = c.metrics.filter((m) => m.moved).length;
  return (
    <>
      <PageHeader
        title={`Week of ${formatDate(c.period.from)}`}
        crumbs={[{ label: "Reports", to: "/reports" }, { label: "Weekly digests", to: "/reports/digests" }, { label: formatDate(c.period.from) }]}
        description={
          <>
            {formatDate(c.period.from)} – {formatDate(c.period.to)} against the week before ({formatDate(c.previousPeriod.from)} – {formatDate(c.previousPeriod.to)}).{" "}
            {digest.emailedAt ? `Sent ${formatDateTime(digest.emailedAt)} to ${formatNumber(digest.recipients)} people.` : "Not sent."}
          </>
        }
      />
      <Stack gap="lg">
        <div>
          <Title order={3} fz="lg" fw={650}>
            The week&apos;s numbers
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            {moved ? `${moved} moved by a fifth or more against the week before (highlighted).` : "No number moved by a fifth or more against the week before."}
          </Text>
          <DigestMetrics metrics={c.metrics} currency={c.currency} />
        </div>
        <DigestBreaches breaches={c.slaBreaches} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <DigestRejections reasons={c.rejectionReasons} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <DigestReviewActions actions={c.reviewActions} />
          </Grid.Col>
        </Grid>
        {(c.fieldInsights || c.contentRequests) && (
          <Grid gap="lg">
            {c.fieldInsights && (
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <DigestInsights insights={c.fieldInsights} />
              </Grid.Col>
            )}
            {c.contentRequests && (
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <DigestContentRequests requests={c.contentRequests} />
              </Grid.Col>
            )}
          </Grid>
        )}
      </Stack>
    </>
  );
}

/** One weekly digest at /reports/digests/:id, as it was sent (the notification links here). */
export function DigestPage() {
  const { id = "" } = useParams();
  const digest = useDigest(id);
  if (digest.isError) return <QueryError error={digest.error} onRetry={() => void digest.refetch()} backTo={{ label: "All digests", to: "/reports/digests" }} />;
  if (!digest.data) return <DetailSkeleton />;
  return <DigestView digest={digest.data} />;
}
