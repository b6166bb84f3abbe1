import { useState } from "react";
import { ActionIcon, Anchor, Group, Select, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconCheck, IconPencil, IconX } from "@tabler/icons-react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { formatDate } from "../../../lib/format";
import { useAbilities, useSession } from "../../../lib/session";
import { useUpdateReviewAction, type ReviewActionData } from "../hooks/use-reviews";
import { quarterLabel } from "../hooks/quarters";
import { ACTION_STATUS_OPTIONS, ActionStatusBadge, OverdueBadge } from "./review-status-badge";

/** The outcome of an action, editable in place by whoever may change the action. */
function OutcomeCell({ action, editable }: { action: ReviewActionData; editable: boolean }) {
  const update = useUpdateReviewAction();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    const save = () =>
      update.mutate({ id: action.id, body: { outcome: draft.trim() || null } }, { onSuccess: () => setDraft(null) });
    return (
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          w={240}
          autoFocus
          aria-label={`Outcome of ${action.title}`}
          value={draft}
          maxLength={1000}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") save();
            if (e.key === "Escape") setDraft(null);
          }}
        />
        <ActionIcon size="sm" variant="light" color="teal" aria-label="Save outcome" loading={update.isPending} onClick={save}>
          <IconCheck size={14} />
        </ActionIcon>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Cancel" onClick={() => setDraft(null)}>
          <IconX size={14} />
        </ActionIcon>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Text fz="sm" c={action.outcome ? undefined : "dimmed"} maw={280} truncate="end" title={action.outcome ?? undefined} data-testid="action-outcome">
        {action.outcome ?? "—"}
      </Text>
      {editable && (
        <Tooltip label="Record the outcome">
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Edit outcome of ${action.title}`} onClick={() => setDraft(action.outcome ?? "")}>
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

function StatusCell({ action, editable }: { action: ReviewActionData; editable: boolean }) {
  const update = useUpdateReviewAction();
  if (!editable) return <ActionStatusBadge status={action.status} />;
  return (
    <Select
      size="xs"
      w={120}
      aria-label={`Status of ${action.title}`}
      data={ACTION_STATUS_OPTIONS}
      value={action.status}
      allowDeselect={false}
      disabled={update.isPending}
      onChange={(v) => v && v !== action.status && update.mutate({ id: action.id, body: { status: v as ReviewActionData["status"] } })}
    />
  );
}

/**
 * Review actions with owner, due date (overdue ones flagged) and status; the owner of an action and the reviewers
 * (managers, admins) change its status and outcome in place. `linkReviews` links the review each was agreed in.
 */
export function ReviewActionsTable({ actions, empty, linkReviews = false, testId }: { actions: ReviewActionData[]; empty: string; linkReviews?: boolean; testId?: string }) {
  const me = useSession();
  const can = useAbilities();
  const editable = (a: ReviewActionData) => can.canRunReviews || a.ownerId === me.user.id;
  const columns: Column<ReviewActionData>[] = [
    {
      key: "title",
      header: "Action",
      render: (a) => (
        <Stack gap={0}>
          <Text fz="sm" fw={500} style={{ whiteSpace: "normal" }} maw={420}>
            {a.title}
          </Text>
          {linkReviews && (
            <Anchor component={Link} to={`/reports/reviews/${a.reviewId}`} fz="xs" c="dimmed">
              Agreed in {quarterLabel(a.agreedIn)}
            </Anchor>
          )}
        </Stack>
      ),
    },
    { key: "owner", header: "Owner", render: (a) => a.ownerName },
    {
      key: "due",
      header: "Due",
      render: (a) => (
        <Group gap={6} wrap="nowrap">
          <Text fz="sm" c={a.overdue ? "red.7" : undefined}>
            {formatDate(a.dueOn)}
          </Text>
          {a.overdue && <OverdueBadge />}
        </Group>
      ),
    },
    { key: "status", header: "Status", render: (a) => <StatusCell action={a} editable={editable(a)} /> },
    { key: "outcome", header: "Outcome", render: (a) => <OutcomeCell action={a} editable={editable(a)} /> },
  ];
  return (
    <DataTable
      testId={testId}
      columns={columns}
      rows={actions}
      rowKey={(a) => a.id}
      empty={<EmptyPanel title={empty} />}
    />
  );
}
