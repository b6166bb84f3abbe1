import type { ReactNode } from "react";
import { Alert, Group, Loader, Paper, Progress, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { formatNumber, formatRelative } from "../lib/format";
import type { JobView } from "../lib/use-job";

type Props = {
  job: JobView;
  /** What the job does, in words: "Re-scoring every contact under version 4". */
  title: string;
  /** What to say once it succeeded (defaults to "Finished"). */
  doneMessage?: ReactNode;
  testId?: string;
};

function percentOf(job: JobView): number | null {
  if (!job.progressTotal || job.progressTotal <= 0) return null;
  return Math.min(100, Math.round((job.progressDone / job.progressTotal) * 100));
}

/** A long-running job's state: waiting, a progress bar while it runs, then done or the reason it failed. */
export function JobProgress({ job, title, doneMessage, testId }: Props) {
  if (job.status === "failed") {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={`${title}: failed`} data-testid={testId} data-status="failed">
        <Text fz="sm">{job.error ?? "The job stopped without saying why."}</Text>
        {job.attempts > 1 && (
          <Text fz="xs" c="dimmed" mt={4}>
            Tried {job.attempts} times.
          </Text>
        )}
      </Alert>
    );
  }
  if (job.status === "succeeded") {
    return (
      <Paper withBorder radius="md" p="sm" data-testid={testId} data-status="succeeded">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="green" variant="light" radius="xl" size={28}>
            <IconCheck size={16} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text fz="sm" fw={600}>
              {title}
            </Text>
            <Text fz="xs" c="dimmed">
              {doneMessage ?? "Finished"}
              {job.finishedAt ? ` · ${formatRelative(job.finishedAt)}` : ""}
            </Text>
          </div>
        </Group>
      </Paper>
    );
  }
  const percent = percentOf(job);
  const queued = job.status === "queued";
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-status={job.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Loader size={14} />
            <Text fz="sm" fw={600} truncate>
              {title}
            </Text>
          </Group>
          <Text fz="sm" fw={600} c="dimmed">
            {queued ? "Waiting to start…" : percent === null ? "Working…" : `${percent}%`}
          </Text>
        </Group>
        <Progress
          value={queued || percent === null ? 100 : Math.max(percent, 2)}
          striped={queued || percent === null}
          animated={queued || percent === null}
          color={queued ? "gray" : "indigo"}
          size="md"
          aria-label={title}
          transitionDuration={400}
        />
        {!queued && (
          <Text fz="xs" c="dimmed">
            {[job.progressTotal ? `${formatNumber(job.progressDone)} of ${formatNumber(job.progressTotal)}` : job.progressDone ? formatNumber(job.progressDone) : null, job.progressLabel].filter(Boolean).join(" · ") || "Starting…"}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
