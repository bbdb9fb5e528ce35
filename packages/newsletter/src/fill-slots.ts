// Template assembly: {{slot}} markers replaced in one pass by fragments the caller already escaped.
const SLOT = /\{\{([a-zA-Z]+)\}\}/g;

export class MissingSlotError extends Error {
  readonly code = 'NEWSLETTER_MISSING_SLOT';
  constructor(readonly slot: string) {
    super(`Template slot {{${slot}}} was not given a value`);
    this.name = 'MissingSlotError';
  }
}

/** One pass, so a value that happens to contain "{{x}}" is never expanded again. */
export function fillSlots(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(SLOT, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new MissingSlotError(name);
    return value;
  });
}
