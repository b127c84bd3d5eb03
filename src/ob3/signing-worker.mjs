// The signing pool's thread when Parcours runs from its TypeScript sources (tsx, vitest): the
// sources are loaded through tsx. `npm run build` bundles sign-worker.ts as dist/signing-worker.mjs,
// beside dist/server.mjs, where the same relative URL finds it.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./sign-worker.ts', import.meta.url);
export default worker.default;
