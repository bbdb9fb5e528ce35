import { createTheme, PasswordInput, Select, TextInput } from '@mantine/core';

// every field of our forms is required: an asterisk on each adds noise, and it would also
// end up in the label text that tests and assistive tools match (`Mot de passe *`)
const noAsterisk = { defaultProps: { withAsterisk: false } };

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // keyboard users always see where they are; mouse clicks do not leave rings behind
  focusRing: 'auto',
  fontFamily,
  headings: { fontFamily },
  components: {
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
    Select: Select.extend(noAsterisk),
  },
});
