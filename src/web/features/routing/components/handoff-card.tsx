import { Anchor, Box, Button, Group, List, Stack, Text, ThemeIcon } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBulb } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Handoff } from "../../../../shared/contracts/routing.js";
import { FieldList } from "../../../components/field-list";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatDateTime, formatDecimal, humanize } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { KIND_LABELS } from "../hooks/rule-draft";
import { useContactHandoffs } from "../hooks/use-handoffs";
import { AssignContactModal } from "./assign-contact-modal";

const MAX_CONTENT = 5;

function how(h: Serialized<Handoff>): string {
  if (h.reason === "manual") return `Reassigned by hand${h.fromUserName ? ` from ${h.fromUserName}` : ""}`;
  if (h.reason === "imported") return "Owner on record when the history was loaded";
  if (h.reason === "sla_reassign") return `Reassigned by the SLA${h.fromUserName ? ` from ${h.fromUserName}` : ""}`;
  const kind = KIND_LABELS[h.reason as keyof typeof KIND_LABELS] ?? humanize(h.reason);
  return h.ruleName ? `${h.ruleName} (${kind.toLowerCase()})` : `${kind} rule`;
}

function HandoffDetails({ h }: { h: Serialized<Handoff> }) {
  const c = h.context;
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="handoff-next-step">
        <ThemeIcon variant="light" color="yellow" size="sm" mt={2}>
          <IconBulb size={14} />
        </ThemeIcon>
        <Text fz="sm" fw={600}>
          {c.recommendedNextStep}
        </Text>
      </Group>
      <FieldList
        labelWidth={110}
        fields={[
          { label: "Assigned to", value: `${h.toUserName ?? "—"} · ${formatDateTime(h.createdAt)}` },
          { label: "How", value: how(h) },
          { label: "Note", value: c.note ?? null, hidden: !c.note },
          {
            label: "Campaign",
            value: c.convertingCampaign ? (
              <Anchor component={Link} to={`/campaigns/${c.convertingCampaign.id}`} fz="sm">
                {c.convertingCampaign.name}
              </Anchor>
            ) : null,
          },
          { label: "Why MQL", value: c.scoreExplanation },
          { label: "Scores", value: `Fit ${c.fit.grade ?? "—"} (${c.fit.points} pts) · engagement ${formatDecimal(c.engagement)}` },
        ]}
      />
      {c.contentConsumed.length > 0 && (
        <Box>
          <Text fz="sm" c="dimmed" mb={4}>
            Content consumed
          </Text>
          <List size="sm" spacing={2}>
            {c.contentConsumed.slice(0, MAX_CONTENT).map((x, i) => (
              <List.Item key={i}>
                {x.title}{" "}
                <Text span fz="xs" c="dimmed">
                  {formatDate(x.at)}
                </Text>
              </List.Item>
            ))}
          </List>
          {c.contentConsumed.length > MAX_CONTENT && (
            <Text fz="xs" c="dimmed">
              and {c.contentConsumed.length - MAX_CONTENT} more
            </Text>
          )}
        </Box>
      )}
    </Stack>
  );
}

/** The contact's latest handoff: who got the lead and why, the recommended next step and the context behind it. */
export function HandoffCard({ contactId, ownerId }: { contactId: string; ownerId: string | null }) {
  const can = useAbilities();
  const handoffs = useContactHandoffs(contactId);
  const [assignOpen, assign] = useDisclosure(false);
  const latest = handoffs.data?.[0];
  if (!latest && !can.canAssignLeads) return null;
  if (!latest && handoffs.isLoading) return null;

  return (
    <Box mb="md">
      <SectionCard
        title="Handoff"
        testId="handoff-card"
        actions={
          can.canAssignLeads && (
            <Button size="compact-xs" variant="light" onClick={assign.open}>
              Reassign
            </Button>
          )
        }
      >
        {latest ? (
          <HandoffDetails h={latest} />
        ) : (
          <Text fz="sm" c="dimmed">
            Not handed off yet. Routing hands a lead to a rep when it becomes an MQL.
          </Text>
        )}
      </SectionCard>
      <AssignContactModal opened={assignOpen} onClose={assign.close} contactId={contactId} currentOwnerId={ownerId} />
    </Box>
  );
}
