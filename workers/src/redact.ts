// SMTP replies and driver errors may quote the recipient: logs get the shape, not the address.
const ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;

export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '[address]');
}
