// The editor's link mark: only http, https and mailto, only an href, never a target.
import Link from '@tiptap/extension-link';
import { isSafeHref } from './safe-url.js';

export const LINK_REL = 'noopener noreferrer';

export const ArticleLink = Link.extend({
  // the schema keeps only href, so the editor must not invent target, rel, class or title
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('href'),
      },
    };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  HTMLAttributes: { rel: LINK_REL, target: null, class: null },
  isAllowedUri: (url) => isSafeHref(url),
  shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
});
