// Staff created from the CLI may have no name: show their email instead.
export const displayName = (user: { name: string; email: string }) => user.name.trim() || user.email;
