import { useState } from "react";
import { Badge, CloseButton, Group, Input, Stack, Text } from "@mantine/core";
import { CampaignSelect } from "../../../components/campaign-select";
import { useCampaign } from "../../campaigns/hooks/use-campaigns";

function CampaignChip({ id, readOnly, onRemove }: { id: string; readOnly: boolean; onRemove: () => void }) {
  const campaign = useCampaign(id);
  const name = campaign.data?.name ?? (campaign.isError ? "Deleted campaign" : "Loading…");
  return (
    <Badge variant="light" color="indigo" size="md" tt="none" fw={500} pr={readOnly ? undefined : 3} rightSection={readOnly ? undefined : <CloseButton size="xs" onClick={onRemove} aria-label={`Remove ${name}`} />}>
      {name}
    </Badge>
  );
}

/** Picks several campaigns: the chosen ones as removable chips, and a search box to add another. */
export function CampaignMultiPicker({ value, onChange, readOnly, error, label, description }: { value: string[]; onChange: (ids: string[]) => void; readOnly: boolean; error?: string; label: string; description?: string }) {
  // Re-mount the search box after each pick so it clears.
  const [round, setRound] = useState(0);
  return (
    <Input.Wrapper label={label} description={description} error={error} size="xs">
      <Stack gap={4}>
        {value.length > 0 ? (
          <Group gap={6}>
            {value.map((id) => (
              <CampaignChip key={id} id={id} readOnly={readOnly} onRemove={() => onChange(value.filter((v) => v !== id))} />
            ))}
          </Group>
        ) : (
          readOnly && (
            <Text fz="xs" c="dimmed" pt={6}>
              Any campaign
            </Text>
          )
        )}
        {!readOnly && value.length < 50 && (
          <CampaignSelect
            key={round}
            size="xs"
            value={null}
            aria-label={`Add to ${label.toLowerCase()}`}
            placeholder={value.length ? "Add another" : "Any campaign"}
            clearable={false}
            onChange={(id) => {
              if (id && !value.includes(id)) onChange([...value, id]);
              setRound((r) => r + 1);
            }}
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
