import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMermaid } from './appeal-state-machine';

const README = join(__dirname, '..', 'README.md');
const START = '<!-- state-machine:start -->';
const END = '<!-- state-machine:end -->';
const REGENERATE =
  'UPDATE_DIAGRAM=1 npx jest libs/appeals/domain/readme-diagram.spec.ts --selectProjects unit';

/** The README must show the table as it is in code, so the picture never drifts. */
describe('appeals README state diagram', () => {
  it('embeds renderMermaid() verbatim between the markers', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${README} lacks the ${START} … ${END} markers`);

    // Blank lines around the fence keep Prettier from touching the block.
    const expected = `\n\n\`\`\`mermaid\n${renderMermaid()}\`\`\`\n\n`;
    const actual = readme.slice(start + START.length, end);
    if (actual === expected) return;

    if (process.env.UPDATE_DIAGRAM === '1') {
      writeFileSync(README, readme.slice(0, start + START.length) + expected + readme.slice(end));
      return;
    }
    throw new Error(
      `The state diagram in ${README} is out of date with the transition table.\nRegenerate it with:\n  ${REGENERATE}`,
    );
  });
});
