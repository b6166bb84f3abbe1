import { useState } from "react";
import { Anchor, Badge, Button, Group, Paper, Popover, Stack, Text, Textarea } from "@mantine/core";
import { IconArrowBigUp, IconArrowBigUpFilled } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Insight } from "../../../../shared/contracts/enablement-insights.js";
import { INSIGHT_KIND_LABELS, type InsightKind, type InsightStatus } from "../../../../shared/domain/insights.js";
import { formatDate } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useInsightMutations } from "../hooks/use-insights";

type Row = Serialized<Insight>;

export const KIND_COLORS: Record<InsightKind, string> = {
  who_is_buying: "blue",
  why_buying: "teal",
  pain_point: "orange",
  decision_criterion: "grape",
  objection: "red",
  competitor_move: "pink",
};
export const STATUS_COLORS: Record<InsightStatus, string> = { new: "yellow", reviewed: "blue", actioned: "green" };

function ActionedButton({ insight }: { insight: Row }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const { triage } = useInsightMutations();
  return (
    <Popover opened={open} onChange={setOpen} width={300} withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-xs" variant="light" color="green" onClick={() => setOpen((o) => !o)}>Mark actioned…</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Textarea label="What was done (the submitter sees it)" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="insight-action-taken" />
          <Button
            size="xs"
            color="green"
            disabled={!text.trim()}
            loading={triage.isPending}
            onClick={() => triage.mutate({ id: insight.id, body: { status: "actioned", actionTaken: text.trim() } }, { onSuccess: () => setOpen(false), onError: (e) => notifyError(e) })}
            data-testid="insight-action-submit"
          >
            Mark actioned
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** One insight: kind, text, what it links to, who said it, its votes and (for marketing) its triage. */
export function InsightCard({ insight: i, canTriage, compact = false }: { insight: Row; canTriage: boolean; compact?: boolean }) {
  const { vote, triage } = useInsightMutations();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="insight-card">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={0} align="center" miw={36}>
          <Button
            size="compact-sm"
            variant={i.votedByMe ? "light" : "subtle"}
            px={6}
            aria-label={i.votedByMe ? "Take your vote back" : "Vote for this insight"}
            aria-pressed={i.votedByMe}
            loading={vote.isPending}
            onClick={() => vote.mutate({ id: i.id, on: !i.votedByMe }, { onError: (e) => notifyError(e, "Could not vote") })}
            data-testid="insight-vote"
          >
            {i.votedByMe ? <IconArrowBigUpFilled size={18} /> : <IconArrowBigUp size={18} />}
          </Button>
          <Text fz="sm" fw={650} data-testid="insight-votes">{i.votes}</Text>
        </Stack>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <Badge size="sm" variant="light" color={KIND_COLORS[i.kind]}>{INSIGHT_KIND_LABELS[i.kind]}</Badge>
            <Badge size="sm" variant="outline" color={STATUS_COLORS[i.status]} data-testid="insight-status">{i.status}</Badge>
            {i.rideAlongId && !compact && (
              <Anchor component={Link} to={`/insights/ride-alongs/${i.rideAlongId}`} fz="xs">from a ride-along</Anchor>
            )}
          </Group>
          <Text fz="sm" style={{ whiteSpace: "pre-wrap" }} lineClamp={compact ? 3 : undefined}>{i.text}</Text>
          <Group gap={8}>
            {i.accountId && <Anchor component={Link} to={`/accounts/${i.accountId}`} fz="xs">{i.accountName ?? "Account"}</Anchor>}
            {i.dealId && <Anchor component={Link} to={`/deals/${i.dealId}`} fz="xs">{i.dealName ?? "Deal"}</Anchor>}
            {i.personaName && <Badge size="xs" variant="outline" tt="none">{i.personaName}</Badge>}
            {i.competitorId && (
              <Anchor component={Link} to={`/competitors/${i.competitorId}`} fz="xs" c="red">vs {i.competitorName}</Anchor>
            )}
          </Group>
          <Text fz="xs" c="dimmed">{i.submittedByName ?? "Someone"} · {formatDate(i.createdAt)}{i.reviewedByName ? ` · reviewed by ${i.reviewedByName}` : ""}</Text>
          {i.status === "actioned" && i.actionTaken && (
            <Text fz="xs" c="green.8" data-testid="insight-action">Done: {i.actionTaken}{i.actionedByName ? ` (${i.actionedByName}, ${formatDate(i.actionedAt)})` : ""}</Text>
          )}
          {canTriage && i.status !== "actioned" && (
            <Group gap={4}>
              {i.status === "new" && (
                <Button size="compact-xs" variant="light" loading={triage.isPending} onClick={() => triage.mutate({ id: i.id, body: { status: "reviewed" } }, { onError: (e) => notifyError(e) })} data-testid="insight-review">
                  Mark reviewed
                </Button>
              )}
              {i.status === "reviewed" && <ActionedButton insight={i} />}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
