import { runImportBench } from './import.bench';
import { runCredentialsBench } from './credentials.bench';
import { runRulesBench } from './rules.bench';

// Each benchmark prints its figures beside a baseline measured in the same run.
const benches: Record<string, () => Promise<void>> = {
  import: runImportBench,
  rules: runRulesBench,
  credentials: runCredentialsBench,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length === 0 || only.includes(name)) await run();
}
