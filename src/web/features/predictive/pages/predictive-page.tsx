import { Alert, Grid, Skeleton, Stack, Text } from "@mantine/core";
import { IconChartDots3, IconLock } from "@tabler/icons-react";
import { EmptyPanel } from "../../../components/empty-panel";
import { JobProgress } from "../../../components/job-progress";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatNumber } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { CalibrationChart } from "../components/calibration-chart";
import { ModelHistoryTable } from "../components/model-history-table";
import { ModelStats } from "../components/model-stats";
import { RetrainButton } from "../components/retrain-button";
import { TopFeaturesChart } from "../components/top-features-chart";
import { useActiveModel, useModelHistory } from "../hooks/use-predictive-model";
import { useTrainingJob } from "../hooks/use-training-job";

// A finished run stays on screen this long, so whoever started it sees how it went.
const RECENT_MS = 15 * 60_000;

function TrainingProgress({ job }: { job: ReturnType<typeof useTrainingJob> }) {
  if (!job) return null;
  if (job.finishedAt && Date.now() - new Date(job.finishedAt).getTime() > RECENT_MS) return null;
  const r = job.result ?? {};
  const done = typeof r.version === "number" ? `Version ${r.version} is active; ${formatNumber(typeof r.scored === "number" ? r.scored : 0)} open contacts scored.` : undefined;
  return <JobProgress job={job} title={job.status === "succeeded" ? "Training finished" : "Training the predictive model"} doneMessage={done} testId="training-progress" />;
}

/** The predictive model at /predictive: held-out quality, calibration, what drives it, its versions, and retraining. */
export function PredictivePage() {
  const can = useAbilities();
  const active = useActiveModel(can.canReadPredictiveModels);
  const history = useModelHistory(can.canReadPredictiveModels);
  const job = useTrainingJob(can.canReadPredictiveModels);
  const running = job?.status === "queued" || job?.status === "running";
  const data = active.data;

  return (
    <>
      <PageHeader
        title="Predictive model"
        description="The chance that a contact reaches a won deal, learned from this workspace's own won and lost outcomes. Retrained every night once the model is a week old, or now."
        actions={can.canTrainPredictiveModel && data ? <RetrainButton outcomes={data.outcomes} running={running} /> : undefined}
      />
      {!can.canReadPredictiveModels ? (
        <Alert color="gray" icon={<IconLock size={18} />} title="Managers, admins, marketing and sales only">
          <Text fz="sm">Your role cannot read the model. Each contact's page still shows its predicted win chance.</Text>
        </Alert>
      ) : active.isError ? (
        <QueryError error={active.error} onRetry={() => void active.refetch()} />
      ) : !data ? (
        <Skeleton h={320} />
      ) : (
        <Stack gap="md">
          <TrainingProgress job={job} />
          {data.model ? (
            <>
              <ModelStats model={data.model} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <CalibrationChart metrics={data.model.metrics} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <TopFeaturesChart metrics={data.model.metrics} />
                </Grid.Col>
              </Grid>
            </>
          ) : (
            <SectionCard title="No model yet">
              <EmptyPanel
                icon={<IconChartDots3 size={22} />}
                title={data.outcomes.enough ? "Ready to train" : "Not enough outcomes yet"}
                description={`${formatNumber(data.outcomes.positives)} won and ${formatNumber(data.outcomes.negatives)} lost, no-decision, rejected or disqualified contacts so far; training needs ${data.outcomes.minPerClass} of each.`}
              />
            </SectionCard>
          )}
          <SectionCard title="Versions">
            <ModelHistoryTable models={history.data ?? []} loading={history.isLoading} />
          </SectionCard>
        </Stack>
      )}
    </>
  );
}
