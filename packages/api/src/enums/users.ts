// No zod here: the studio imports these lists at run time (selects, filters) and keeps its first load small.

export const ROLES = ['admin', 'editor', 'author', 'sender'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
