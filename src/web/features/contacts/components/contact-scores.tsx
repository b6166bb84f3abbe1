import { Group, Paper, SimpleGrid, Text, Tooltip } from "@mantine/core";
import type { ContactDetail } from "../../../../shared/contracts/contacts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { formatDecimal, formatPercent, formatRelative } from "../../../lib/format";

function Cell({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <Paper withBorder radius="md" px="md" py="sm">
      <Text fz="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Group gap={8} mt={4} wrap="nowrap">
        {children}
      </Group>
      {hint && (
        <Text fz="xs" c="dimmed" mt={2} truncate>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The contact's headline scores: fit grade, engagement, predictive score and who works the lead. */
export function ContactScores({ contact }: { contact: Serialized<ContactDetail> }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
      <Cell label="Fit" hint={`${contact.fitPoints} fit points`}>
        <FitGradeBadge grade={contact.fitGrade} points={contact.fitPoints} />
        <Text fz="lg" fw={700}>
          {contact.fitGrade ? `Grade ${contact.fitGrade}` : "Not graded"}
        </Text>
      </Cell>
      <Cell label="Engagement" hint={contact.engagementAt ? `last scored ${formatRelative(contact.engagementAt)}` : "no scored touches yet"}>
        <Text fz="lg" fw={700} data-testid="engagement-score">
          {formatDecimal(contact.engagementScore)}
        </Text>
      </Cell>
      <Cell label="Win likelihood" hint="predictive score from closed-loop outcomes">
        <Tooltip label="Probability of reaching a won deal" openDelay={300}>
          <Text fz="lg" fw={700}>
            {contact.predictiveScore === null ? "—" : formatPercent(contact.predictiveScore)}
          </Text>
        </Tooltip>
      </Cell>
      <Cell label="Owner / SDR" hint={contact.sdrName ? `SDR: ${contact.sdrName}` : "no SDR assigned"}>
        <Text fz="lg" fw={700} truncate>
          {contact.ownerName ?? "Unassigned"}
        </Text>
      </Cell>
    </SimpleGrid>
  );
}
