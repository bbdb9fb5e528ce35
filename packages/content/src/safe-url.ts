// URL allow-lists shared by the schema, the editor's Link extension and the renderers.
import { MAX_URL_CHARS } from './limits.js';

// any whitespace, control or invisible character: browsers strip some of them inside "java\tscript:"
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff"'<>\\`]/u;

function hasHost(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL written plainly: scheme first, no entity, no whitespace, a host. */
export function isSafeHttpUrl(value: string): boolean {
  return (
    value.length <= MAX_URL_CHARS && !FORBIDDEN_CHARS.test(value) && /^https?:\/\/[^/]/i.test(value) && hasHost(value)
  );
}

/** Link targets: http, https or mailto only. */
export function isSafeHref(value: string): boolean {
  if (/^mailto:/i.test(value)) return value.length > 7 && value.length <= MAX_URL_CHARS && !FORBIDDEN_CHARS.test(value);
  return isSafeHttpUrl(value);
}

/** Image sources: an absolute http(s) URL or a path served by our media route. */
export function isSafeImageSrc(value: string): boolean {
  if (value.startsWith('/media/')) {
    return (
      value.length > 7 &&
      value.length <= MAX_URL_CHARS &&
      !FORBIDDEN_CHARS.test(value) &&
      !/(^|\/)\.\.?(\/|$|\?|#)/.test(value)
    );
  }
  return isSafeHttpUrl(value);
}
