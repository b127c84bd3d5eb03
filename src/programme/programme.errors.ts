import type { ErrorObject } from 'ajv';
import { AppError } from '../shared/errors';

/** One thing wrong in a programme folder: which file, where in it (JSON pointer), and why. */
export interface Problem {
  file: string;
  path: string;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path || '/'}: ${p.reason}`;
}

/**
 * The programme folders are read at start; a broken one must stop the start with every problem
 * listed at once (500: it is the deployment that is wrong, not a request).
 */
export class ProgrammeError extends AppError {
  readonly problems: readonly Problem[];

  constructor(problems: Problem[]) {
    const text = problems.map(formatProblem).join('\n');
    super(
      'PROGRAMME_INVALID',
      500,
      { problems: text, count: problems.length },
      problems.map((p) => ({ file: p.file, field: p.path, reason: p.reason })),
    );
    this.name = 'ProgrammeError';
    this.problems = problems;
    // AppError keeps the code as message; here the logs need the actual problems.
    this.message = text;
  }
}

const RULE_OPERATORS = 'attended, answered, holds, allOf, anyOf, atLeast';

const isRuleSchema = (schema: unknown): boolean =>
  typeof schema === 'object' && schema !== null && 'atLeast' in ((schema as { properties?: object }).properties ?? {});

function describe(e: ErrorObject): { path: string; reason: string } | null {
  const at = e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if': // the failing then/else branch is reported on its own
      return null;
    case 'const':
      if (e.schemaPath.includes('/contains/')) return null; // summarised by the `contains` error
      break;
    case 'contains':
      return { path: at, reason: `must include ${JSON.stringify((e.schema as { const?: unknown }).const)}` };
    case 'required':
      return { path: `${at}/${String(params.missingProperty)}`, reason: 'is required' };
    case 'additionalProperties':
      return { path: `${at}/${String(params.additionalProperty)}`, reason: 'unknown property' };
    case 'minProperties':
    case 'maxProperties':
      if (isRuleSchema(e.parentSchema)) {
        return { path: at, reason: `a rule must have exactly one of: ${RULE_OPERATORS}` };
      }
      break;
    case 'discriminator':
      return {
        path: `${at}/${String(params.tag)}`,
        reason: `unknown ${String(params.tag)} ${JSON.stringify(params.tagValue)}`,
      };
    case 'enum':
      return { path: at, reason: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern': {
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      if (description) return { path: at, reason: `must be a ${description}` };
      break;
    }
  }
  return { path: at, reason: e.message ?? e.keyword };
}

export function ajvProblems(file: string, errors: readonly ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of errors) {
    const d = describe(e);
    if (!d) continue;
    // One type error per place: a value-or-object field would otherwise get one per branch.
    const id = e.keyword === 'type' ? `${d.path}\u0000type` : `${d.path}\u0000${d.reason}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({ file, ...d });
  }
  return problems;
}
