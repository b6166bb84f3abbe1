import { Button, Group, Popover, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { notifyError } from "../../../lib/notify";
import { useDecideReferenceUse } from "../hooks/use-references";

/** Approve, or decline with a note, a reference request (shown to its owner and managers). */
export function DecideUseButtons({ useId }: { useId: string }) {
  const decide = useDecideReferenceUse();
  const [note, setNote] = useState("");
  const [declining, setDeclining] = useState(false);
  const send = (decision: "approve" | "decline") =>
    decide.mutate({ id: useId, body: { decision, note: note.trim() || undefined } }, { onError: (e) => notifyError(e, decision === "approve" ? "Could not approve" : "Could not decline"), onSuccess: () => setDeclining(false) });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" color="teal" loading={decide.isPending && !declining} onClick={() => send("approve")} data-testid="approve-reference-use">Approve</Button>
      <Popover opened={declining} onChange={setDeclining} width={280} position="bottom-end" withArrow trapFocus>
        <Popover.Target>
          <Button size="xs" variant="default" onClick={() => setDeclining((o) => !o)}>Decline</Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Textarea label="Why?" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button size="xs" color="red" disabled={!note.trim()} loading={decide.isPending} onClick={() => send("decline")}>Decline request</Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
