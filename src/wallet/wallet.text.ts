import { definePairs } from '../shared/text';

/** The wallet area's error codes: what a wallet or a learner is told when nothing is issued. */
export const walletErrors = definePairs('wallet-errors', {
  WALLET_CREDENTIAL_NOT_YOURS: {
    fr: (p) => `Ce badge n’est pas l’un de vos badges valides : ${p.id}.`,
    en: (p) => `This credential is not one of your valid credentials: ${p.id}.`,
  },
  WALLET_NOTHING_TO_ADD: {
    fr: () => 'Vous n’avez aucun badge valide à ajouter à un portefeuille.',
    en: () => 'You have no valid credential to add to a wallet.',
  },
  WALLET_EXCHANGE_NOT_FOUND: {
    fr: () => 'Ce lien d’ajout au portefeuille est inconnu.',
    en: () => 'This add-to-wallet link is unknown.',
  },
  WALLET_EXCHANGE_USED: {
    fr: () => 'Ce lien d’ajout au portefeuille a déjà servi : créez-en un autre depuis « Mes badges ».',
    en: () => 'This add-to-wallet link has already been used: create another one from “My badges”.',
  },
  WALLET_EXCHANGE_EXPIRED: {
    fr: () => 'Ce lien d’ajout au portefeuille a expiré (10 minutes) : créez-en un autre depuis « Mes badges ».',
    en: () => 'This add-to-wallet link has expired (10 minutes): create another one from “My badges”.',
  },
  WALLET_EXCHANGE_LEARNER_CHANGED: {
    fr: () => 'Ce lien n’est plus celui du titulaire du badge : créez-en un autre depuis « Mes badges ».',
    en: () => 'This link no longer belongs to the credential’s holder: create another one from “My badges”.',
  },
  WALLET_VP_INVALID: {
    fr: (p) => `La présentation du portefeuille est invalide (${p.field}).`,
    en: (p) => `The wallet’s presentation is invalid (${p.field}).`,
  },
  WALLET_VP_SUITE_UNSUPPORTED: {
    fr: (p) => `Type de preuve non pris en charge : ${p.type}. Attendu : Ed25519Signature2020 ou eddsa-rdfc-2022.`,
    en: (p) => `Unsupported proof type: ${p.type}. Expected: Ed25519Signature2020 or eddsa-rdfc-2022.`,
  },
  WALLET_VP_CHALLENGE: {
    fr: () => 'La présentation ne répond pas au défi (challenge) de ce lien.',
    en: () => 'The presentation does not answer this link’s challenge.',
  },
  WALLET_VP_DOMAIN: {
    fr: (p) => `La présentation est destinée à un autre domaine (${p.domain}) que cette plateforme (${p.expected}).`,
    en: (p) => `The presentation is meant for another domain (${p.domain}) than this platform (${p.expected}).`,
  },
  WALLET_VP_PURPOSE: {
    fr: (p) => `La preuve a pour objet « ${p.purpose} » : seule « authentication » prouve le portefeuille.`,
    en: (p) => `The proof’s purpose is “${p.purpose}”: only “authentication” proves the wallet.`,
  },
  WALLET_VP_HOLDER: {
    fr: () => 'Le portefeuille doit se présenter par un DID did:key qui est aussi celui de la clé de sa preuve.',
    en: () => 'The wallet must present itself with a did:key DID that is also its proof key’s controller.',
  },
  WALLET_VP_SIGNATURE: {
    fr: () => 'La signature de la présentation ne se vérifie pas.',
    en: () => 'The presentation’s signature does not verify.',
  },
  WALLET_TOKEN_INVALID: {
    fr: () => 'Jeton d’accès absent, inconnu ou expiré.',
    en: () => 'Access token missing, unknown or expired.',
  },
  WALLET_NONCE_INVALID: {
    fr: () => 'Le nonce de la preuve est inconnu, déjà utilisé ou expiré : demandez-en un autre.',
    en: () => 'The proof’s nonce is unknown, already used or expired: ask for another one.',
  },
  WALLET_NAME_MISSING: {
    fr: () => 'Votre nom n’est pas connu de la plateforme : demandez aux organisateurs de l’ajouter.',
    en: () => 'The platform does not know your name: ask the organisers to add it.',
  },
});
