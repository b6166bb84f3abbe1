import { useState } from "react";
import { Alert, Button, Group, Select } from "@mantine/core";
import { IconSparkles } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { todayIn } from "../../../../shared/domain/report-periods.js";
import { JobProgress } from "../../../components/job-progress";
import { ApiError, errorMessage } from "../../../lib/api-error";
import { useSession } from "../../../lib/session";
import { lastFinishedQuarter, quarterLabel, startedQuarters } from "../hooks/quarters";
import { useCreateReview, useReviewJob, type ReviewSummaryData } from "../hooks/use-reviews";

/** The API's reason a review could not be generated: the field's message for a 400, the message itself otherwise. */
function reason(err: unknown): string {
  if (err instanceof ApiError && err.code === "validation_failed") {
    const quarter = err.fieldErrors().quarter;
    if (quarter) return `That quarter ${quarter}.`;
  }
  return errorMessage(err);
}

/** Generates the review of a quarter that has started (the last finished one by default), shows its progress, then opens it. */
export function GenerateReviewControl({ existing }: { existing: ReviewSummaryData[] }) {
  const me = useSession();
  const navigate = useNavigate();
  const today = todayIn(me.workspace.timezone);
  const [quarter, setQuarter] = useState<string>(lastFinishedQuarter(today));
  const create = useCreateReview();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useReviewJob(jobId, (reviewId) => void navigate(`/reports/reviews/${reviewId}`));
  const running = job?.status === "queued" || job?.status === "running";
  const done = new Set(existing.map((r) => r.quarter));
  const options = startedQuarters(today).map((q, i) => ({ value: q, label: `${quarterLabel(q)}${i === 0 ? " (running)" : ""}${done.has(q) ? " · has a review" : ""}` }));

  return (
    <div>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Quarter"
          w={210}
          data={options}
          value={quarter}
          allowDeselect={false}
          onChange={(v) => {
            if (v) setQuarter(v);
            create.reset();
            setJobId(null);
          }}
        />
        <Button leftSection={<IconSparkles size={16} />} loading={create.isPending || running} onClick={() => create.mutate({ quarter }, { onSuccess: (j) => setJobId(j.id) })}>
          Generate review
        </Button>
      </Group>
      {job && (
        <div style={{ maxWidth: 520, marginTop: 8 }}>
          <JobProgress job={job} title={`Generating the ${quarterLabel(String(job.params.quarter))} review`} doneMessage="Opening the review…" testId="review-job" />
        </div>
      )}
      {create.error && (
        <Alert color="red" mt="xs" role="alert" data-testid="generate-error" maw={520}>
          {reason(create.error)}
        </Alert>
      )}
    </div>
  );
}
