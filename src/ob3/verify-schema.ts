import { readFileSync } from 'node:fs';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019.js';
import { projectPath } from '../shared/paths';
import addFormats from 'ajv-formats';

/**
 * Step 1 of OB 3.0 verification (OB 3.0 verification.md "Conformance"): the 1EdTech JSON Schema,
 * then "credentialSubject has id or identifier", which the schema does not enforce but the
 * 1EdTech validator does (CredentialSubjectProbe). The schema is draft 2019-09, hence
 * ajv/dist/2019; strict mode off because 1EdTech's files use keywords ajv does not know.
 */
const validators = new Map<string, ValidateFunction>();

function schemaValidator(file = 'ob_v3p0_achievementcredential_schema.json'): ValidateFunction {
  let validator = validators.get(file);
  if (!validator) {
    const schema = JSON.parse(readFileSync(projectPath('src', 'ob3', 'schemas', file), 'utf8')) as Record<
      string,
      unknown
    >;
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(schema);
    validators.set(file, validator);
  }
  return validator;
}

const firstErrors = (validate: ValidateFunction) =>
  (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
    .join('; ');

/** An EndorsementCredential against the official 1EdTech endorsement schema: undefined when valid. */
export function endorsementSchemaErrors(endorsement: unknown): string | undefined {
  const validate = schemaValidator('ob_v3p0_endorsementcredential_schema.json');
  return validate(endorsement) ? undefined : firstErrors(validate);
}

export type SchemaOutcome =
  | { ok: true }
  | { ok: false; code: 'VERIFY_SCHEMA_FAILED'; errors: string }
  | { ok: false; code: 'VERIFY_SUBJECT_UNIDENTIFIED' };

export function checkSchema(credential: Record<string, unknown>): SchemaOutcome {
  const validate = schemaValidator();
  if (!validate(credential)) {
    return { ok: false, code: 'VERIFY_SCHEMA_FAILED', errors: firstErrors(validate) };
  }
  const subjects = ([] as unknown[]).concat(credential.credentialSubject ?? []);
  const identified = subjects.every((s) => {
    const subject = s as { id?: unknown; identifier?: unknown };
    return typeof subject.id === 'string' || ([] as unknown[]).concat(subject.identifier ?? []).length > 0;
  });
  return identified && subjects.length > 0 ? { ok: true } : { ok: false, code: 'VERIFY_SUBJECT_UNIDENTIFIED' };
}
