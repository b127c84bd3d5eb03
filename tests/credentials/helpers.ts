import type { Achievement, Profile } from '../../src/ob3/credential-types';
import { buildCredential, type BuildCredentialInput } from '../../src/ob3/build-credential';
import { generateEd25519Key, generateP256Key, type Ed25519Key, type P256Key } from '../../src/ob3/keys';
import { issuerDid } from '../../src/ob3/issuer';

export const PUBLIC_URL = 'https://badges.parcours.example';
export const LOCAL_URL = 'http://localhost:3000';

/** French on purpose: accents, œ, apostrophes and a long dash all go through RDFC and JWS. */
export function achievementFixture(): Achievement {
  return {
    id: `${PUBLIC_URL}/achievements/data-juridique`,
    type: ['Achievement'],
    achievementType: 'Badge',
    name: 'data juridique — cœur de métier',
    description:
      "Atelier 1 : données du territoire intelligent, risques, points d'attention juridiques. " +
      'Œuvre collective, été 2025.',
    criteria: {
      narrative: 'A suivi les deux webinaires, l’atelier juridique et a répondu au questionnaire « quiz-juridique ».',
    },
    image: { id: `${PUBLIC_URL}/badges/data-juridique.png`, type: 'Image', caption: 'Médaille data juridique' },
    resultDescription: [
      {
        id: `${PUBLIC_URL}/achievements/data-juridique#quiz-juridique`,
        type: ['ResultDescription'],
        name: 'Score au questionnaire juridique',
        resultType: 'Percent',
        valueMin: '0',
        valueMax: '100',
      },
    ],
    tag: ['données', 'collectivités'],
  };
}

export function issuerProfile(id: string): Profile {
  return {
    id,
    type: ['Profile'],
    name: 'Parcours — Collectivités & Données',
    url: PUBLIC_URL,
    description: 'Programme « parcours data » pour les collectivités territoriales.',
  };
}

export interface IssuerFixture {
  ed25519: Ed25519Key;
  p256: P256Key;
  issuerId: string;
  publicUrl: string;
}

export async function issuerFixture(publicUrl = LOCAL_URL): Promise<IssuerFixture> {
  const ed25519 = await generateEd25519Key();
  return { ed25519, p256: generateP256Key(), issuerId: issuerDid(publicUrl, ed25519), publicUrl };
}

export const STATUS_LIST_URL = `${PUBLIC_URL}/status/1`;

export function credentialInput(issuerId: string, overrides: Partial<BuildCredentialInput> = {}): BuildCredentialInput {
  const achievement = achievementFixture();
  return {
    id: `${PUBLIC_URL}/credentials/0b4a6f0e-8f1e-4c55-9a3e-1c2d3e4f5a6b`,
    issuer: issuerProfile(issuerId),
    achievement,
    validFrom: '2025-06-12T09:30:00Z',
    awardedDate: '2025-06-12T09:30:00Z',
    recipient: { email: 'Chloé.Lefèvre@mairie-exemple.fr', salt: 'sel-de-Guérande' },
    evidence: [
      { name: 'Webinaire #1 — Les enjeux', date: '2025-03-04', minutes: 90 },
      {
        name: 'Webinaire #2 — En pratique (rediffusion)',
        date: '2025-03-18',
        minutes: 85,
        narrative: 'Suivi en différé.',
      },
      { name: 'Atelier 1 — données du territoire intelligent', date: '2025-04-02', minutes: 180 },
    ],
    results: [{ resultDescriptionId: achievement.resultDescription![0]!.id, value: 85 }],
    statusEntry: { listUrl: STATUS_LIST_URL, index: 4242 },
    ...overrides,
  };
}

export function unsignedCredential(issuerId: string, overrides: Partial<BuildCredentialInput> = {}) {
  return buildCredential(credentialInput(issuerId, overrides));
}

/** A fake web: URL → JSON. An absent URL behaves like an unreachable server. */
export function fakeWeb(documents: Record<string, unknown> = {}) {
  const served = new Map(Object.entries(documents));
  const fetched: string[] = [];
  return {
    served,
    fetched,
    fetchJson: async (url: string): Promise<unknown> => {
      fetched.push(url);
      if (!served.has(url)) throw new Error(`ECONNREFUSED ${url}`);
      return structuredClone(served.get(url));
    },
  };
}
