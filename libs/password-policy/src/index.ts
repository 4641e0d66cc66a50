export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';
export type { PasswordProblem, PasswordProblemCode } from './password-policy';
