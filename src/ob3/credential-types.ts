/**
 * The OB 3.0 shapes we produce (OB 3.0 OpenBadgeCredential, IdentityObject, Achievement, Result). Open
 * index signatures where the spec allows more optional fields than we set: a badge file may carry tags,
 * alignments, etc.
 */
export interface Image {
  id: string;
  type: 'Image';
  caption?: string;
}

export interface Profile {
  id: string;
  type: string[];
  name: string;
  url?: string;
  email?: string;
  description?: string;
  image?: Image;
  [field: string]: unknown;
}

export interface ResultDescription {
  id: string;
  type: string[];
  name: string;
  resultType: string;
  valueMin?: string;
  valueMax?: string;
  [field: string]: unknown;
}

export interface Achievement {
  id: string;
  type: string[];
  name: string;
  description: string;
  criteria: { id?: string; narrative?: string };
  image?: Image;
  resultDescription?: ResultDescription[];
  [field: string]: unknown;
}

export interface IdentityObject {
  type: 'IdentityObject';
  hashed: boolean;
  identityHash: string;
  identityType: string;
  salt?: string;
}

export interface Result {
  type: string[];
  resultDescription: string;
  value: string;
}

export interface Evidence {
  type: string[];
  name: string;
  description?: string;
  narrative?: string;
}

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

export interface AchievementSubject {
  id?: string;
  type: string[];
  identifier?: IdentityObject[];
  achievement: Achievement;
  result?: Result[];
}

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: string;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: Profile;
  validFrom: string;
  validUntil?: string;
  awardedDate?: string;
  credentialSubject: AchievementSubject;
  evidence?: Evidence[];
  credentialSchema: Array<{ id: string; type: string }>;
  credentialStatus?: BitstringStatusListEntry;
  proof?: DataIntegrityProof | DataIntegrityProof[];
  [field: string]: unknown;
}
