import { OB3_PATHS, SCOPES } from './scopes';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const status = (description: string) => ({ description, ...json(ref('Imsx_StatusInfo')) });
const errors = {
  '400': status('Bad request (rfc9110).'),
  '401': status('Missing or invalid access token (rfc9110).'),
  '403': status('The token lacks the scope (rfc9110).'),
  '405': status('Method not allowed (rfc9110).'),
  '500': status('Server error (rfc9110).'),
  default: status('The request was invalid or cannot be served.'),
};
const secured = (scope: string) => [{ OAuth2ACG: [scope] }];
const pageParam = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  description,
  required: false,
  schema,
});

/** The OB 3.0 operations (§6.2), as the spec's OpenAPI file lists them; the write ones answer 405 here. */
const paths = {
  '/credentials': {
    get: {
      tags: ['OpenBadgeCredentials'],
      operationId: 'getCredentials',
      parameters: [
        pageParam('limit', 'The maximum number of OpenBadgeCredentials to return per page.', {
          type: 'integer',
          minimum: 1,
          maximum: 200,
          default: 50,
        }),
        pageParam('offset', 'The index of the first AchievementCredential to return. (zero indexed)', {
          type: 'integer',
          minimum: 0,
        }),
        pageParam('since', 'Only include OpenBadgeCredentials issued after this timestamp.', {
          type: 'string',
          format: 'date-time',
        }),
      ],
      responses: {
        '200': {
          description: 'The OpenBadgeCredentials of the authenticated learner, revoked ones included.',
          headers: { 'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' } },
          ...json(ref('GetOpenBadgeCredentialsResponse')),
        },
        ...errors,
      },
      security: secured(SCOPES.credentialRead),
    },
    post: {
      tags: ['OpenBadgeCredentials'],
      operationId: 'upsertCredential',
      responses: errors,
      security: secured(SCOPES.credentialUpsert),
    },
  },
  '/profile': {
    get: {
      tags: ['OpenBadgeCredentials'],
      operationId: 'getProfile',
      responses: {
        '200': { description: 'The learner’s profile.', ...json(ref('Profile')) },
        '404': status('Not found.'),
        ...errors,
      },
      security: secured(SCOPES.profileRead),
    },
    put: {
      tags: ['OpenBadgeCredentials'],
      operationId: 'putProfile',
      responses: errors,
      security: secured(SCOPES.profileUpdate),
    },
  },
  '/discovery': {
    get: {
      tags: ['Discovery'],
      operationId: 'getServiceDescription',
      responses: { '200': { description: 'This document.' }, ...errors },
    },
  },
};

const open = (description: string) => ({ type: 'object', description, additionalProperties: true });

/**
 * GET /ims/ob/v3p0/discovery (OB 3.0 §6.3, 1EdTech Security Framework): the service description
 * document a platform reads first. Schemas are given by reference to 1EdTech's JSON schemas.
 */
export function serviceDescription(options: { publicUrl: string; title: string; imageUrl?: string }) {
  const url = (path: string) => `${options.publicUrl}${path}`;
  return {
    openapi: '3.0.1',
    info: {
      title: options.title,
      description: 'Open Badges 3.0 API — Service Provider (Read): credentials and profile of a consenting learner.',
      version: '3.0',
      termsOfService: url(OB3_PATHS.terms),
      'x-imssf-privacyPolicyUrl': url(`${OB3_PATHS.terms}#confidentialite`),
      ...(options.imageUrl ? { 'x-imssf-image': options.imageUrl } : {}),
    },
    servers: [{ url: url('/ims/ob/v3p0'), description: options.title }],
    tags: [{ name: 'OpenBadgeCredentials' }, { name: 'Discovery' }],
    paths,
    components: {
      schemas: {
        GetOpenBadgeCredentialsResponse: {
          ...open(
            'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_getopenbadgecredentialsresponse_schema.json',
          ),
          properties: {
            credential: { type: 'array', items: ref('AchievementCredential') },
            compactJwsString: {
              type: 'array',
              items: { type: 'string', pattern: '^[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]*\\.[a-zA-Z0-9_-]+$' },
            },
          },
        },
        AchievementCredential: open(
          'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        ),
        Profile: open('https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json'),
        Imsx_StatusInfo: {
          ...open('https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_imsx_statusinfo_schema.json'),
          required: ['imsx_codeMajor', 'imsx_severity'],
        },
      },
      headers: {
        'X-Total-Count': {
          description: 'The total number of resources available',
          schema: { type: 'integer', format: 'int32' },
        },
      },
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description: 'OAuth 2.0 Authorization Code Grant, PKCE S256 required, client_secret_basic.',
          'x-imssf-registrationUrl': url(OB3_PATHS.register),
          flows: {
            authorizationCode: {
              authorizationUrl: url(OB3_PATHS.authorize),
              tokenUrl: url(OB3_PATHS.token),
              refreshUrl: url(OB3_PATHS.token),
              scopes: {
                [SCOPES.credentialRead]: 'Permission to read AchievementCredentials for the authenticated entity.',
                [SCOPES.credentialUpsert]: 'Not granted here: this provider is read-only.',
                [SCOPES.profileRead]: 'Permission to read the profile for the authenticated entity.',
                [SCOPES.profileUpdate]: 'Not granted here: this provider is read-only.',
              },
            },
          },
        },
      },
    },
  };
}
