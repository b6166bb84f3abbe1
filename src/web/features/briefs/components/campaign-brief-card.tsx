import { Anchor, Badge, Text } from "@mantine/core";
import { Link } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { useSession } from "../../../lib/session";
import { useCampaignBrief } from "../hooks/use-briefs";
import { ReadinessSummary } from "./readiness-summary";

/** The campaign's brief and sales readiness, on the campaign page. */
export function CampaignBriefCard({ campaignId }: { campaignId: string }) {
  const me = useSession();
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
          No brief for this campaign.{" "}
          {can(me.role, "manageEnablement") ? (
            <Anchor component={Link} to={`/briefs?compose=${campaignId}`} fz="sm">
              Write one
            </Anchor>
          ) : (
            "Marketing writes it before launch."
          )}
        </Text>
      )}
    </SectionCard>
  );
}
