import { useState } from "react";
import { Button, Group, Stack, Textarea } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Battlecard } from "../../../../shared/contracts/enablement-competitors.js";
import { notifyError } from "../../../lib/notify";
import { useSaveBattlecard } from "../hooks/use-competitors";

const lines = (v: string) =>
  v
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Edits a battlecard as one item per line; objections as "objection | response". Saving makes a new version. */
export function BattlecardEditor({ competitorId, card, onDone }: { competitorId: string; card: Serialized<Battlecard> | null; onDone: () => void }) {
  const save = useSaveBattlecard(competitorId);
  const [why, setWhy] = useState((card?.whyWeWin ?? []).join("\n"));
  const [objections, setObjections] = useState((card?.objections ?? []).map((o) => `${o.objection} | ${o.response}`).join("\n"));
  const [landmines, setLandmines] = useState((card?.landmines ?? []).join("\n"));
  const [proof, setProof] = useState((card?.proofPoints ?? []).join("\n"));
  const submit = () =>
    save.mutate(
      {
        whyWeWin: lines(why),
        objections: lines(objections).map((l) => {
          const [objection, ...rest] = l.split("|");
          return { objection: objection!.trim(), response: rest.join("|").trim() || "—" };
        }),
        landmines: lines(landmines),
        proofPoints: lines(proof),
        version: card?.version ?? 0,
      },
      { onSuccess: onDone, onError: (e) => notifyError(e) },
    );
  return (
    <Stack gap="sm">
      <Textarea label="Why we win (one per line)" autosize minRows={2} value={why} onChange={(e) => setWhy(e.currentTarget.value)} />
      <Textarea label="Objection handling (objection | response, one per line)" autosize minRows={2} value={objections} onChange={(e) => setObjections(e.currentTarget.value)} />
      <Textarea label="Landmines (one per line)" autosize minRows={2} value={landmines} onChange={(e) => setLandmines(e.currentTarget.value)} />
      <Textarea label="Proof points (one per line)" autosize minRows={2} value={proof} onChange={(e) => setProof(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          Save battlecard
        </Button>
      </Group>
    </Stack>
  );
}
