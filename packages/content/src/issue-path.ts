// Issue paths as dotted strings, e.g. "content.0.content.1.marks.0.attrs.href".
export type ArticleDocIssue = { path: string; message: string };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}
