import type { BlockError } from '@crieur/api';
import { errorsAt } from '../blocks';

export type FieldErrors = Pick<BlockError, 'path' | 'message'>[];

/** What every block form gets: its block, a patcher, the block's errors and whether it may change. */
export type FormProps<B> = {
  block: B;
  onChange: (patch: Partial<B>) => void;
  errors: FieldErrors;
  readOnly: boolean;
};

/** The first message for one field, or undefined (Mantine shows no error then): one message at a time. */
export function fieldError(errors: FieldErrors, path: string): string | undefined {
  return errorsAt(errors, path)[0];
}

/** The errors under `prefix.` with the prefix removed: a row's form sees its own paths. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  return errors
    .filter((error) => error.path.startsWith(`${prefix}.`))
    .map((error) => ({ ...error, path: error.path.slice(prefix.length + 1) }));
}
