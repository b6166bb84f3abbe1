import { useState } from "react";
import { Alert, Button, Group, Select } from "@mantine/core";
import { IconSparkles } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { todayIn } from "../../../../shared/domain/report-periods.js";
import { ApiError, errorMessage } from "../../../lib/api-error";
import { useSession } from "../../../lib/session";
import { lastFinishedQuarter, quarterLabel, startedQuarters } from "../hooks/quarters";
import { useCreateReview, type ReviewSummaryData } from "../hooks/use-reviews";

/** The API's reason a review could not be generated: the field's message for a 400, the message itself otherwise. */
function reason(err: unknown): string {
  if (err instanceof ApiError && err.code === "validation_failed") {
    const quarter = err.fieldErrors().quarter;
    if (quarter) return `That quarter ${quarter}.`;
  }
  return errorMessage(err);
}

/** Generates the review of a quarter that has started (the last finished one by default) and opens it. */
export function GenerateReviewControl({ existing }: { existing: ReviewSummaryData[] }) {
  const me = useSession();
  const navigate = useNavigate();
  const today = todayIn(me.workspace.timezone);
  const [quarter, setQuarter] = useState<string>(lastFinishedQuarter(today));
  const create = useCreateReview();
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
          }}
        />
        <Button leftSection={<IconSparkles size={16} />} loading={create.isPending} onClick={() => create.mutate({ quarter }, { onSuccess: (r) => void navigate(`/reports/reviews/${r.id}`) })}>
          Generate review
        </Button>
      </Group>
      {create.error && (
        <Alert color="red" mt="xs" role="alert" data-testid="generate-error" maw={520}>
          {reason(create.error)}
        </Alert>
      )}
    </div>
  );
}
