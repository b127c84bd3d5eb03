import { buildBundle } from './server-process';
import { runImportBench } from './import.bench';
import { runImportsBench } from './imports.bench';
import { runCredentialsBench } from './credentials.bench';
import { runReadsBench } from './reads.bench';
import { runVerifyBench } from './verify.bench';
import { runIssuanceBench } from './issuance.bench';
import { runScaleBench } from './scale.bench';
import { runRulesBench } from './rules.bench';

// End to end (`npm run bench`): the server built and started as `npm start` does, in its own
// process, measured over HTTP from this one, each figure beside a baseline of the same run.
const endToEnd: Record<string, () => Promise<void>> = {
  imports: runImportsBench,
  reads: runReadsBench,
  verify: runVerifyBench,
  issuance: runIssuanceBench,
  scale: runScaleBench,
};
// In-process breakdowns: where the time goes inside one process (by name only).
const breakdowns: Record<string, () => Promise<void>> = {
  'import-breakdown': runImportBench,
  'credentials-breakdown': runCredentialsBench,
  rules: runRulesBench,
};

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in endToEnd) && !(name in breakdowns));
if (unknown.length > 0) {
  console.error(
    `unknown: ${unknown.join(', ')}; known: ${[...Object.keys(endToEnd), ...Object.keys(breakdowns)].join(', ')}`,
  );
  process.exit(2);
}
await buildBundle();
for (const [name, run] of Object.entries({ ...endToEnd, ...breakdowns })) {
  if (only.length === 0 ? name in endToEnd : only.includes(name)) await run();
}
