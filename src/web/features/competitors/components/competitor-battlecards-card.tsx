import { Accordion, Anchor, Badge, Group, MultiSelect, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { notifyError } from "../../../lib/notify";
import { useCompetitors, useEngagedCompetitors, useSetDealCompetitors } from "../hooks/use-competitors";
import { BattlecardView } from "./battlecard-view";

function DealTagger({ dealId, value }: { dealId: string; value: string[] }) {
  const all = useCompetitors();
  const set = useSetDealCompetitors(dealId);
  return (
    <MultiSelect
      aria-label="Competitors on this deal"
      placeholder="Tag competitors"
      searchable
      data={(all.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      value={value}
      disabled={set.isPending}
      onChange={(ids) => set.mutate(ids, { onError: (e) => notifyError(e) })}
      data-testid="deal-competitor-tags"
    />
  );
}

/** The battlecards of the competitors on a deal (taggable there) or on a contact's deals. */
export function CompetitorBattlecardsCard({ kind, id, canTag = false }: { kind: "deals" | "contacts"; id: string; canTag?: boolean }) {
  const engaged = useEngagedCompetitors(kind, id);
  const items = engaged.data ?? [];
  return (
    <SectionCard title="Competitors & battlecards" testId="competitor-battlecards">
      <Stack gap="sm">
        {kind === "deals" && canTag && <DealTagger dealId={id} value={items.map((i) => i.competitor.id)} />}
        {items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {kind === "deals" ? "No competitor is tagged on this deal." : "No competitor is involved in this contact's deals."}
          </Text>
        )}
        <Accordion key={items.map((i) => i.competitor.id).join()} variant="separated" multiple defaultValue={items.map((i) => i.competitor.id)}>
          {items.map(({ competitor, battlecard }) => (
            <Accordion.Item key={competitor.id} value={competitor.id}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600} fz="sm">
                    {competitor.name}
                  </Text>
                  {!battlecard && (
                    <Badge size="xs" color="gray" variant="light">
                      no battlecard
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {battlecard ? <BattlecardView card={battlecard} /> : <Text fz="sm">{competitor.positioning ?? "Marketing has not written a battlecard yet."}</Text>}
                <Anchor component={Link} to={`/competitors/${competitor.id}`} fz="xs">
                  Full profile
                </Anchor>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </SectionCard>
  );
}
