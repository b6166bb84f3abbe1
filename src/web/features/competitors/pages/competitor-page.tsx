import { useState } from "react";
import { Anchor, Button, Grid, List, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from "@mantine/core";
import { Link, useParams } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { CompetitorDetail } from "../../../../shared/contracts/enablement-competitors.js";
import { can } from "../../../../shared/domain/permissions.js";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { StatCard } from "../../../components/stat-card";
import { formatPercent, humanize } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useMoney, useSession } from "../../../lib/session";
import { BattlecardEditor } from "../components/battlecard-editor";
import { BattlecardView } from "../components/battlecard-view";
import { useCompetitor, useSaveCompetitor } from "../hooks/use-competitors";

const lines = (v: string) =>
  v
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function ProfileEditor({ c, onDone }: { c: Serialized<CompetitorDetail>; onDone: () => void }) {
  const save = useSaveCompetitor();
  const [f, setF] = useState({ website: c.website ?? "", positioning: c.positioning ?? "", pricing: c.pricing ?? "", strengths: c.strengths.join("\n"), weaknesses: c.weaknesses.join("\n") });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const submit = () =>
    save.mutate(
      { id: c.id, body: { website: f.website, positioning: f.positioning, pricing: f.pricing, strengths: lines(f.strengths), weaknesses: lines(f.weaknesses) } },
      { onSuccess: onDone, onError: (e) => notifyError(e) },
    );
  return (
    <Stack gap="sm">
      <TextInput label="Website" value={f.website} onChange={set("website")} />
      <Textarea label="Positioning" autosize value={f.positioning} onChange={set("positioning")} />
      <Textarea label="Pricing" autosize value={f.pricing} onChange={set("pricing")} />
      <Textarea label="Strengths (one per line)" autosize value={f.strengths} onChange={set("strengths")} />
      <Textarea label="Weaknesses (one per line)" autosize value={f.weaknesses} onChange={set("weaknesses")} />
      <Button onClick={submit} loading={save.isPending}>
        Save profile
      </Button>
    </Stack>
  );
}

/** A competitor at /competitors/:id: profile, battlecard (marketing edits), record against it and its deals. */
export function CompetitorPage() {
  const { id } = useParams();
  const me = useSession();
  const money = useMoney();
  const q = useCompetitor(id);
  const [editCard, setEditCard] = useState(false);
  const [editProfile, setEditProfile] = useState(false);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} backTo={{ label: "Back to competitors", to: "/competitors" }} />;
  if (!q.data) return <DetailSkeleton />;
  const c = q.data;
  const author = can(me.role, "manageEnablement");
  return (
    <>
      <PageHeader crumbs={[{ label: "Competitors", to: "/competitors" }, { label: c.name }]} title={c.name} description={c.website ?? undefined} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
        <StatCard label="Win rate (12 months)" value={formatPercent(c.record.winRate)} testId="competitor-win-rate" />
        <StatCard label="Won / lost" value={`${c.record.won} / ${c.record.lost}`} color="teal" />
        <StatCard label="No decision" value={c.record.noDecision} color="gray" />
        <StatCard label="Open deals" value={c.record.openDeals} color="violet" />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SectionCard title="Battlecard" actions={author && !editCard && <Button size="xs" variant="light" onClick={() => setEditCard(true)}>Edit battlecard</Button>}>
              {editCard ? <BattlecardEditor competitorId={c.id} card={c.battlecard} onDone={() => setEditCard(false)} /> : c.battlecard ? <BattlecardView card={c.battlecard} /> : <Text fz="sm" c="dimmed">No battlecard yet.</Text>}
            </SectionCard>
            <SectionCard title="Deals">
              <Table>
                <Table.Tbody>
                  {c.deals.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/deals/${d.id}`} fz="sm">
                          {d.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{d.outcome ? humanize(d.outcome) : humanize(d.stage)}</Table.Td>
                      <Table.Td align="right">{money(d.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <SectionCard title="Profile" actions={author && !editProfile && <Button size="xs" variant="light" onClick={() => setEditProfile(true)}>Edit</Button>}>
              {editProfile ? (
                <ProfileEditor c={c} onDone={() => setEditProfile(false)} />
              ) : (
                <Stack gap="xs">
                  <Text fz="sm">{c.positioning ?? "No positioning recorded."}</Text>
                  <Text fz="sm" c="dimmed">Pricing: {c.pricing ?? "—"}</Text>
                  <Text fz="sm" fw={600}>Strengths</Text>
                  <List size="sm">{c.strengths.map((s) => <List.Item key={s}>{s}</List.Item>)}</List>
                  <Text fz="sm" fw={600}>Weaknesses</Text>
                  <List size="sm">{c.weaknesses.map((s) => <List.Item key={s}>{s}</List.Item>)}</List>
                </Stack>
              )}
            </SectionCard>
            <SectionCard title="Why we lose">
              {c.record.lossReasons.length === 0 ? <Text fz="sm" c="dimmed">No losses in the last 12 months.</Text> : (
                <List size="sm">{c.record.lossReasons.map((r) => <List.Item key={r.label}>{r.label}: {r.deals}</List.Item>)}</List>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
