import { useEffect, useState } from "react";
import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { LIMITS } from "../../../../shared/limits.js";
import { errorMessage } from "../../../lib/api-error";
import { useReasonCodes } from "../../reason-codes/hooks/use-reason-codes";
import { ACTION_META } from "../hooks/action-labels";
import { useBulkLeadAction, useLeadAction, type BulkResult, type ReasonedAction } from "../hooks/use-inbox";

export type ReasonTarget = { action: ReasonedAction; leads: { id: string; name: string }[] };

type Props = { target: ReasonTarget | null; onClose: () => void; onDone: (succeededIds: string[]) => void };

/** Rejects, recycles or disqualifies one lead or several: a required reason from the taxonomy and an optional note. */
export function ReasonModal({ target, onClose, onDone }: Props) {
  const single = useLeadAction();
  const bulk = useBulkLeadAction();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failures, setFailures] = useState<BulkResult["results"]>([]);
  const codes = useReasonCodes(target?.action ?? null);

  useEffect(() => {
    if (!target) return;
    setReason(null);
    setNote("");
    setError(null);
    setReasonError(null);
    setFailures([]);
  }, [target]);

  if (!target) return <Modal opened={false} onClose={onClose} />;
  const meta = ACTION_META[target.action];
  const one = target.leads.length === 1 ? target.leads[0] : undefined;
  const nameOf = new Map(target.leads.map((l) => [l.id, l.name]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason) {
      setReasonError("Choose a reason");
      return;
    }
    setError(null);
    const trimmed = note.trim() || undefined;
    try {
      if (one) {
        await single.mutateAsync({ id: one.id, action: target.action, reasonCode: reason, note: trimmed });
        notifications.show({ color: "green", message: `${one.name} ${meta.done}` });
        onDone([one.id]);
        onClose();
        return;
      }
      const result = await bulk.mutateAsync({ action: target.action, ids: target.leads.map((l) => l.id), reasonCode: reason, note: trimmed });
      const ok = result.results.filter((r) => r.ok).map((r) => r.id);
      onDone(ok);
      if (result.failed === 0) {
        notifications.show({ color: "green", message: `${result.succeeded} leads ${meta.done}` });
        onClose();
      } else {
        setFailures(result.results.filter((r) => !r.ok));
        setError(`${result.succeeded} ${meta.done}, ${result.failed} could not be:`);
      }
    } catch (err) {
      // A refused recycle (409) says how many attempts are missing: show it as is.
      setError(errorMessage(err));
    }
  };

  const title = one ? `${meta.label} ${one.name}` : `${meta.label} ${target.leads.length} leads`;
  return (
    <Modal opened onClose={onClose} title={title} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" data-testid="reason-error">
              <Text fz="sm">{error}</Text>
              {failures.length > 0 && (
                <List size="sm" mt={4}>
                  {failures.map((f) => (
                    <List.Item key={f.id}>
                      {nameOf.get(f.id) ?? f.id}: {f.error}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Select
            label="Reason"
            required
            data-autofocus
            data={(codes.data ?? []).map((c) => ({ value: c.code, label: c.label }))}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(null);
            }}
            placeholder={codes.isLoading ? "Loading…" : "Why?"}
            error={reasonError}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea label="Note" description="Optional: what sales saw, for marketing to read." value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={LIMITS.reason} autosize minRows={2} maxRows={6} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {failures.length ? "Close" : "Cancel"}
            </Button>
            {failures.length === 0 && (
              <Button type="submit" color={meta.color} loading={single.isPending || bulk.isPending}>
                {meta.label}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
