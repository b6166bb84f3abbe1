import { Alert, Divider, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useAbilities } from "../../../lib/session";
import { CalendarsSection } from "../components/calendars-section";
import { PoliciesSection } from "../components/policies-section";

/** Settings → SLA at /settings/sla: both sides' SLA policies and the business calendars they count in; admins edit. */
export function SlaSettingsPage() {
  const can = useAbilities();
  return (
    <Stack gap="lg">
      {!can.canManageSla && (
        <Alert color="gray" icon={<IconLock size={18} />}>
          <Text fz="sm">Only admins change the SLA terms and business hours; here is what both sides have agreed to.</Text>
        </Alert>
      )}
      <PoliciesSection canEdit={can.canManageSla} />
      <Divider />
      <CalendarsSection canEdit={can.canManageSla} />
    </Stack>
  );
}
