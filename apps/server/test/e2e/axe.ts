import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.1 A and AA, plus Deque's best practices (landmarks, one main, heading order…)
const RUN_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};

export type AxeFinding = { rule: string; impact: string; help: string; target: string; summary: string };

/**
 * Every violation axe-core finds in the page, one line per element. Evaluated through the DevTools protocol, which
 * the page's CSP (no script at all on public pages) does not govern.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const results = (await page.evaluate(`axe.run(document, ${JSON.stringify(RUN_OPTIONS)})`)) as AxeResults;
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => ({
      rule: v.id,
      impact: node.impact ?? v.impact ?? 'unknown',
      help: v.help,
      target: node.target.join(' '),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim().slice(0, 240),
    })),
  );
}

export const isBlocking = (f: AxeFinding) => f.impact === 'serious' || f.impact === 'critical';

export const describeFinding = (f: AxeFinding) => `${f.rule} (${f.impact}) sur ${f.target} : ${f.help}. ${f.summary}`;
