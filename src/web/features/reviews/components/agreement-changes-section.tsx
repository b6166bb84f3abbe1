import { Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { formatDate } from "../../../lib/format";
import type { ReviewData } from "../hooks/use-reviews";

type Change = ReviewData["snapshot"]["agreementChanges"][number];

const KIND_COLOR: Record<Change["changes"][number]["kind"], string> = { added: "teal", removed: "red", changed: "blue" };

/** The lead-agreement versions that took effect in the quarter: who approved them and what each changed. */
export function AgreementChangesSection({ changes }: { changes: Change[] }) {
  return (
    <SectionCard title="What changed in the lead agreement" testId="agreement-changes">
      {changes.length === 0 ? (
        <Text fz="sm" c="dimmed">
          The lead agreement did not change this quarter.
        </Text>
      ) : (
        <Stack gap="md">
          {changes.map((c) => (
            <div key={c.id} data-testid="agreement-change">
              <Group gap="xs" mb={2}>
                <Anchor component={Link} to={`/agreement/${c.id}`} fw={650} fz="sm">
                  Version {c.version}
                </Anchor>
                <Text fz="sm" c="dimmed">
                  active since {formatDate(c.activatedAt)}
                </Text>
              </Group>
              <Text fz="xs" c="dimmed" mb={6}>
                Approved by {c.marketingApprover ?? "—"} (marketing) and {c.salesApprover ?? "—"} (sales)
              </Text>
              <List spacing={4} size="sm">
                {c.changes.map((l, i) => (
                  <List.Item key={i} icon={<Badge size="xs" variant="light" color={KIND_COLOR[l.kind]} w={64}>{l.kind}</Badge>}>
                    {l.text}
                  </List.Item>
                ))}
              </List>
              {c.notes && (
                <Text fz="xs" c="dimmed" mt={6} style={{ whiteSpace: "pre-line" }}>
                  {c.notes}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
