import { useState } from "react";
import { Alert, Badge, Button, Grid, List, Radio, Stack, Table, Text } from "@mantine/core";
import { useParams } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Brief } from "../../../../shared/contracts/enablement-briefs.js";
import { can } from "../../../../shared/domain/permissions.js";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatDateTime } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useSession } from "../../../lib/session";
import { ReadinessSummary } from "../components/readiness-summary";
import { useAcknowledgeBrief, useAnswerCheck, useBrief, usePublishBrief } from "../hooks/use-briefs";

function RepPanel({ b }: { b: Serialized<Brief> }) {
  const ack = useAcknowledgeBrief();
  const check = useAnswerCheck();
  const [answers, setAnswers] = useState<(number | null)[]>(b.questions.map(() => null));
  const [result, setResult] = useState<{ correct: number; total: number; passed: boolean } | null>(null);
  const mine = b.mine!;
  const ready = !!mine.acknowledgedAt && !!mine.checkPassedAt;
  return (
    <SectionCard title="Your readiness" testId="brief-rep-panel">
      <Stack gap="sm">
        {ready && <Alert color="teal" data-testid="brief-you-ready">You are ready for this campaign.</Alert>}
        {mine.acknowledgedAt ? (
          <Text fz="sm">Acknowledged {formatDateTime(mine.acknowledgedAt)}.</Text>
        ) : (
          <Button onClick={() => ack.mutate(b.id, { onError: (e) => notifyError(e) })} loading={ack.isPending} data-testid="brief-acknowledge">
            I have read the brief
          </Button>
        )}
        {!mine.checkPassedAt && (
          <Stack gap="xs">
            {b.questions.map((q, i) => (
              <Radio.Group key={q.question} label={q.question} value={answers[i] === null ? null : String(answers[i])} onChange={(v) => setAnswers(answers.map((a, j) => (j === i ? Number(v) : a)))}>
                <Stack gap={4} mt={4}>
                  {q.options.map((o, k) => (
                    <Radio key={o} value={String(k)} label={o} />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
            {result && !result.passed && (
              <Alert color="orange">
                {result.correct} of {result.total} right: read the brief again and retry.
              </Alert>
            )}
            <Button
              variant="light"
              disabled={answers.some((a) => a === null)}
              loading={check.isPending}
              data-testid="brief-submit-check"
              onClick={() => check.mutate({ id: b.id, body: { answers: answers.map((a) => a ?? 0) } }, { onSuccess: (r) => setResult(r), onError: (e) => notifyError(e) })}
            >
              Submit answers
            </Button>
          </Stack>
        )}
        {mine.checkPassedAt && <Text fz="sm">Check passed {formatDateTime(mine.checkPassedAt)}.</Text>}
      </Stack>
    </SectionCard>
  );
}

/** A brief at /briefs/:id: its content; reps acknowledge and answer the check, marketing publishes and follows readiness. */
export function BriefPage() {
  const { id } = useParams();
  const me = useSession();
  const q = useBrief(id);
  const publish = usePublishBrief();
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} backTo={{ label: "Back to briefs", to: "/briefs" }} />;
  if (!q.data) return <DetailSkeleton />;
  const b = q.data;
  const author = can(me.role, "manageEnablement");
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Campaign briefs", to: "/briefs" }, { label: b.campaignName }]}
        title={`Brief: ${b.campaignName}`}
        badges={<Badge variant="light" color={b.status === "published" ? "teal" : "gray"} data-testid="brief-status">{b.status}</Badge>}
        actions={
          author &&
          b.status === "draft" && (
            <Button onClick={() => publish.mutate(b.id, { onError: (e) => notifyError(e) })} loading={publish.isPending} data-testid="brief-publish">
              Publish to reps
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <SectionCard title="The brief">
              <FieldList
                fields={[
                  { label: "Message", value: b.message },
                  { label: "Audience", value: b.audience },
                  { label: "Offer", value: b.offer },
                  { label: "Call to action", value: b.callToAction },
                  { label: "Talk track", value: b.talkTrack },
                  { label: "Dates", value: `${formatDate(b.startsOn)} – ${formatDate(b.endsOn)}` },
                ]}
              />
              {b.faq.length > 0 && (
                <List size="sm" mt="sm">
                  {b.faq.map((f) => (
                    <List.Item key={f.question}>
                      <b>{f.question}</b> {f.answer}
                    </List.Item>
                  ))}
                </List>
              )}
            </SectionCard>
            {b.mine && b.status === "published" && <RepPanel b={b} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <SectionCard title="Readiness">
              <ReadinessSummary brief={b} />
            </SectionCard>
            {b.recipients.length > 0 && (
              <SectionCard title="Reps in scope">
                <Table data-testid="brief-recipients">
                  <Table.Tbody>
                    {b.recipients.map((r) => (
                      <Table.Tr key={r.userId}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>{r.acknowledgedAt ? "Acknowledged" : "Not yet"}</Table.Td>
                        <Table.Td>{r.checkPassedAt ? "Passed" : r.attempts ? `${r.attempts} tries` : "—"}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </SectionCard>
            )}
            {author && (
              <SectionCard title="Check (right answers)">
                <List size="sm">
                  {b.questions.map((q) => (
                    <List.Item key={q.question}>
                      {q.question} → {q.correct === null ? "?" : q.options[q.correct]}
                    </List.Item>
                  ))}
                </List>
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
