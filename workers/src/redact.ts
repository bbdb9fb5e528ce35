import { scrubText } from '@crieur/safe-text';

// SMTP replies and driver errors may quote the recipient or carry query parameters: logs get the shape only.
export function redactAddresses(text: string): string {
  return scrubText(text);
}
