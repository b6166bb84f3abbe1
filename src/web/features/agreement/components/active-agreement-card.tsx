import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { Link } from "react-router";
import { describeMqlRule, formatPoints } from "../../../lib/agreement-labels";
import { formatDate } from "../../../lib/format";
import { useMembers } from "../../users/hooks/use-members";
import type { Definition } from "../hooks/use-lead-definitions";

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <Text fz="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

/** The agreement in force, in plain words: when a lead becomes an MQL, its rules at a glance, and who approved it. */
export function ActiveAgreementCard({ definition: d }: { definition: Definition }) {
  const { byId } = useMembers();
  const name = (id: string | null) => (id ? (byId.get(id)?.name ?? "a former member") : "—");
  const capped = d.engagementRules.filter((r) => r.cap).length;
  const topFit = [...d.fitRules].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, 6);
  return (
    <Paper withBorder radius="md" p="lg" mb="md" data-testid="active-agreement">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color="green">
            <IconScale size={22} />
          </ThemeIcon>
          <div>
            <Group gap="xs">
              <Title order={3} fz="lg">
                Version {d.version} is in force
              </Title>
              <Badge color="green" variant="filled" size="sm">
                Active
              </Badge>
            </Group>
            <Text fz="sm" c="dimmed">
              Since {formatDate(d.activatedAt)} · approved by {name(d.marketingApprovedBy)} for marketing and {name(d.salesApprovedBy)} for sales
            </Text>
          </div>
        </Group>
        <Button variant="default" component={Link} to={`/agreement/${d.id}`} style={{ flexShrink: 0 }}>
          View the rules
        </Button>
      </Group>
      <Text fz="md" mb="md" p="sm" bg="var(--mantine-color-indigo-light)" style={{ borderRadius: 8 }} data-testid="active-mql-rule">
        A lead becomes an MQL when it has <b>{describeMqlRule(d.mqlRule)}</b>.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" mb="md">
        <Fact label="Fit rules" value={String(d.fitRules.length)} hint={`${d.fitRules.filter((r) => r.points < 0).length} of them subtract points`} />
        <Fact label="Grades" value={`A ≥ ${d.gradeThresholds.A}`} hint={`B ≥ ${d.gradeThresholds.B} · C ≥ ${d.gradeThresholds.C} · below is D`} />
        <Fact label="Engagement rules" value={String(d.engagementRules.length)} hint={capped ? `${capped} limited per contact` : "none limited per contact"} />
        <Fact label="Half-life" value={`${d.halfLifeDays} days`} hint="engagement halves without new touches" />
      </SimpleGrid>
      {topFit.length > 0 && (
        <Stack gap={6}>
          <Text fz="xs" tt="uppercase" fw={600} c="dimmed">
            Fit rules that weigh most
          </Text>
          <Group gap={6}>
            {topFit.map((r) => (
              <Badge key={r.id} variant="light" color={r.points < 0 ? "red" : "teal"} tt="none" fw={500} size="lg">
                {r.label} {formatPoints(r.points)}
              </Badge>
            ))}
            {d.fitRules.length > topFit.length && (
              <Anchor component={Link} to={`/agreement/${d.id}`} fz="sm">
                and {d.fitRules.length - topFit.length} more
              </Anchor>
            )}
          </Group>
        </Stack>
      )}
      {d.notes && (
        <Text fz="sm" c="dimmed" mt="md" style={{ whiteSpace: "pre-wrap" }}>
          “{d.notes}”
        </Text>
      )}
    </Paper>
  );
}
