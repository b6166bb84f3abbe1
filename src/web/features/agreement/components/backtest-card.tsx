import { useState } from "react";
import { Alert, Button, Group, Paper, Select, Skeleton, Text, Tooltip } from "@mantine/core";
import { IconFlask, IconPlayerPlay } from "@tabler/icons-react";
import { EmptyPanel } from "../../../components/empty-panel";
import { JobProgress } from "../../../components/job-progress";
import { QueryError } from "../../../components/query-error";
import { formatRelative } from "../../../lib/format";
import { useJob } from "../../../lib/use-job";
import { backtestResultOf, useLatestBacktest, useStartBacktest } from "../hooks/use-backtest";
import type { Definition } from "../hooks/use-lead-definitions";
import { BacktestResults } from "./backtest-results";

const PERIODS = [3, 6, 12, 18, 24, 36].map((m) => ({ value: String(m), label: `${m} months` }));

/** Back-tests a version against the active one: start it, watch its progress, then compare the results side by side. */
export function BacktestCard({ definition, hasUnsavedChanges }: { definition: Definition; hasUnsavedChanges: boolean }) {
  const [months, setMonths] = useState("12");
  const latest = useLatestBacktest(definition.id);
  const start = useStartBacktest(definition.id);
  const job = useJob(latest.data?.id, latest.data ?? undefined);
  const current = job.data ?? latest.data ?? null;
  const running = current?.status === "queued" || current?.status === "running";
  const result = backtestResultOf(current);
  const ranMonths = typeof current?.params.months === "number" ? current.params.months : null;
  // A run older than the last save tested rules that have changed since.
  const outdated = !!current && new Date(current.createdAt).getTime() < new Date(definition.updatedAt).getTime();
  const blocked = hasUnsavedChanges ? "The back-test runs on the saved rules: save your changes first." : null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="backtest">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <div style={{ maxWidth: 620 }}>
          <Text fw={650}>Back-test</Text>
          <Text fz="sm" c="dimmed">
            Replays past touches and fit data under this version and the active one, then follows what became of the leads each would have qualified: accepted, rejected, SQL, opportunity, won.
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <Select label="Period" w={130} data={PERIODS} value={months} onChange={(v) => setMonths(v ?? "12")} allowDeselect={false} disabled={running} />
          <Tooltip label={blocked} disabled={!blocked} multiline w={260}>
            <Button leftSection={<IconPlayerPlay size={16} />} loading={start.isPending} disabled={running || !!blocked} onClick={() => start.mutate({ months: Number(months) })}>
              Back-test over the last {months} months
            </Button>
          </Tooltip>
        </Group>
      </Group>
      {latest.isError ? (
        <QueryError error={latest.error} onRetry={() => void latest.refetch()} />
      ) : latest.isLoading ? (
        <Skeleton h={120} />
      ) : !current ? (
        <EmptyPanel icon={<IconFlask size={22} />} title="No back-test yet" description="See how many MQLs this version would have made, and how many of them sales would have accepted and won, before anyone approves it." />
      ) : (
        <>
          {(running || current.status === "failed") && <JobProgress job={current} title={`Back-testing version ${definition.version} over ${ranMonths ?? months} months`} testId="backtest-progress" />}
          {current.status === "succeeded" && !result && (
            <Alert color="red" title="Unexpected result">
              The back-test finished but its result could not be read. Run it again.
            </Alert>
          )}
          {result && (
            <>
              <Group gap="xs" mb={4}>
                <Text fz="xs" c="dimmed">
                  Last {result.months} months · run {formatRelative(current.finishedAt ?? current.createdAt)}
                </Text>
                {outdated && (
                  <Text fz="xs" c="orange.8" fw={600}>
                    · the rules changed since; run it again to see the effect
                  </Text>
                )}
              </Group>
              <BacktestResults result={result} />
            </>
          )}
        </>
      )}
    </Paper>
  );
}
