import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { instant } from '../../../test/support/organizationFromYaml.js';
import { loadCharter } from '../charter/loadCharter.js';
import { loadEvidence } from '../evidence/loadEvidence.js';
import { makePlan } from '../planner/makePlan.js';
import { renderPlanHtml } from './renderPlanHtml.js';
import { renderPlanMarkdown } from './renderPlanMarkdown.js';

const template = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../../templates/${file}`, import.meta.url)), 'utf8');

const HOSTILE_ORG = `<script>alert("org")</script> & 'Co'`;
const HOSTILE_UNIT = `Treasury <img src=x onerror="alert(1)"> & co`;

/** The dao template planned as of 2026-11-25, optionally with hostile names. */
function planned(hostile: boolean) {
  let text = template('dao.yaml');
  if (hostile) {
    text = text
      .replace('  name: Lumen Protocol\n', `  name: ${JSON.stringify(HOSTILE_ORG)}\n`)
      .replace('    name: Treasury\n', `    name: ${JSON.stringify(HOSTILE_UNIT)}\n`);
  }
  const charter = loadCharter({ text, file: 'dao.yaml' });
  if (!charter.ok) throw new Error('the dao template does not load');
  const organization = charter.organization;
  const evidence = loadEvidence({ text: template('dao.evidence.yaml'), file: 'evidence.yaml', organization });
  if (!evidence.ok) throw new Error('the dao sample evidence does not load');
  const plan = makePlan({ organization, evidence: evidence.evidence, now: instant('2026-11-25') });
  const args = { organization, plan, evidenceSource: 'evidence.yaml' };
  return { organization, plan, html: renderPlanHtml(args), markdown: renderPlanMarkdown(args) };
}

const VOID = new Set(['meta', 'br']);
const ENTITY = /^&(amp|lt|gt|quot|#39);/;

/**
 * Problems that make `html` not well-formed: a `<` or `>` that is no tag, an `&` that starts
 * no entity, an attribute not in double quotes, an element closed out of order or never.
 * `<style>` holds raw CSS and is skipped whole.
 */
function readHtml(html: string): { problems: string[]; elements: Set<string>; attributes: Set<string> } {
  const problems: string[] = [];
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const stack: string[] = [];
  let rest = html.replace(/^<!DOCTYPE html>\n/, '');
  const text = (chunk: string) => {
    if (/[<>]/.test(chunk)) problems.push(`stray angle bracket in ${JSON.stringify(chunk.slice(0, 60))}`);
    for (let i = chunk.indexOf('&'); i >= 0; i = chunk.indexOf('&', i + 1)) {
      if (!ENTITY.test(chunk.slice(i))) problems.push(`bare & in ${JSON.stringify(chunk.slice(i, i + 30))}`);
    }
  };
  const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*(\/?)>/;
  while (rest.length > 0) {
    const open = rest.indexOf('<');
    if (open < 0) {
      text(rest);
      break;
    }
    text(rest.slice(0, open));
    rest = rest.slice(open);
    const tag = TAG.exec(rest);
    if (tag === null) {
      problems.push(`not a tag: ${JSON.stringify(rest.slice(0, 60))}`);
      rest = rest.slice(1);
      continue;
    }
    const [whole, closing, name, attributeText, selfClosing] = tag as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    elements.add(name);
    for (const [, attribute, value] of attributeText.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      attributes.add(attribute!);
      text(value!);
    }
    rest = rest.slice(whole.length);
    if (name === 'style' && closing === '') {
      const end = rest.indexOf('</style>');
      rest = rest.slice(end + '</style>'.length);
    } else if (closing === '/') {
      const top = stack.pop();
      if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
    } else if (VOID.has(name)) {
      if (selfClosing !== '/') problems.push(`<${name}> is not self-closed`);
    } else {
      stack.push(name);
    }
  }
  if (stack.length > 0) problems.push(`never closed: ${stack.join(', ')}`);
  return { problems, elements, attributes };
}

const wellFormednessProblems = (html: string) => readHtml(html).problems;

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The moves each report lists, as [unit, from, to, status] — read from the page and the text. */
function htmlMoves(html: string): string[][] {
  return [
    ...html.matchAll(
      /<li data-unit="[^"]*" data-to="\d+"><strong>(.+?): (.+?) → (.+?)<\/strong> — <span class="status [a-z-]+">(.+?)<\/span>/g,
    ),
  ].map((m) => m.slice(1, 5).map(unescapeHtml));
}

function markdownMoves(markdown: string): string[][] {
  return [...markdown.matchAll(/^\d+\. \*\*(.+?): (.+?) → (.+?)\*\* — (.+?)\. /gm)].map((m) => m.slice(1, 5));
}

function htmlRoadmap(html: string): string[][] {
  return [
    ...html.matchAll(
      /<tr data-unit="[^"]*" data-to="\d+"><td class="\w+">(.+?)<\/td><td>(.+?)<\/td><td>(.+?)<\/td>/g,
    ),
  ].map((m) => m.slice(1, 4).map(unescapeHtml));
}

function markdownRoadmap(markdown: string): string[][] {
  const section = markdown.slice(markdown.indexOf('## Roadmap'), markdown.indexOf('## Commitments'));
  return [...section.matchAll(/^\| (no date|\d{4}-\d{2}-\d{2}) \| (.+?) \| (.+?) \|/gm)].map((m) =>
    m.slice(1, 4).map((cell) => cell.replace(/\\\|/g, '|')),
  );
}

describe('renderPlanHtml', () => {
  const plain = planned(false);
  const hostile = planned(true);

  it('is one well-formed page that needs nothing else: no scripts, no stylesheet or image to fetch', () => {
    for (const { html } of [plain, hostile]) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
      const { problems, elements, attributes } = readHtml(html);
      expect(problems).toEqual([]);
      expect([...elements].filter((e) => ['script', 'link', 'img', 'iframe', 'object'].includes(e))).toEqual(
        [],
      );
      expect([...attributes].filter((a) => a === 'src' || a === 'href' || a.startsWith('on'))).toEqual([]);
      const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
      expect(css).not.toMatch(/@import|url\(/);
    }
  });

  it('finds a broken page broken (the check above can fail)', () => {
    expect(wellFormednessProblems('<html><body><p>a & b</body></html>')).toEqual([
      'bare & in "& b"',
      '</body> closes <p>',
      '</html> closes <body>',
      'never closed: html',
    ]);
    expect(wellFormednessProblems('<p title=x>1 < 2</p>')).toEqual([
      'not a tag: "<p title=x>1 < 2</p>"',
      'stray angle bracket in "p title=x>1 "',
      'not a tag: "< 2</p>"',
      // The unquoted attribute kept <p> from opening.
      '</p> closes <nothing>',
    ]);
  });

  it('escapes names from the charter: the hostile ones show as text, never as markup', () => {
    const { html } = hostile;
    expect(html).toContain('&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(html).toContain('Treasury &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co');
    expect(html).toContain(
      `<title>&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; &amp; &#39;Co&#39; — decentralization plan</title>`,
    );
  });

  it('lists the same moves as the Markdown report and the plan, in the same order', () => {
    for (const { plan, html, markdown } of [plain, hostile]) {
      const moves = htmlMoves(html);
      expect(moves.length).toBe(plan.recommendations.length);
      expect(moves.map((m) => m.slice(0, 3))).toEqual(
        plan.recommendations.map((r) => [r.unitName, r.from.name, r.to.name]),
      );
      expect(moves).toEqual(markdownMoves(markdown));
      const roadmap = htmlRoadmap(html);
      expect(roadmap.length).toBe(plan.roadmap.length);
      expect(roadmap).toEqual(markdownRoadmap(markdown));
    }
    // The hostile unit's move is among them, by its full name.
    expect(htmlMoves(hostile.html).map((m) => m[0])).toContain(HOSTILE_UNIT);
  });

  it('gives every criterion of a move its verdict and reason, as the plan has them', () => {
    const { plan, html } = plain;
    const first = plan.recommendations[0]!;
    const item = html.slice(html.indexOf(`<li data-unit="${first.unit}"`));
    const block = item.slice(0, item.indexOf('</ul>'));
    const verdicts = [
      ...block.matchAll(
        /<li class="(met|unmet|unknown)" data-mark="[^"]+"><span class="status">[a-z]+:<\/span> (.+?)<\/li>/g,
      ),
    ];
    expect(verdicts.map((m) => [m[1], unescapeHtml(m[2]!)])).toEqual(
      [
        ...first.criteria.filter((c) => c.status === 'met'),
        ...first.criteria.filter((c) => c.status !== 'met'),
      ]
        .map((c) => [c.status, `${c.text} — ${c.reason}`])
        .concat(first.dependencies.map((d) => [d.met ? 'met' : 'unmet', d.text])),
    );
    expect(verdicts.length).toBeGreaterThan(0);
  });
});
