import { Anchor, Badge, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { useCampaignBrief } from "../hooks/use-briefs";
import { ReadinessSummary } from "./readiness-summary";

/** The campaign's brief and sales readiness, on the campaign page. */
export function CampaignBriefCard({ campaignId }: { campaignId: string }) {
  const q = useCampaignBrief(campaignId);
  const b = q.data;
  return (
    <SectionCard title="Sales readiness" testId="campaign-brief" actions={b && <Badge variant="light" color={b.status === "published" ? "teal" : "gray"}>{b.status}</Badge>}>
      {b ? (
        <>
          <ReadinessSummary brief={b} />
          <Anchor component={Link} to={`/briefs/${b.id}`} fz="xs">
            Open the brief
          </Anchor>
        </>
      ) : (
        <Text fz="sm" c="dimmed">
          No brief for this campaign. <Anchor component={Link} to="/briefs" fz="sm">Write one</Anchor>
        </Text>
      )}
    </SectionCard>
  );
}
