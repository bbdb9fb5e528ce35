import { describe, expect, it } from 'vitest';
import { accessFor, isAllowed } from './permissions';

describe('role table', () => {
  it('maps HEAD to GET and knows nothing of unlisted routes', () => {
    expect(accessFor('HEAD', '/api/users')).toEqual(['admin']);
    expect(accessFor('DELETE', '/api/users')).toBeUndefined();
  });
  it('lets public routes through and checks roles on the others', () => {
    expect(isAllowed('public', undefined)).toBe(true);
    expect(isAllowed(['admin'], undefined)).toBe(false);
    expect(isAllowed(['admin'], 'editor')).toBe(false);
    expect(isAllowed(['admin', 'editor'], 'editor')).toBe(true);
  });
});
