/** "GET /api/users" → method and path. */
export function splitKey(key: string): { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space) as 'GET', path: key.slice(space + 1) };
}

/** "/api/users/:id" with { id: 'a b' } → "/api/users/a%20b"; then the query string, empty values left out. */
export function routePath(
  path: string,
  params: Record<string, string | number> | undefined,
  query: Record<string, unknown> | undefined,
): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}
