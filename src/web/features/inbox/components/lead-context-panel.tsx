import { Anchor, Box, Button, Divider, Group, Paper, Stack, Text, ThemeIcon, Timeline } from "@mantine/core";
import { LogAttemptMenu } from "./log-attempt-menu";
import { IconBulb, IconExternalLink, IconListCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import type { LeadAction } from "../../../../shared/contracts/feedback.js";
import { FieldList } from "../../../components/field-list";
import { TouchpointIcon } from "../../../components/touchpoint-icon";
import { formatDate, formatDateTime, formatDecimal, humanize } from "../../../lib/format";
import { ACTION_META, isActionAllowed } from "../hooks/action-labels";
import type { Item } from "./inbox-table";

const MAX_TOUCHES = 6;
const MAX_CONTENT = 5;

function Heading({ children }: { children: string }) {
  return (
    <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
      {children}
    </Text>
  );
}

function PlaybookHint({ item }: { item: Item }) {
  const p = item.playbook;
  if (!p) return null;
  return (
    <Paper withBorder radius="sm" p="xs" bg="var(--mantine-color-default-hover)" data-testid="inbox-playbook">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="indigo" size="sm" mt={2}>
          <IconListCheck size={14} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text fz="sm" fw={600}>
            {p.name ?? "Playbook"} · start with {humanize(p.firstChannel).toLowerCase()}
          </Text>
          {p.nextStep && <Text fz="xs">Next: {p.nextStep}</Text>}
        </div>
      </Group>
    </Paper>
  );
}

/** The selected lead's story: next step, why it qualified, the converting campaign, recent touches, content and playbook. */
export function LeadContextPanel({ item, onAction, busy }: { item: Item | undefined; onAction: (item: Item, action: LeadAction) => void; busy: boolean }) {
  if (!item) {
    return (
      <Paper withBorder radius="md" p="md">
        <Text fz="sm" c="dimmed">
          Select a lead to see its context.
        </Text>
      </Paper>
    );
  }
  const c = item.handoff?.context;
  return (
    <Paper withBorder radius="md" p="md" data-testid="lead-context">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} truncate>
              {item.name}
            </Text>
            <Text fz="xs" c="dimmed" truncate>
              {[item.title, item.accountName].filter(Boolean).join(" at ") || item.email}
            </Text>
          </div>
          <Button component={Link} to={`/contacts/${item.contactId}`} size="compact-xs" variant="default" rightSection={<IconExternalLink size={12} />} style={{ flexShrink: 0 }}>
            Open
          </Button>
        </Group>
        <Group gap={6}>
          {(Object.keys(ACTION_META) as LeadAction[]).map((a) => (
            <Button key={a} size="compact-sm" variant={a === "accept" ? "filled" : "light"} color={ACTION_META[a].color} disabled={!isActionAllowed(a, item.stage) || busy} onClick={() => onAction(item, a)}>
              {ACTION_META[a].label}
            </Button>
          ))}
          <LogAttemptMenu contactId={item.contactId} name={item.name} disabled={busy} />
        </Group>
        {c && (
          <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="inbox-next-step">
            <ThemeIcon variant="light" color="yellow" size="sm" mt={2}>
              <IconBulb size={14} />
            </ThemeIcon>
            <Text fz="sm" fw={600}>
              {c.recommendedNextStep}
            </Text>
          </Group>
        )}
        <PlaybookHint item={item} />
        <FieldList
          labelWidth={100}
          fields={[
            { label: "Handed over", value: item.handoff ? formatDateTime(item.handoff.at) : "No handoff record" },
            {
              label: "Campaign",
              value: c?.convertingCampaign ? (
                <Anchor component={Link} to={`/campaigns/${c.convertingCampaign.id}`} fz="sm">
                  {c.convertingCampaign.name}
                </Anchor>
              ) : (
                item.campaignName
              ),
            },
            { label: "Why MQL", value: c?.scoreExplanation ?? null },
            { label: "Scores", value: `Fit ${item.fitGrade ?? "—"}${c ? ` (${c.fit.points} pts)` : ""} · engagement ${formatDecimal(item.engagementScore)}` },
            { label: "Attempts", value: String(item.attempts) },
            { label: "Note", value: c?.note ?? null, hidden: !c?.note },
          ]}
        />
        {c && c.timeline.length > 0 && (
          <Box>
            <Divider mb="xs" />
            <Heading>Recent touches</Heading>
            <Timeline bulletSize={22} lineWidth={1}>
              {c.timeline.slice(0, MAX_TOUCHES).map((t, i) => (
                <Timeline.Item key={i} bullet={<TouchpointIcon type={t.type} size={22} />}>
                  <Text fz="sm">{[humanize(t.type), t.assetTitle ?? t.campaignName].filter(Boolean).join(" · ")}</Text>
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(t.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Box>
        )}
        {c && c.contentConsumed.length > 0 && (
          <Box>
            <Heading>Content consumed</Heading>
            {c.contentConsumed.slice(0, MAX_CONTENT).map((x, i) => (
              <Text key={i} fz="sm">
                {x.title}{" "}
                <Text span fz="xs" c="dimmed">
                  {formatDate(x.at)}
                </Text>
              </Text>
            ))}
            {c.contentConsumed.length > MAX_CONTENT && (
              <Text fz="xs" c="dimmed">
                and {c.contentConsumed.length - MAX_CONTENT} more
              </Text>
            )}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
