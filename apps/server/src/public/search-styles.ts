// The search page's rules, joined to the site's one stylesheet (styles.ts)
export const SEARCH_CSS = ``;
