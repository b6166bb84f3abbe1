import { useState } from "react";
import { Alert, Anchor, Button, Grid, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { Link, useParams } from "react-router";
import type { InsightKind } from "../../../../shared/domain/insights.js";
import { can } from "../../../../shared/domain/permissions.js";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { ApiError } from "../../../lib/api-error";
import { formatDate } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { InsightCard } from "../components/insight-card";
import { CompetitorPicker, KIND_OPTIONS, PersonaPicker } from "../components/insight-pickers";
import { useRideAlong, useRideAlongMutations } from "../hooks/use-insights";

function AddInsightForm({ rideAlongId }: { rideAlongId: string }) {
  const { addInsight } = useRideAlongMutations();
  const [kind, setKind] = useState<InsightKind | null>(null);
  const [text, setText] = useState("");
  const [personaId, setPersonaId] = useState<string | null>(null);
  const [competitorId, setCompetitorId] = useState<string | null>(null);
  const save = () =>
    addInsight.mutate({ id: rideAlongId, body: { kind: kind!, text: text.trim(), personaId, competitorId } }, { onSuccess: () => { setText(""); setKind(null); } });
  return (
    <SectionCard title="Add an insight from these notes">
      <Stack gap="xs">
        <Group grow>
          <Select label="Kind" data={KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as InsightKind | null)} data-testid="add-insight-kind" />
          <PersonaPicker label="Persona" value={personaId} onChange={setPersonaId} />
          <CompetitorPicker label="Competitor" value={competitorId} onChange={setCompetitorId} />
        </Group>
        <Textarea label="Insight" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="add-insight-text" />
        {addInsight.error instanceof ApiError && <Alert color="red">{addInsight.error.message}</Alert>}
        <Group justify="end">
          <Button size="xs" disabled={!kind || !text.trim()} loading={addInsight.isPending} onClick={save} data-testid="add-insight-submit">Add insight</Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

/** One ride-along at /insights/ride-alongs/:id: who, when, where, the notes and the insights they became. */
export function RideAlongPage() {
  const { id } = useParams();
  const me = useSession();
  const ride = useRideAlong(id);
  if (ride.isError) return <QueryError error={ride.error} onRetry={() => void ride.refetch()} />;
  if (!ride.data) return <DetailSkeleton />;
  const r = ride.data;
  const canTriage = can(me.role, "triageInsights");
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Field insights", to: "/insights" }, { label: "Ride-alongs", to: "/insights/ride-alongs" }, { label: formatDate(r.occurredOn) }]}
        title={`Ride-along on ${formatDate(r.occurredOn)}`}
        description={`${r.recordedByName ?? "Marketing"} joined ${r.reps.map((p) => p.name ?? "a rep").join(" and ")}.`}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <SectionCard title="Details">
              <FieldList
                fields={[
                  { label: "Date", value: formatDate(r.occurredOn) },
                  { label: "Reps joined", value: r.reps.map((p) => p.name ?? "—").join(", ") },
                  { label: "Account", value: r.accountId ? <Anchor component={Link} to={`/accounts/${r.accountId}`} fz="sm">{r.accountName}</Anchor> : null },
                  { label: "Deal", value: r.dealId ? <Anchor component={Link} to={`/deals/${r.dealId}`} fz="sm">{r.dealName}</Anchor> : null },
                  { label: "Recorded by", value: r.recordedByName },
                ]}
              />
            </SectionCard>
            <SectionCard title="Notes">
              <Text fz="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="ride-notes-text">{r.notes}</Text>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <SectionCard title={`Insights (${r.insights.length})`} testId="ride-insights">
              <Stack gap="xs">
                {r.insights.length === 0 && <Text fz="sm" c="dimmed">No insights drawn from these notes yet.</Text>}
                {r.insights.map((i) => <InsightCard key={i.id} insight={i} canTriage={canTriage} compact />)}
              </Stack>
            </SectionCard>
            {can(me.role, "recordRideAlongs") && <AddInsightForm rideAlongId={r.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
