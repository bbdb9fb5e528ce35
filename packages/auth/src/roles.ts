import { z } from 'zod';
import { ROLES } from '@crieur/api/enums/users';

// the roles are the contract's vocabulary: the studio shows the same list the server checks
export { ROLES };
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
