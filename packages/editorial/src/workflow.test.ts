import { describe, expect, it } from 'vitest';
import { allowedTransitions, canEdit, canTransition, type ArticleStatus, type EditorialRole } from './workflow';
import { slugify } from './slugify';

describe('editorial workflow', () => {
  it('lets an author submit their own draft and nothing more', () => {
    expect(allowedTransitions({ role: 'author', isOwner: true, status: 'draft' })).toEqual(['submit']);
    expect(allowedTransitions({ role: 'author', isOwner: false, status: 'draft' })).toEqual([]);
    for (const status of ['in_review', 'approved', 'scheduled', 'published', 'unpublished'] as ArticleStatus[]) {
      expect(allowedTransitions({ role: 'author', isOwner: true, status })).toEqual([]);
    }
  });

  it('gives editors and admins review, scheduling and publication', () => {
    for (const role of ['editor', 'admin'] as EditorialRole[]) {
      expect(allowedTransitions({ role, isOwner: false, status: 'in_review' })).toEqual(['request_changes', 'approve']);
      expect(allowedTransitions({ role, isOwner: false, status: 'approved' })).toEqual([
        'request_changes',
        'schedule',
        'publish',
      ]);
      expect(allowedTransitions({ role, isOwner: false, status: 'scheduled' })).toEqual(['unschedule', 'publish']);
      expect(allowedTransitions({ role, isOwner: false, status: 'published' })).toEqual(['unpublish']);
    }
  });

  it('gives senders nothing', () => {
    for (const status of ['draft', 'in_review', 'approved', 'published'] as ArticleStatus[]) {
      expect(allowedTransitions({ role: 'sender', isOwner: true, status })).toEqual([]);
      expect(canEdit({ role: 'sender', isOwner: true, status })).toBe(false);
    }
  });

  it('never publishes a draft directly', () => {
    expect(canTransition({ role: 'admin', isOwner: true, status: 'draft', action: 'publish' })).toBe(false);
  });

  it('lets authors edit only their drafts', () => {
    expect(canEdit({ role: 'author', isOwner: true, status: 'draft' })).toBe(true);
    expect(canEdit({ role: 'author', isOwner: true, status: 'in_review' })).toBe(false);
    expect(canEdit({ role: 'editor', isOwner: false, status: 'published' })).toBe(true);
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
