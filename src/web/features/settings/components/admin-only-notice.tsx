import { IconLock } from "@tabler/icons-react";
import { EmptyPanel } from "../../../components/empty-panel";

/** Shown instead of a settings section the signed-in role may not use. */
export function AdminOnlyNotice({ what, who = "workspace admins" }: { what: string; who?: string }) {
  return <EmptyPanel icon={<IconLock size={22} />} title={`Only ${who} can ${what}`} description="Ask an admin if you need a change here." />;
}
