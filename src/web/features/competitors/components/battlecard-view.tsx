import { List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Battlecard } from "../../../../shared/contracts/enablement-competitors.js";
import { formatDate } from "../../../lib/format";

function Section({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={6}>{title}</Title>
      {items.length ? (
        <List size="sm" spacing={2}>
          {items.map((i) => (
            <List.Item key={i}>{i}</List.Item>
          ))}
        </List>
      ) : (
        <Text fz="sm" c="dimmed">
          Nothing yet.
        </Text>
      )}
    </Stack>
  );
}

/** A battlecard: why we win, objection handling, landmines and proof points. */
export function BattlecardView({ card }: { card: Serialized<Battlecard> }) {
  return (
    <Stack gap="sm" data-testid="battlecard">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Why we win" items={card.whyWeWin} testId="battlecard-why" />
        <Section title="Landmines to lay" items={card.landmines} testId="battlecard-landmines" />
        <Section title="Proof points" items={card.proofPoints} testId="battlecard-proof" />
        <Stack gap={4}>
          <Title order={6}>Objection handling</Title>
          {card.objections.length === 0 && (
            <Text fz="sm" c="dimmed">
              Nothing yet.
            </Text>
          )}
          {card.objections.map((o) => (
            <Text key={o.objection} fz="sm">
              <b>“{o.objection}”</b> — {o.response}
            </Text>
          ))}
        </Stack>
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        Version {card.version} · updated {formatDate(card.updatedAt)}
        {card.updatedByName ? ` by ${card.updatedByName}` : ""}
        {card.ownerName ? ` · owner ${card.ownerName}` : ""}
      </Text>
    </Stack>
  );
}
