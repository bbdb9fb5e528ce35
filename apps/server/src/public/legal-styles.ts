// The legal pages' rules, joined to the site's one stylesheet (styles.ts)
export const LEGAL_CSS = ``;
