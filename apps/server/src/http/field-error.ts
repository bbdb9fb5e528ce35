import { validationSummary } from '@crieur/api';
import { ApiError } from './api-error';

/** A 400 VALIDATION on one field found wrong by a handler, worded like the contract's own: « liste » : … */
export function fieldError(path: string, message: string): ApiError {
  return new ApiError(400, 'VALIDATION', validationSummary([{ path: path.split('.'), message }]), {
    issues: [{ path, message }],
  });
}
