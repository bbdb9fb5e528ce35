export { ROLES, Role } from './roles';
export { Password, hashPassword, verifyPassword, dummyPasswordHash } from './password';
export { newToken, hashToken } from './tokens';
export {
  linkKey,
  linkToken,
  linkTokens,
  readLinkToken,
  legacyTokenHash,
  type LinkPurpose,
  type LinkTokens,
} from './link-tokens';
export {
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  passwordStrength,
  personalWords,
  type PasswordStrength,
} from './password-strength';
