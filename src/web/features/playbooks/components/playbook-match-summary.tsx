import { Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Playbook } from "../../../../shared/contracts/playbooks.js";
import { humanize } from "../../../lib/format";

/** Whom a playbook is for, in words: "Channel webinar · persona CTO", or every lead. */
export function PlaybookMatchSummary({ match }: { match: Serialized<Playbook>["match"] }) {
  const parts = [
    match.sources.length ? `Source ${match.sources.join(", ")}` : null,
    match.channels.length ? `Channel ${match.channels.map(humanize).join(", ")}` : null,
    match.personas.length ? `Persona ${match.personas.join(", ")}` : null,
  ].filter(Boolean);
  return (
    <Text fz="sm" c={parts.length ? undefined : "dimmed"}>
      {parts.length ? parts.join(" · ") : "Every lead"}
    </Text>
  );
}
