import { Button, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMail, IconPhone, IconPhoneCall, IconUsers } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../../lib/api-error";
import { useCreateTouchpoint } from "../../touchpoints/hooks/use-create-touchpoint";

const ATTEMPTS = [
  { type: "call", label: "Call", icon: IconPhone },
  { type: "sales_email", label: "E-mail", icon: IconMail },
  { type: "meeting", label: "Meeting", icon: IconUsers },
] as const;

/** Logs a sales attempt on a lead (a touchpoint by the signed-in rep): it meets the first-touch SLA and counts toward recycling. */
export function LogAttemptMenu({ contactId, name, disabled }: { contactId: string; name: string; disabled?: boolean }) {
  const create = useCreateTouchpoint();
  const qc = useQueryClient();
  const log = (type: (typeof ATTEMPTS)[number]["type"], label: string) =>
    create.mutate(
      { contactId, type, channel: "outbound" },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: `${label} with ${name} logged` });
          void qc.invalidateQueries({ queryKey: ["inbox"] });
          void qc.invalidateQueries({ queryKey: ["sla-timers"] });
        },
        onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
      },
    );
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="compact-sm" variant="default" leftSection={<IconPhoneCall size={14} />} loading={create.isPending} disabled={disabled} data-testid="log-attempt">
          Log attempt
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {ATTEMPTS.map((a) => (
          <Menu.Item key={a.type} leftSection={<a.icon size={14} />} onClick={() => log(a.type, a.label)}>
            {a.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
