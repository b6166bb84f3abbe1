import { Button, Tooltip } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ActiveModelResponse } from "../../../../shared/contracts/predictive.js";
import { notifyError } from "../../../lib/notify";
import { useTrainModel } from "../hooks/use-predictive-model";

/** "Retrain now": disabled, with the counts, until there are enough outcomes of each kind, or while a run is going. */
export function RetrainButton({ outcomes, running }: { outcomes: Serialized<ActiveModelResponse>["outcomes"]; running: boolean }) {
  const train = useTrainModel();
  const why = outcomes.enough ? null : `Needs ${outcomes.minPerClass} won and ${outcomes.minPerClass} lost outcomes; there are ${outcomes.positives} and ${outcomes.negatives}.`;
  return (
    <Tooltip label={why} disabled={!why} multiline w={260}>
      <Button
        leftSection={<IconRefresh size={16} />}
        onClick={() => train.mutate({}, { onError: (err) => notifyError(err, "Could not start training") })}
        loading={train.isPending}
        disabled={!!why || running}
        data-testid="retrain-model"
      >
        Retrain now
      </Button>
    </Tooltip>
  );
}
