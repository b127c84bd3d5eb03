// npm run check:size: every source file of src/, tests/ and bench/ stays small (≤ 250 lines) and every line
// fits in 120 columns (Biome formats to 120 but never breaks a string).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 250;
const MAX_WIDTH = 120;
const files = execSync('git ls-files -co --exclude-standard src tests bench', { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts'));
const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (lines.length > MAX_LINES) problems.push(`${file}: ${lines.length} lines (max ${MAX_LINES})`);
  lines.forEach((line, i) => {
    if ([...line].length > MAX_WIDTH) problems.push(`${file}:${i + 1}: ${[...line].length} columns (max ${MAX_WIDTH})`);
  });
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`${files.length} files: ≤ ${MAX_LINES} lines, ≤ ${MAX_WIDTH} columns`);
