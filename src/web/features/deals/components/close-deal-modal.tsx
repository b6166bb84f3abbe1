import { useEffect } from "react";
import { Alert, Button, Checkbox, Collapse, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { CloseDealBodySchema, type DealDetail } from "../../../../shared/contracts/deals.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { REASON_KIND_FOR } from "../../../../shared/domain/reasons.js";
import type { DealOutcome } from "../../../../shared/domain/deals.js";
import { LIMITS } from "../../../../shared/limits.js";
import { numberOrNull, textOrNull, useFormState } from "../../../lib/use-form-state";
import { useReasonCodes } from "../../reason-codes/hooks/use-reason-codes";
import { useCloseDeal } from "../hooks/use-save-deal";

type Values = { outcome: DealOutcome; reasonCode: string | null; competitor: string; amount: string | number; note: string; interviewed: boolean; decisionCriteria: string; decidedBy: string; why: string };

function initialValues(deal: Serialized<DealDetail>): Values {
  return { outcome: "won", reasonCode: null, competitor: deal.competitor ?? "", amount: deal.amount, note: "", interviewed: false, decisionCriteria: "", decidedBy: "", why: "" };
}

/** Closes a deal as won, lost or no decision; a reason from the workspace taxonomy is required. */
export function CloseDealModal({ opened, onClose, deal }: { opened: boolean; onClose: () => void; deal: Serialized<DealDetail> }) {
  const close = useCloseDeal(deal.id);
  const form = useFormState<Values>(initialValues(deal));
  const { reset } = form;
  const reasons = useReasonCodes(REASON_KIND_FOR[form.values.outcome]);

  useEffect(() => {
    if (opened) reset(initialValues(deal));
  }, [opened, deal, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    if (!v.reasonCode) {
      form.setErrors({ reasonCode: "Choose a reason: the closed loop needs one for every outcome" });
      return;
    }
    const body = form.validate(CloseDealBodySchema, {
      outcome: v.outcome,
      reasonCode: v.reasonCode,
      competitor: textOrNull(v.competitor),
      ...(numberOrNull(v.amount) !== null ? { amount: numberOrNull(v.amount) } : {}),
      ...(v.note.trim() ? { note: v.note } : {}),
      ...(v.interviewed ? { interview: { decisionCriteria: textOrNull(v.decisionCriteria), decidedBy: textOrNull(v.decidedBy), why: textOrNull(v.why) } } : {}),
    });
    if (!body) return;
    try {
      await close.mutateAsync(body);
      notifications.show({ color: v.outcome === "won" ? "green" : "gray", message: v.outcome === "won" ? "Deal won 🎉" : "Deal closed" });
      onClose();
    } catch (err) {
      form.applyServerError(err, ["outcome", "reasonCode", "competitor", "amount", "note", "interview"], true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Close deal" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <div>
            <Text fz="sm" fw={500} mb={6}>
              Outcome
            </Text>
            <SegmentedControl
              fullWidth
              value={form.values.outcome}
              onChange={(v) => {
                form.setValue("outcome", v as DealOutcome);
                form.setValue("reasonCode", null);
              }}
              data={[
                { value: "won", label: "Won" },
                { value: "lost", label: "Lost" },
                { value: "no_decision", label: "No decision" },
              ]}
              color={form.values.outcome === "won" ? "green" : form.values.outcome === "lost" ? "red" : "yellow"}
            />
          </div>
          <Select
            label={form.values.outcome === "won" ? "Why did we win?" : form.values.outcome === "lost" ? "Why did we lose?" : "Why no decision?"}
            placeholder={reasons.isLoading ? "Loading reasons…" : "Choose a reason"}
            data={(reasons.data ?? []).map((r) => ({ value: r.code, label: r.label }))}
            value={form.values.reasonCode}
            onChange={(v) => form.setValue("reasonCode", v)}
            error={form.errors.reasonCode}
            required
            data-testid="close-reason"
          />
          <TextInput
            label={form.values.outcome === "lost" ? "Lost to competitor" : "Competitor involved"}
            placeholder={form.values.outcome === "won" ? "Who we beat (optional)" : "Leave empty if no competitor was involved"}
            value={form.values.competitor}
            onChange={(e) => form.setValue("competitor", e.currentTarget.value)}
            error={form.errors.competitor}
            data-testid="close-competitor"
          />
          <NumberInput label={`Final amount (${deal.currency})`} min={0} thousandSeparator="," value={form.values.amount} onChange={(v) => form.setValue("amount", v)} error={form.errors.amount} />
          <Textarea label="Note" description="What should marketing and the next rep learn from this?" autosize minRows={2} maxRows={6} maxLength={LIMITS.reason} value={form.values.note} onChange={(e) => form.setValue("note", e.currentTarget.value)} error={form.errors.note} />
          <Checkbox label="We interviewed the buyer" checked={form.values.interviewed} onChange={(e) => form.setValue("interviewed", e.currentTarget.checked)} data-testid="close-interviewed" />
          <Collapse expanded={form.values.interviewed}>
            <Stack gap="sm">
              <Textarea label="Decision criteria" description="What the buyer weighed" autosize minRows={2} maxLength={LIMITS.reason} value={form.values.decisionCriteria} onChange={(e) => form.setValue("decisionCriteria", e.currentTarget.value)} />
              <TextInput label="Who decided" maxLength={200} value={form.values.decidedBy} onChange={(e) => form.setValue("decidedBy", e.currentTarget.value)} />
              <Textarea label="Why" description="The buyer's own words on the decision" autosize minRows={2} maxLength={LIMITS.reason} value={form.values.why} onChange={(e) => form.setValue("why", e.currentTarget.value)} error={form.errors.interview} />
            </Stack>
          </Collapse>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={form.values.outcome === "won" ? "green" : form.values.outcome === "lost" ? "red" : "yellow"} loading={close.isPending} data-testid="close-deal-submit">
              {form.values.outcome === "won" ? "Close as won" : form.values.outcome === "lost" ? "Close as lost" : "Close as no decision"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
