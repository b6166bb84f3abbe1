import { PodsPage } from "../../routing/pages/pods-page";

/** The pods tab of /team: the routing module's pods with their 1:3–1:6 ratio flagged. */
export function TeamPodsTab() {
  return <PodsPage />;
}
