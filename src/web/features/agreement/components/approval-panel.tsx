import type { ReactNode } from "react";
import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconCheck, IconClockHour4, IconMinus } from "@tabler/icons-react";
import { formatDateTime } from "../../../lib/format";
import { useAbilities, useSession } from "../../../lib/session";
import { useMembers } from "../../users/hooks/use-members";
import type { Definition } from "../hooks/use-lead-definitions";

type Side = "marketing" | "sales";
type StepState = "done" | "waiting" | "later";

function Step({ state, title, children, action, testId }: { state: StepState; title: string; children: ReactNode; action?: ReactNode; testId?: string }) {
  const icon = state === "done" ? <IconCheck size={16} /> : state === "waiting" ? <IconClockHour4 size={16} /> : <IconMinus size={16} />;
  const color = state === "done" ? "green" : state === "waiting" ? "orange" : "gray";
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-state={state}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon color={color} variant="light" radius="xl" size={28}>
          {icon}
        </ThemeIcon>
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Text fz="sm" fw={650}>
            {title}
          </Text>
          <Text fz="sm" c={state === "done" ? undefined : "dimmed"} component="div">
            {children}
          </Text>
          {action}
        </Stack>
      </Group>
    </Paper>
  );
}

type Props = {
  definition: Definition;
  /** Unsaved edits: approving now would approve the saved rules, not what is on screen. */
  hasUnsavedChanges: boolean;
  approvingSide: Side | null;
  onApprove: (side: Side) => void;
};

/** Where a version stands in the two-party flow: proposed, marketing-side and sales-side approval, with the buttons. */
export function ApprovalPanel({ definition: d, hasUnsavedChanges, approvingSide, onApprove }: Props) {
  const me = useSession();
  const can = useAbilities();
  const { byId } = useMembers();
  const nameOf = (id: string | null) => (id ? id === me.user.id ? "you" : (byId.get(id)?.name ?? "a former member") : "");
  const proposed = d.status !== "draft";

  const side = (s: Side) => {
    const by = s === "marketing" ? d.marketingApprovedBy : d.salesApprovedBy;
    const at = s === "marketing" ? d.marketingApprovedAt : d.salesApprovedAt;
    const other = s === "marketing" ? d.salesApprovedBy : d.marketingApprovedBy;
    const allowed = s === "marketing" ? can.canApproveForMarketing : can.canApproveForSales;
    const who = s === "marketing" ? "marketing or a manager" : "sales (AE) or a manager";
    const state: StepState = by ? "done" : d.status === "proposed" ? "waiting" : "later";
    const reason = other === me.user.id ? `You approved for the ${s === "marketing" ? "sales" : "marketing"} side; the two approvals must come from two different people.` : hasUnsavedChanges ? "Save or discard your changes first." : null;
    const action =
      d.status === "proposed" && !by && allowed ? (
        <Tooltip label={reason} disabled={!reason} multiline w={260}>
          <Button size="xs" mt={4} color={s === "marketing" ? "grape" : "cyan"} style={{ alignSelf: "flex-start" }} disabled={!!reason} loading={approvingSide === s} onClick={() => onApprove(s)}>
            Approve as {s}
          </Button>
        </Tooltip>
      ) : undefined;
    const text = by ? (
      <>
        Approved by {nameOf(by)}
        <Text fz="xs" c="dimmed">
          {formatDateTime(at)}
        </Text>
      </>
    ) : d.status === "proposed" ? (
      `Waiting for ${who}.`
    ) : d.status === "draft" ? (
      "After it is proposed."
    ) : (
      "Not recorded."
    );
    return (
      <Step key={s} state={state} title={s === "marketing" ? "Marketing side" : "Sales side"} action={action} testId={`approval-${s}`}>
        {text}
      </Step>
    );
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md" data-testid="approval-panel">
      <Step state={proposed ? "done" : "waiting"} title={d.status === "active" || d.status === "superseded" ? "Agreed" : "Proposed"} testId="approval-proposed">
        {d.status === "active" ? (
          <>
            Active since {formatDateTime(d.activatedAt)}
            <Text fz="xs" c="dimmed">
              Proposed by {nameOf(d.proposedBy) || "—"}
            </Text>
          </>
        ) : d.status === "superseded" ? (
          `Was active from ${formatDateTime(d.activatedAt)}; a newer version replaced it.`
        ) : proposed ? (
          <>
            By {nameOf(d.proposedBy) || "—"}
            <Text fz="xs" c="dimmed">
              {formatDateTime(d.proposedAt)}
            </Text>
          </>
        ) : (
          "Still a draft. Propose it when the rules are ready for both sides to review."
        )}
      </Step>
      {side("marketing")}
      {side("sales")}
    </SimpleGrid>
  );
}
