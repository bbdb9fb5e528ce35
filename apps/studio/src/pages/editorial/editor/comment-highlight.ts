// The editor's view of the review: passages of open comments highlighted, a click shows their comment.
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const ANCHOR_CLASS = 'crieur-comment-anchor';
export const ACTIVE_CLASS = 'crieur-comment-anchor-active';

type Range = { from: number; to: number };
type HighlightState = { open: ReadonlySet<string>; active: string | null; decorations: DecorationSet };
/** What the studio tells the plugin (as a transaction's meta): the open anchors, the one in focus. */
export type HighlightMeta = { open?: ReadonlySet<string>; active?: string | null };

export const commentHighlightKey = new PluginKey<HighlightState>('commentHighlight');

const idsOf = (node: Node | null | undefined): string[] =>
  (node?.marks ?? []).filter((m) => m.type.name === 'commentAnchor').map((m) => String(m.attrs.id));

/** Where each anchor is: a passage split by other marks or across paragraphs gives several ranges. */
export function anchorRanges(doc: Node): Map<string, Range[]> {
  const ranges = new Map<string, Range[]>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return;
    for (const id of idsOf(node)) {
      const list = ranges.get(id) ?? [];
      const last = list.at(-1);
      if (last && last.to === pos) last.to = pos + node.nodeSize;
      else list.push({ from: pos, to: pos + node.nodeSize });
      ranges.set(id, list);
    }
  });
  return ranges;
}

/** Resolved comments keep their mark (reopening brings the highlight back) but lose the highlight. */
function decorate(doc: Node, open: ReadonlySet<string>, active: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, ranges] of anchorRanges(doc)) {
    if (!open.has(id)) continue;
    const attrs = { class: id === active ? `${ANCHOR_CLASS} ${ACTIVE_CLASS}` : ANCHOR_CLASS, 'data-comment-id': id };
    for (const { from, to } of ranges) decorations.push(Decoration.inline(from, to, attrs));
  }
  return DecorationSet.create(doc, decorations);
}

export type HighlightOptions = {
  initial: () => { open: ReadonlySet<string>; active: string | null };
  /** a click on highlighted words: the open anchors there */
  onAnchorClick: (anchorIds: string[]) => void;
  /** Ctrl+Alt+M (⌘+Alt+M): comment the selection; true if a form opened */
  onCommentShortcut: () => boolean;
};

export function commentHighlightPlugin(options: HighlightOptions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightKey,
    state: {
      init: (_config, state) => {
        const { open, active } = options.initial();
        return { open, active, decorations: decorate(state.doc, open, active) };
      },
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(commentHighlightKey) as HighlightMeta | undefined;
        if (!meta && !tr.docChanged) return value;
        const open = meta?.open ?? value.open;
        const active = meta?.active !== undefined ? meta.active : value.active;
        return { open, active, decorations: decorate(state.doc, open, active) };
      },
    },
    props: {
      decorations: (state) => commentHighlightKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const open = commentHighlightKey.getState(view.state)?.open ?? new Set<string>();
        const $pos = view.state.doc.resolve(pos);
        const after = idsOf($pos.nodeAfter).filter((id) => open.has(id));
        const ids = after.length ? after : idsOf($pos.nodeBefore).filter((id) => open.has(id));
        if (ids.length) options.onAnchorClick(ids);
        // the click still places the cursor
        return false;
      },
      handleKeyDown: (_view, event) =>
        (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM' ? options.onCommentShortcut() : false,
    },
  });
}
