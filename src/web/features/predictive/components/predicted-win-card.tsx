import { Anchor, Box, Group, Skeleton, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ContactPrediction } from "../../../../shared/contracts/predictive.js";
import { MISSING_CATEGORY } from "../../../../shared/domain/predictive/index.js";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatNumber, formatPercent, formatRelative } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { useContactPrediction } from "../hooks/use-contact-prediction";

type Factor = Serialized<ContactPrediction>["factors"][number];

function factorText(f: Factor): string {
  if (f.value === MISSING_CATEGORY || f.value === null) return `${f.label} not set`;
  if (typeof f.value === "boolean") return f.value ? f.label : `Not: ${f.label}`;
  if (typeof f.value === "number") return `${f.label}: ${formatNumber(f.value)}`;
  return `${f.label} = ${f.value}`;
}

function FactorRow({ factor }: { factor: Factor }) {
  const up = factor.direction === "up";
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        <ThemeIcon size={18} radius="xl" variant="light" color={up ? "teal" : "red"}>
          {up ? <IconArrowUpRight size={12} /> : <IconArrowDownRight size={12} />}
        </ThemeIcon>
        <Text fz="sm" truncate>
          {factorText(factor)}
        </Text>
      </Group>
      <Tooltip label="Push on the log-odds of a win" openDelay={300}>
        <Text fz="xs" c={up ? "teal.7" : "red.7"} ff="monospace">
          {factor.contribution >= 0 ? "+" : "−"}
          {Math.abs(factor.contribution).toFixed(2)}
        </Text>
      </Tooltip>
    </Group>
  );
}

/** A contact's predicted chance of a won deal under the workspace model, and the factors that pushed it most. */
export function PredictedWinCard({ contactId }: { contactId: string }) {
  const can = useAbilities();
  const prediction = useContactPrediction(contactId);
  const p = prediction.data;
  const handedOff = p && Date.now() - new Date(p.cutoff).getTime() > 60 * 60_000;
  return (
    <Box mb="md">
      <SectionCard title="Predicted win chance" testId="predicted-win-card">
        {prediction.isError ? (
          <Text fz="sm" c="dimmed">
            Could not load the prediction.
          </Text>
        ) : !p ? (
          <Skeleton h={72} />
        ) : !p.model || p.probability === null ? (
          <Text fz="sm" c="dimmed">
            No predictive model has been trained yet.{" "}
            {can.canReadPredictiveModels && (
              <Anchor component={Link} to="/predictive" fz="sm">
                See what it needs
              </Anchor>
            )}
          </Text>
        ) : (
          <Stack gap="xs">
            <Group justify="space-between" align="baseline">
              <Text fz={28} fw={700} lh={1} data-testid="predicted-win-chance">
                {formatPercent(p.probability)}
              </Text>
              <Text fz="xs" c="dimmed">
                model v{p.model.version}, trained {formatRelative(p.model.trainedAt)}
              </Text>
            </Group>
            {p.factors.map((f) => (
              <FactorRow key={f.feature} factor={f} />
            ))}
            {handedOff && (
              <Text fz="xs" c="dimmed">
                Engagement counted up to the hand-off on {formatDate(p.cutoff)}.
              </Text>
            )}
          </Stack>
        )}
      </SectionCard>
    </Box>
  );
}
