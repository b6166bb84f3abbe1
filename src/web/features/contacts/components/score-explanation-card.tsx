import { useState } from "react";
import { Anchor, Badge, Button, Group, ScrollArea, SimpleGrid, Skeleton, Stack, Table, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconCheck, IconScale, IconX } from "@tabler/icons-react";
import { Link } from "react-router";
import type { ScoreExplanation } from "../../../../shared/contracts/agreement.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { describeMqlRule, formatPoints, gradeList } from "../../../lib/agreement-labels";
import { formatDateTime, formatDecimal, formatRelative } from "../../../lib/format";
import { useContactScore } from "../hooks/use-contact-score";

type Explanation = Serialized<ScoreExplanation>;

function Heading({ children }: { children: React.ReactNode }) {
  return (
    <Text fz="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
      {children}
    </Text>
  );
}

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon size={18} radius="xl" variant="light" color={ok ? "green" : "gray"}>
        {ok ? <IconCheck size={12} /> : <IconX size={12} />}
      </ThemeIcon>
      <Text fz="sm">{children}</Text>
    </Group>
  );
}

function FitColumn({ s }: { s: Explanation }) {
  return (
    <div>
      <Heading>Fit</Heading>
      <Group gap="xs" mb="xs">
        <FitGradeBadge grade={s.fitGrade} points={s.fitPoints} />
        <Text fw={700}>{s.fitGrade ? `Grade ${s.fitGrade}` : "Not graded"}</Text>
        <Text fz="sm" c="dimmed">
          {formatDecimal(s.fitPoints)} fit points
        </Text>
      </Group>
      {s.fitRules.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No fit rule applies to this contact.
        </Text>
      ) : (
        <Stack gap={4} data-testid="score-fit-rules">
          {s.fitRules.map((r) => (
            <Group key={r.ruleId} justify="space-between" wrap="nowrap" gap="sm">
              <Text fz="sm" truncate>
                {r.label}
              </Text>
              <Text fz="sm" fw={600} c={r.points < 0 ? "red.7" : "teal.7"}>
                {formatPoints(r.points)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}

function MqlColumn({ s }: { s: Explanation }) {
  const rule = s.mqlRule;
  const gradeOk = !!rule && !!s.fitGrade && (rule.grades as string[]).includes(s.fitGrade);
  const engagementOk = !!rule && s.engagement >= rule.engagementThreshold;
  return (
    <div>
      <Heading>Engagement and the MQL rule</Heading>
      <Group gap="xs" align="baseline" mb="xs">
        <Text fz={22} fw={700} lh={1} data-testid="score-engagement">
          {formatDecimal(s.engagement)}
        </Text>
        <Text fz="sm" c="dimmed">
          engagement now
        </Text>
      </Group>
      {rule && (
        <Stack gap={6}>
          <Text fz="sm">
            MQL when <b>{describeMqlRule(rule)}</b>
          </Text>
          <Check ok={gradeOk}>{s.fitGrade ? `Grade ${s.fitGrade} ${gradeOk ? "is" : "is not"} ${gradeList(rule.grades)}` : "Not graded"}</Check>
          <Check ok={engagementOk}>
            Engagement {formatDecimal(s.engagement)} {engagementOk ? "reaches" : "is below"} {rule.engagementThreshold}
          </Check>
          <Badge color={s.meetsMqlRule ? "green" : "gray"} variant={s.meetsMqlRule ? "filled" : "light"} style={{ alignSelf: "flex-start" }} data-testid="score-mql-met">
            {s.meetsMqlRule ? "Meets the MQL rule" : "Does not meet the MQL rule"}
          </Badge>
        </Stack>
      )}
    </div>
  );
}

function HistoryColumn({ s }: { s: Explanation }) {
  const [all, setAll] = useState(false);
  const rows = all ? s.history : s.history.slice(0, 6);
  return (
    <div>
      <Heading>Points history</Heading>
      {s.history.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No points recorded yet under the lead agreement.
        </Text>
      ) : (
        <>
          <ScrollArea.Autosize mah={all ? 320 : undefined}>
            <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} data-testid="score-history">
              <Table.Tbody>
                {rows.map((h, i) => (
                  <Table.Tr key={`${h.at}-${h.ruleId}-${i}`}>
                    <Table.Td>
                      <Text fz="sm" truncate maw={180}>
                        {h.ruleLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" fw={600} c={h.points < 0 ? "red.7" : undefined}>
                      {formatPoints(h.points)}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={formatDateTime(h.at)} openDelay={300}>
                        <Text fz="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                          {formatRelative(h.at)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="default" tt="none">
                        v{h.definitionVersion}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {s.history.length > 6 && (
            <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setAll((v) => !v)}>
              {all ? "Show fewer" : `Show all ${s.history.length}`}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

/** "Why this score": the fit rules that fire, engagement now against the MQL rule, and the points history by rule. */
export function ScoreExplanationCard({ contactId }: { contactId: string }) {
  const score = useContactScore(contactId);
  const s = score.data;
  const version = s?.definitionVersion ?? null;
  return (
    <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>
      <SectionCard
        title="Why this score"
        testId="score-explanation"
        actions={
          version !== null && (
            <Anchor component={Link} to="/agreement" fz="xs">
              Lead agreement version {version}
            </Anchor>
          )
        }
      >
        {score.isError ? (
          <QueryError error={score.error} onRetry={() => void score.refetch()} />
        ) : !s ? (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Skeleton h={90} />
            <Skeleton h={90} />
            <Skeleton h={90} />
          </SimpleGrid>
        ) : version === null ? (
          <EmptyPanel
            icon={<IconScale size={22} />}
            title="No lead agreement in force"
            description={
              <>
                Scores and MQLs follow the definition marketing and sales approve.{" "}
                <Anchor component={Link} to="/agreement" fz="sm">
                  Open the lead agreement
                </Anchor>
              </>
            }
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <FitColumn s={s} />
            <MqlColumn s={s} />
            <HistoryColumn s={s} />
          </SimpleGrid>
        )}
      </SectionCard>
    </div>
  );
}
