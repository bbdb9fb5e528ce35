import { describe, expect, it } from 'vitest';
import { checkableUrls, htmlReferences } from './html-references';
import { checkUnsubscribeLink } from './unsubscribe-check';

describe('htmlReferences and the unsubscribe link', () => {
  it('reads links and images with entities decoded, and keeps only http(s) addresses to ask, once each', () => {
    const refs = htmlReferences(
      '<a href="https://a.example/?x=1&amp;y=2">A</a><A HREF="mailto:x@y.example">m</A><a href="%%CRIEUR_UNSUBSCRIBE_URL%%">Se désinscrire</a>' +
        '<img src="https://a.example/i.png" alt="I"><a href="https://a.example/?x=1&y=2">again</a>',
    );
    expect(refs.links).toEqual([
      'https://a.example/?x=1&y=2',
      'mailto:x@y.example',
      '%%CRIEUR_UNSUBSCRIBE_URL%%',
      'https://a.example/?x=1&y=2',
    ]);
    expect(refs.images).toEqual([{ src: 'https://a.example/i.png', alt: 'I' }]);
    expect(checkableUrls(refs.links)).toEqual(['https://a.example/?x=1&y=2']);
    expect(checkUnsubscribeLink(refs.links).level).toBe('ok');
  });

  it('no unsubscribe link in the HTML blocks', () => {
    expect(checkUnsubscribeLink(['https://a.example/'])).toMatchObject({ code: 'unsubscribe-link', level: 'block' });
  });
});
