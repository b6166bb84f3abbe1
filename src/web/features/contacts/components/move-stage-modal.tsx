import { useEffect } from "react";
import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { MoveStageBodySchema } from "../../../../shared/contracts/contacts.js";
import { STAGES_REQUIRING_REASON, checkTransition, type Stage } from "../../../../shared/domain/lifecycle.js";
import { REASON_KIND_FOR } from "../../../../shared/domain/reasons.js";
import { LIMITS } from "../../../../shared/limits.js";
import { StageBadge } from "../../../components/stage-badge";
import { isApiError } from "../../../lib/api-error";
import { stageDescription, stageLabel } from "../../../lib/labels";
import { useAbilities } from "../../../lib/session";
import { useFormState } from "../../../lib/use-form-state";
import { useReasonCodes } from "../../reason-codes/hooks/use-reason-codes";
import { useMoveContactStage } from "../hooks/use-move-contact-stage";

type Props = { opened: boolean; onClose: () => void; contactId: string; currentStage: Stage; allowedStages: Stage[]; initialStage?: Stage | null };

const EMPTY = { stage: null as string | null, reasonCode: null as string | null, note: "" };

/** Moves a contact to one of its allowed stages; exits such as rejected or recycled ask for a reason code and note. */
export function MoveStageModal({ opened, onClose, contactId, currentStage, allowedStages, initialStage }: Props) {
  const move = useMoveContactStage(contactId);
  const can = useAbilities();
  const form = useFormState(EMPTY);
  const { reset } = form;
  const stage = form.values.stage as Stage | null;
  const needsReason = stage !== null && STAGES_REQUIRING_REASON.has(stage);
  const kind = needsReason ? REASON_KIND_FOR[stage as keyof typeof REASON_KIND_FOR] : null;
  const reasons = useReasonCodes(kind ?? null);

  useEffect(() => {
    if (opened) reset({ ...EMPTY, stage: initialStage ?? null });
  }, [opened, initialStage, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!stage) {
      form.setErrors({ stage: "Choose the stage to move to" });
      return;
    }
    const check = checkTransition(currentStage, stage, form.values.reasonCode);
    if (!check.ok) {
      form.setErrors(needsReason && !form.values.reasonCode ? { reasonCode: `A reason is required to move to ${stageLabel(stage)}` } : { stage: check.reason });
      return;
    }
    const body = form.validate(MoveStageBodySchema, {
      stage,
      ...(form.values.reasonCode ? { reasonCode: form.values.reasonCode } : {}),
      ...(form.values.note.trim() ? { note: form.values.note } : {}),
    });
    if (!body) return;
    try {
      await move.mutateAsync(body);
      notifications.show({ color: "green", message: `Moved to ${stageLabel(stage)}` });
      onClose();
    } catch (err) {
      if (isApiError(err, "invalid_transition")) form.setFormError(err.message);
      else form.applyServerError(err, ["stage", "reasonCode", "note"], true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Move stage" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group gap="xs">
            <Text fz="sm" c="dimmed">
              Currently
            </Text>
            <StageBadge stage={currentStage} />
          </Group>
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          {allowedStages.length === 0 ? (
            <Alert color="gray">{stageLabel(currentStage)} is terminal: this contact cannot move.</Alert>
          ) : (
            <Radio.Group label="Move to" value={stage ?? ""} onChange={(v) => { form.setValue("stage", v); form.setValue("reasonCode", null); }} error={form.errors.stage}>
              <Stack gap={6} mt={6}>
                {allowedStages.map((s) => (
                  <Radio
                    key={s}
                    value={s}
                    disabled={!can.canMoveTo(s)}
                    label={
                      <Group gap="xs">
                        <StageBadge stage={s} />
                        {!can.canMoveTo(s) && (
                          <Text span fz="xs" c="dimmed">
                            sales side decides
                          </Text>
                        )}
                        {STAGES_REQUIRING_REASON.has(s) && (
                          <Text span fz="xs" c="dimmed">
                            reason required
                          </Text>
                        )}
                      </Group>
                    }
                    description={stageDescription(s)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {needsReason && (
            <Select
              label="Reason"
              placeholder={reasons.isLoading ? "Loading reasons…" : "Choose a reason"}
              data={(reasons.data ?? []).map((r) => ({ value: r.code, label: r.label }))}
              value={form.values.reasonCode}
              onChange={(v) => form.setValue("reasonCode", v)}
              error={form.errors.reasonCode}
              required
              searchable
              data-testid="reason-select"
            />
          )}
          {stage && (
            <Textarea
              label="Note"
              description={needsReason ? "What should the other side know? It goes into the closed-loop feedback." : "Optional context for the timeline"}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={LIMITS.reason}
              value={form.values.note}
              onChange={(e) => form.setValue("note", e.currentTarget.value)}
              error={form.errors.note}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={move.isPending} disabled={allowedStages.length === 0}>
              Move stage
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
