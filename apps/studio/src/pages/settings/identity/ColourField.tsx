import { ColorInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BODY_TEXT, checkContrast, isHexColour, WHITE } from '@crieur/api/contrast';

type Props = {
  label: string;
  description: string;
  /** accent: white text sits on it; tint: the body text (#1f2430) does. */
  carries: 'white' | 'text';
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
  swatches: string[];
};

/** A newsletter colour with its contrast ratio shown live, in French, as staff pick it. */
export function ColourField({ label, description, carries, value, onChange, onBlur, error, swatches }: Props) {
  const { t } = useTranslation();
  const check = isHexColour(value) ? checkContrast(carries === 'white' ? WHITE : BODY_TEXT, value) : null;
  return (
    <div>
      <ColorInput
        label={label}
        description={description}
        format="hex"
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        error={error}
        swatches={swatches}
        withEyeDropper={false}
        maxLength={7}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
      />
      {check && !error && (
        <Text size="sm" mt={4} c={check.ok ? 'teal.8' : 'red.8'} aria-live="polite">
          {t(check.ok ? 'identity.contrastOk' : 'identity.contrastLow', { ratio: check.label })}
        </Text>
      )}
    </div>
  );
}
