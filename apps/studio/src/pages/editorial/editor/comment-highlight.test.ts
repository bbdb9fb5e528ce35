import { editorExtensions } from '@crieur/content';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it, vi } from 'vitest';
import { anchorRanges, commentHighlightKey, commentHighlightPlugin } from './comment-highlight';

const schema = getSchema(editorExtensions());
const anchor = (id: string) => ({ type: 'commentAnchor', attrs: { id } });
// « Le [hasard **comme] garde-fou** des assemblées. » [a: "hasard comme"], b: "comme garde-fou"
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Le ' },
        { type: 'text', text: 'hasard ', marks: [anchor('a')] },
        { type: 'text', text: 'comme', marks: [{ type: 'bold' }, anchor('a'), anchor('b')] },
        { type: 'text', text: ' garde-fou', marks: [{ type: 'bold' }, anchor('b')] },
        { type: 'text', text: ' des assemblées.' },
      ],
    },
  ],
});

function stateWith(open: string[], active: string | null = null) {
  const plugin = commentHighlightPlugin({
    initial: () => ({ open: new Set(open), active }),
    onAnchorClick: vi.fn(),
    onCommentShortcut: () => false,
  });
  return EditorState.create({ doc, plugins: [plugin] });
}
const highlighted = (state: EditorState) =>
  commentHighlightKey
    .getState(state)!
    .decorations.find()
    .map((d) => [
      state.doc.textBetween(d.from, d.to),
      (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
    ]);

describe('comment highlights', () => {
  it('finds each anchor’s words, across the marks that split them', () => {
    const ranges = anchorRanges(doc);
    expect(ranges.get('a')!.map((r) => doc.textBetween(r.from, r.to))).toEqual(['hasard comme']);
    expect(ranges.get('b')!.map((r) => doc.textBetween(r.from, r.to))).toEqual(['comme garde-fou']);
  });

  it('highlights only open comments; a resolved one keeps its mark but loses its highlight', () => {
    expect(highlighted(stateWith(['a', 'b']))).toHaveLength(2);
    const onlyB = stateWith(['b'], 'b');
    expect(highlighted(onlyB)).toEqual([['comme garde-fou', 'crieur-comment-anchor crieur-comment-anchor-active']]);
    // resolving "b" in the panel
    const after = onlyB.apply(onlyB.tr.setMeta(commentHighlightKey, { open: new Set<string>() }));
    expect(highlighted(after)).toEqual([]);
    expect(JSON.stringify(after.doc.toJSON())).toContain('"id":"b"');
  });

  it('follows the words when text is typed before, inside and after them', () => {
    let state = stateWith(['b']);
    const { from, to } = anchorRanges(state.doc).get('b')![0]!;
    state = state.apply(
      state.tr
        .insertText('!', to)
        .insertText('très ', from + 6)
        .insertText('Oui. ', 1),
    );
    expect(highlighted(state).map(([text]) => text)).toEqual(['comme très garde-fou']);
  });
});
