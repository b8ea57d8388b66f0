import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repositoryRoot } from '../../scripts/configuration-doc';

const root = repositoryRoot(__dirname);
const README_MAX_LINES = 200;

/** README.md and every Markdown file under docs/, as paths relative to the root. */
function documents(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) return walk(path);
      return name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...walk('docs')];
}

/** The text a reader sees as prose: fenced blocks and inline code removed (their URLs are examples). */
const prose = (markdown: string): string =>
  markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');

/** Every link target: inline links and images, reference definitions, autolinks, bare URLs. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(m[1]);
  for (const m of text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)) targets.push(m[1]);
  for (const m of text.matchAll(/(?<![(<\w])(?:https?|ftp):\/\/[^\s)>\]]+/gi)) targets.push(m[0]);
  return targets;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = m[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return result;
}

/** Why the link does not stand alone, or null when it does. */
function problemWith(document: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    return 'leaves the repository';
  }
  const [pathPart, anchor] = target.split('#', 2);
  const file = pathPart
    ? resolve(root, dirname(document), decodeURIComponent(pathPart.split('?')[0]))
    : join(root, document);
  if (relative(root, file).startsWith('..')) return 'points outside the repository';
  if (!existsSync(file)) return 'names a file that does not exist';
  if (anchor && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) {
    return `names a heading (#${anchor}) that ${relative(root, file)} does not have`;
  }
  return null;
}

/** The documentation must make sense to someone who has only the repository. */
describe('README.md and docs/', () => {
  it(`README.md has at most ${README_MAX_LINES} lines`, () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it('links only to files of the repository that exist, and to headings they have', () => {
    let checked = 0;
    const broken = documents().flatMap((document) =>
      linkTargets(readFileSync(join(root, document), 'utf8')).flatMap((target) => {
        checked += 1;
        const problem = problemWith(document, target);
        return problem ? [`${document}: ${target} ${problem}`] : [];
      }),
    );
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('finds the links it checks', () => {
    const sample =
      'See [a](docs/a.md), [b][b], <https://x.example>, https://y.example and `https://z`.\n\n[b]: ../c.md\n';
    expect(linkTargets(sample).sort()).toEqual([
      '../c.md',
      'docs/a.md',
      'https://x.example',
      'https://y.example',
    ]);
    expect(problemWith('README.md', 'https://x.example')).toBe('leaves the repository');
    expect(problemWith('README.md', '../shared/docs/SPEC.md')).toBe('points outside the repository');
    expect(anchors('# Queue dashboard\n## What was tried: the profiles\n')).toEqual(
      new Set(['queue-dashboard', 'what-was-tried-the-profiles']),
    );
  });
});
