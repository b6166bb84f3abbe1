import { Button } from "@mantine/core";
import { IconMapPinOff } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyPanel } from "../../../components/empty-panel";

/** The page for an unknown address inside the app. */
export function NotFoundPage() {
  return (
    <EmptyPanel
      icon={<IconMapPinOff size={22} />}
      title="Page not found"
      description="The address does not match any page in Tandem."
      action={
        <Button component={Link} to="/" variant="light">
          Go home
        </Button>
      }
    />
  );
}
