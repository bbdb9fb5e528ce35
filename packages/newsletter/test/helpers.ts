// Shared checks: links of an HTML part, decoded the way a mail client reads them.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

export function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e),
  );
}
