import { createTheme } from "@mantine/core";

/** Tandem's Mantine theme: indigo primary, compact controls, a professional dense feel. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  cursorType: "pointer",
  components: {
    Button: { defaultProps: { size: "sm" } },
    TextInput: { defaultProps: { size: "sm" } },
    Select: { defaultProps: { size: "sm", comboboxProps: { shadow: "md" } } },
    MultiSelect: { defaultProps: { size: "sm", comboboxProps: { shadow: "md" } } },
    Modal: { defaultProps: { radius: "md", overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Badge: { defaultProps: { radius: "sm" } },
  },
});
