import { createRequire } from 'node:module';

/**
 * jsonld.js copies the active context each time expansion enters a node with a type-scoped context
 * or leaves one (jsonld.js issue #414, open since 2020), and that copy is deep: every term definition,
 * with the scoped contexts it holds (most of the OB 3.0 and VC 2.0 contexts), is copied again. On our
 * credentials that copy and its garbage were three quarters of a canonicalisation, the dominant cost
 * of signing and of verifying (6.8 → 2.3 ms per credential expansion, measured in one process).
 *
 * Here the copy keeps what the library's own copy protects, and shares the rest: the context object,
 * its `mappings` Map and its `protected` set are new (every write jsonld.js makes goes to those), the
 * term definitions inside are shared. jsonld.js writes a term definition only while creating it, in
 * createTermDefinition, before any copy can hold it (jsonld 9.0.0 lib/context.js); afterwards it only
 * reads it. `protected` holds only `true` values. So the results are the same, byte for byte
 * (tests/ob3/jsonld-context-clone.test.ts compares both copies' canonical forms).
 *
 * Applied only when the library's copy is the one described above (its source is checked), and only
 * to the initial contexts jsonld.js keeps per processing mode: every active context descends from one
 * and inherits its `clone`. Any other version keeps its own copy: slower, never different.
 */
interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  previousContext?: ActiveContext;
  clone(this: ActiveContext): ActiveContext;
  [key: string]: unknown;
}

let original: ActiveContext['clone'] | undefined;
const EXPECTED = ['util.clone(this.mappings)', 'util.clone(this.protected)', 'this.previousContext.clone()'];

function shallowClone(this: ActiveContext): ActiveContext {
  // The same fields, in the same order, as jsonld.js's _cloneActiveContext.
  const child = {} as ActiveContext;
  child.mappings = new Map(this.mappings);
  child.clone = this.clone;
  child.inverse = null;
  child.getInverse = this.getInverse;
  child.protected = { ...this.protected };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  child.revertToPreviousContext = this.revertToPreviousContext;
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

/** True when jsonld.js's active contexts now copy through `shallowClone`. */
export function useShallowContextClone(): boolean {
  const require = createRequire(import.meta.url);
  const context = require('jsonld/lib/context') as { getInitialContext(options: object): ActiveContext };
  let applied = false;
  for (const processingMode of [undefined, 'json-ld-1.0', 'json-ld-1.1']) {
    const initial = context.getInitialContext({ processingMode });
    if (initial.clone === shallowClone) {
      applied = true;
      continue;
    }
    const source = String(initial.clone);
    if (!EXPECTED.every((part) => source.includes(part)) || !(initial.mappings instanceof Map)) continue;
    original ??= initial.clone;
    initial.clone = shallowClone;
    applied = true;
  }
  return applied;
}

/** The library's own copy, as it was before `useShallowContextClone` (for the test that compares both). */
export const libraryContextClone = (): ActiveContext['clone'] | undefined => original;
