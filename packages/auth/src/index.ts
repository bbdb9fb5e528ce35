export { ROLES, Role } from './roles';
export { Password, hashPassword, verifyPassword, dummyPasswordHash } from './password';
export { newToken, hashToken } from './tokens';
