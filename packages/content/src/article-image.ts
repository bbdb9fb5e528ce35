// The editor's image node: Tiptap's Image with exactly the schema's attrs (src, alt, title, caption, mediaId).
import Image from '@tiptap/extension-image';

export const ArticleImage = Image.extend({
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
      title: { default: null },
      caption: {
        default: null,
        parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('data-caption'),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.caption ? { 'data-caption': attrs.caption } : {}),
      },
      mediaId: {
        default: null,
        parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('data-media-id'),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.mediaId ? { 'data-media-id': attrs.mediaId } : {}),
      },
    };
  },
}).configure({ inline: false, allowBase64: false });
