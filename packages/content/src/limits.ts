// Bounds that keep a hostile document from exhausting memory or the stack.

/** Deepest node level below doc (doc is 0); three nested lists in a quote reach 9. */
export const MAX_DEPTH = 12;
/** Total characters of text in one document. */
export const MAX_TEXT_CHARS = 200_000;
/** Nodes in one document; a long article has a few thousand. */
export const MAX_NODES = 50_000;
export const MAX_URL_CHARS = 2_048;
export const MAX_ALT_CHARS = 300;
export const MAX_TITLE_CHARS = 300;
export const MAX_CAPTION_CHARS = 500;
