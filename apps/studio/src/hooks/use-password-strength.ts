import { useEffect, useState } from 'react';
import type * as StrengthModule from '@crieur/auth/password-strength';
import type { PasswordStrength } from '@crieur/auth/password-strength';

let loading: Promise<typeof StrengthModule> | undefined;

/** The server's own strength rule; zxcvbn and its dictionaries (~1 MB) are fetched on first use only. */
export function loadPasswordStrength(): Promise<typeof StrengthModule> {
  loading ??= import('@crieur/auth/password-strength').catch((error: unknown) => {
    loading = undefined; // a failed chunk load may be retried
    throw error;
  });
  return loading;
}

export type StrengthState =
  | { status: 'empty' }
  | { status: 'checking' }
  | { status: 'unavailable' }
  | { status: 'ready'; password: string; strength: PasswordStrength; advice: string };

/** Live estimate of a new password, a moment after typing stops; the person's name and email count as weak. */
export function usePasswordStrength(password: string, userInputs: readonly string[]): StrengthState {
  const [state, setState] = useState<StrengthState>({ status: 'empty' });
  const inputs = userInputs.join('\n');
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        if (password === '') return setState({ status: 'empty' });
        setState((current) => (current.status === 'ready' ? current : { status: 'checking' }));
        loadPasswordStrength().then(
          (m) => {
            if (cancelled) return;
            const strength = m.passwordStrength(password, inputs.split('\n'));
            setState({ status: 'ready', password, strength, advice: m.PASSPHRASE_ADVICE });
          },
          () => !cancelled && setState({ status: 'unavailable' }), // the server still decides
        );
      },
      password === '' ? 0 : 150,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, inputs]);
  return state;
}
