import { JobProgress } from "../../../components/job-progress";
import { formatNumber } from "../../../lib/format";
import { useRescoreJob } from "../hooks/use-rescore-job";

// A finished re-score stays on screen this long, so whoever activated the version sees how it went.
const RECENT_MS = 15 * 60_000;

/** The full re-score that activating a version starts: progress while it runs, then how it ended (for a while). */
export function RescoreProgress({ definitionId, version }: { definitionId: string; version: number }) {
  const job = useRescoreJob(definitionId);
  if (!job) return null;
  const finishedAt = job.finishedAt ? new Date(job.finishedAt).getTime() : null;
  if (finishedAt !== null && Date.now() - finishedAt > RECENT_MS) return null;
  const r = job.result ?? {};
  const contacts = typeof r.contacts === "number" ? r.contacts : null;
  const qualified = typeof r.qualified === "number" ? r.qualified : null;
  const done = contacts === null ? "Every contact now scores under this version." : `${formatNumber(contacts)} contacts re-scored${qualified ? `; ${formatNumber(qualified)} became MQLs` : ""}.`;
  return (
    <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>
      <JobProgress job={job} title={job.status === "succeeded" ? `Re-score under version ${version} finished` : `Re-scoring every contact under version ${version}`} doneMessage={done} testId="rescore-progress" />
    </div>
  );
}
