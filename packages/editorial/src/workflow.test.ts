import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canEdit,
  canTransition,
  TRANSITION_EFFECTS,
  transitionRule,
  type ArticleStatus,
  type EditorialRole,
  type TransitionAction,
} from './workflow';
import { thinRevisions, type RevisionEntry } from './revision-history';
import { slugify } from './slugify';

const EDITORS: EditorialRole[] = ['editor', 'admin'];

describe('editorial workflow', () => {
  it('lets an author submit their own draft, withdraw it while in review, and nothing more', () => {
    expect(allowedTransitions({ role: 'author', isOwner: true, status: 'draft' })).toEqual(['submit']);
    expect(allowedTransitions({ role: 'author', isOwner: true, status: 'in_review' })).toEqual(['withdraw']);
    expect(allowedTransitions({ role: 'author', isOwner: false, status: 'draft' })).toEqual([]);
    expect(allowedTransitions({ role: 'author', isOwner: false, status: 'in_review' })).toEqual([]);
    for (const status of ['approved', 'scheduled', 'unpublished'] as ArticleStatus[]) {
      expect(allowedTransitions({ role: 'author', isOwner: true, status })).toEqual([]);
    }
  });

  it('gives editors and admins review, scheduling and publication', () => {
    for (const role of EDITORS) {
      // someone else's submission is sent back with a note, never silently withdrawn; one's own may be withdrawn
      expect(allowedTransitions({ role, isOwner: false, status: 'in_review' })).toEqual(['request_changes', 'approve']);
      expect(allowedTransitions({ role, isOwner: true, status: 'in_review' })).toEqual([
        'withdraw',
        'request_changes',
        'approve',
      ]);
      expect(allowedTransitions({ role, isOwner: false, status: 'approved' })).toEqual([
        'request_changes',
        'schedule',
        'publish',
      ]);
      expect(allowedTransitions({ role, isOwner: false, status: 'scheduled' })).toEqual(['unschedule', 'publish']);
      expect(allowedTransitions({ role, isOwner: false, status: 'published' })).toEqual(['unpublish']);
      expect(allowedTransitions({ role, isOwner: false, status: 'unpublished' })).toEqual(['schedule', 'publish']);
    }
  });

  it('lets an editor put the working version of a live article online only when it differs or was proposed', () => {
    for (const role of EDITORS) {
      expect(allowedTransitions({ role, isOwner: false, status: 'published', liveDiffers: true })).toEqual([
        'unpublish',
        'update',
      ]);
      // an author's proposal: update it, or send it back with a note
      expect(
        allowedTransitions({ role, isOwner: false, status: 'published', liveDiffers: true, updateInReview: true }),
      ).toEqual(['request_changes', 'unpublish', 'update']);
      // editors never "propose" to themselves
      expect(
        canTransition({ role, isOwner: true, status: 'published', liveDiffers: true, action: 'submit_update' }),
      ).toBe(false);
    }
  });

  it('lets the author of a live article propose their changes, then withdraw the proposal', () => {
    const live = { role: 'author' as const, isOwner: true, status: 'published' as const };
    expect(allowedTransitions({ ...live, liveDiffers: false })).toEqual([]); // nothing to propose
    expect(allowedTransitions({ ...live, liveDiffers: true })).toEqual(['submit_update']);
    expect(allowedTransitions({ ...live, liveDiffers: true, updateInReview: true })).toEqual(['withdraw']);
    expect(allowedTransitions({ ...live, isOwner: false, liveDiffers: true })).toEqual([]);
    expect(canTransition({ ...live, liveDiffers: true, action: 'update' })).toBe(false);
  });

  it('says what each step leaves behind', () => {
    const after = (action: TransitionAction, status: ArticleStatus, updateInReview = false) =>
      transitionRule({ role: 'editor', isOwner: true, action, status, updateInReview, liveDiffers: true });
    expect(after('withdraw', 'in_review')).toMatchObject({ to: 'draft' });
    expect(after('withdraw', 'published', true)).toMatchObject({ to: 'published', setsUpdateInReview: false });
    expect(after('request_changes', 'published', true)).toMatchObject({ to: 'published', setsUpdateInReview: false });
    expect(after('request_changes', 'in_review')).toMatchObject({ to: 'draft' });
    expect(after('update', 'published', true)).toMatchObject({ to: 'published', setsUpdateInReview: false });
    expect(
      transitionRule({
        role: 'author',
        isOwner: true,
        action: 'submit_update',
        status: 'published',
        liveDiffers: true,
      }),
    ).toMatchObject({ to: 'published', setsUpdateInReview: true });
    expect(TRANSITION_EFFECTS.request_changes).toMatchObject({ event: 'changes_requested', noteRequired: true });
    expect(TRANSITION_EFFECTS.submit).toMatchObject({ event: 'submitted', noteKind: 'submission' });
    expect(TRANSITION_EFFECTS.withdraw).toMatchObject({ event: 'withdrawn', noteKind: 'withdrawn' });
    expect(TRANSITION_EFFECTS.update).toMatchObject({ event: 'published', snapshot: 'published' });
    expect(TRANSITION_EFFECTS.publish.snapshot).toBe('published');
    expect(TRANSITION_EFFECTS.unpublish.event).toBeNull();
  });

  it('gives senders nothing', () => {
    for (const status of ['draft', 'in_review', 'approved', 'published'] as ArticleStatus[]) {
      expect(allowedTransitions({ role: 'sender', isOwner: true, status, liveDiffers: true })).toEqual([]);
      expect(canEdit({ role: 'sender', isOwner: true, status })).toBe(false);
    }
  });

  it('never publishes a draft directly', () => {
    expect(canTransition({ role: 'admin', isOwner: true, status: 'draft', action: 'publish' })).toBe(false);
    expect(canTransition({ role: 'admin', isOwner: true, status: 'draft', action: 'update' })).toBe(false);
  });

  it('lets authors edit their drafts, and their live article while no proposal of theirs waits', () => {
    expect(canEdit({ role: 'author', isOwner: true, status: 'draft' })).toBe(true);
    expect(canEdit({ role: 'author', isOwner: true, status: 'in_review' })).toBe(false);
    expect(canEdit({ role: 'author', isOwner: true, status: 'published' })).toBe(true);
    expect(canEdit({ role: 'author', isOwner: true, status: 'published', updateInReview: true })).toBe(false);
    expect(canEdit({ role: 'author', isOwner: false, status: 'published' })).toBe(false);
    expect(canEdit({ role: 'author', isOwner: true, status: 'unpublished' })).toBe(false);
    expect(canEdit({ role: 'editor', isOwner: false, status: 'published' })).toBe(true);
  });
});

describe('thinRevisions', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 3, 9, minutes));
  let id = 0;
  const row = (step: RevisionEntry['step'], by: string, minutes: number): RevisionEntry => ({
    id: ++id,
    step,
    savedById: by,
    savedAt: at(minutes),
  });

  it('keeps every named step and the last autosave of each session, newest first', () => {
    id = 0;
    const history = [
      row('autosave', 'lea', 0),
      row('autosave', 'lea', 1),
      row('autosave', 'lea', 5), // 3: end of Léa's first session
      row('autosave', 'tom', 6), // 4: Tom's only save
      row('autosave', 'lea', 7),
      row('autosave', 'lea', 50), // 6: after a 43-minute pause, a new session
      row('submitted', 'lea', 51),
      row('autosave', 'lea', 52), // 8: a step ends a session
      row('published', 'nora', 60),
      row('restored', 'nora', 61),
    ].reverse();
    const kept = thinRevisions(history);
    expect(kept.map((r) => [r.id, r.saves])).toEqual([
      [10, 1],
      [9, 1],
      [8, 1],
      [7, 1],
      [6, 1],
      [5, 1],
      [4, 1],
      [3, 3],
    ]);
  });

  it('keeps nothing of nothing', () => {
    expect(thinRevisions([])).toEqual([]);
  });
});

describe('slugify', () => {
  it('makes readable French slugs', () => {
    expect(slugify("L'intelligence artificielle, vraie ou fausse alliée de la participation ?")).toBe(
      'l-intelligence-artificielle-vraie-ou-fausse-alliee-de-la-participation',
    );
    expect(slugify('Démocratie du vivant')).toBe('democratie-du-vivant');
    expect(slugify('Œuvres & manœuvres')).toBe('oeuvres-manoeuvres');
    expect(slugify('???')).toBe('sans-titre');
  });
});
