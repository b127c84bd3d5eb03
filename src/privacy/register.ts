import type { PrivacyConfig, RetentionDays } from './privacy.config';
import { FEATURE_PROCESSINGS } from './register-features';
import type { Processing } from './register.types';

/**
 * The record of processing activities (art. 30 RGPD) and the privacy notice (art. 13): see
 * register.types.ts; the features' activities are in register-features.ts.
 */
export type { Processing, StoredTable } from './register.types';

/** 90 → « 3 mois », 1095 → « 3 ans », 30 → « 30 jours ». */
export function humanDays(n: number): string {
  if (n % 365 === 0) return `${n / 365} an${n / 365 > 1 ? 's' : ''}`;
  if (n >= 60 && n % 30 === 0) return `${n / 30} mois`;
  return `${n} jour${n > 1 ? 's' : ''}`;
}

const LEARNERS_RECIPIENTS =
  'Les organisateurs du programme (équipe de la Région et organisme de formation) ; l’hébergeur de la ' +
  'plateforme, sous-traitant. Aucune transmission hors de l’Union européenne.';

const untilErasure = (d: RetentionDays) =>
  `tant que la personne a au moins un badge ; sans badge ni activité, ${humanDays(d.inactiveLearners)} après la ` +
  'dernière activité ; effacé à sa demande (art. 17), l’enregistrement vidé ne gardant que ses badges';

export const PROCESSINGS: readonly Processing[] = [
  {
    name: 'Suivi des parcours de formation',
    purpose: 'Inscrire les agents au programme, suivre leur présence aux webinaires et ateliers.',
    legalBasis: 'Mission d’intérêt public (art. 6-1-e RGPD) : formation des agents des collectivités.',
    people: 'Agents des collectivités inscrits au programme.',
    recipients: LEARNERS_RECIPIENTS,
    tables: [
      { table: 'learners', data: 'adresse électronique, nom, organisation, langue', duration: untilErasure },
      {
        table: 'attendance',
        data: 'présence par événement, minutes, heures d’arrivée et de départ, note d’un organisateur',
        duration: (d) =>
          `statut conservé avec le compte ; minutes, heures et notes effacées ${humanDays(d.attendanceDetail)} ` +
          'après l’événement',
      },
      {
        table: 'imports',
        data: 'nom du fichier importé, adresse de l’organisateur qui l’a importé',
        duration: () => 'durée du programme (trace de l’origine des présences)',
      },
      {
        table: 'unmatched_rows',
        data: 'nom tel qu’écrit dans un fichier de présence sans adresse, minutes',
        duration: (d) => `${humanDays(d.unmatchedRows)} après l’import`,
      },
    ],
  },
  {
    name: 'Questionnaires d’évaluation',
    purpose: 'Évaluer les acquis à l’issue des ateliers, condition de certains badges.',
    legalBasis: 'Mission d’intérêt public (art. 6-1-e RGPD).',
    people: 'Agents inscrits qui répondent.',
    recipients: LEARNERS_RECIPIENTS,
    tables: [
      {
        table: 'quiz_attempts',
        data: 'réponses, score, date',
        duration: (d) => untilErasure(d),
      },
      {
        table: 'quiz_openings',
        data: 'adresse de l’organisateur qui a ouvert un questionnaire en avance',
        duration: () => 'durée du programme',
      },
    ],
  },
  {
    name: 'Délivrance et vérification des badges numériques',
    purpose: 'Attribuer les badges Open Badges 3.0, les signer, publier leur statut, permettre leur vérification.',
    legalBasis: 'Mission d’intérêt public (art. 6-1-e RGPD) ; les attestations appartiennent à leur titulaire.',
    people: 'Titulaires de badges.',
    recipients:
      'Toute personne à qui le titulaire montre son badge (page publique sans nom ni adresse : l’attestation ' +
      'ne contient qu’une empreinte salée de l’adresse).',
    tables: [
      {
        table: 'awards',
        data: 'badge, date, preuves (sessions suivies, scores), motif d’une attribution manuelle',
        duration: () =>
          'tant que le badge existe (il reste vérifiable après l’effacement du compte, sauf choix contraire)',
      },
      {
        table: 'credentials',
        data:
          'attestation signée (empreinte salée de l’adresse), statut, motif de révocation ; copie remise à ' +
          'un portefeuille : identifiant (DID) du portefeuille',
        duration: () => 'tant que le badge existe ; révoquée, elle reste publiée comme révoquée',
      },
    ],
  },
  {
    name: 'Comptes, connexion et sécurité',
    purpose: 'Authentifier apprenants et organisateurs, limiter les abus, tracer les actions des organisateurs.',
    legalBasis: 'Intérêt légitime et obligation de sécurité (art. 6-1-f et 32 RGPD).',
    people: 'Apprenants, organisateurs.',
    recipients: 'Administrateurs de la plateforme.',
    tables: [
      {
        table: 'organisers',
        data: 'adresse, nom, empreinte du mot de passe, rôle',
        duration: () => 'tant que la personne organise le programme',
      },
      {
        table: 'magic_links',
        data: 'adresse, empreinte du lien de connexion',
        duration: (d) => `${humanDays(d.signInLinks)} après l’expiration du lien (15 minutes)`,
      },
      {
        table: 'rate_limits',
        data: 'adresse ou adresse IP dans la clé du compteur',
        duration: (d) => `${humanDays(d.signInLinks)} après la fenêtre de comptage`,
      },
      {
        table: 'audit_log',
        data: 'auteur, action, objet ; adresses et noms remplacés par une référence après un effacement',
        duration: () => 'durée du programme',
      },
    ],
  },
  {
    name: 'Courriels de service',
    purpose: 'Envoyer liens de connexion, badges, révocations, confirmations.',
    legalBasis: 'Mission d’intérêt public (art. 6-1-e RGPD).',
    people: 'Destinataires des courriels.',
    recipients: 'Le prestataire d’envoi de courriels (SMTP), sous-traitant.',
    tables: [
      {
        table: 'outbox',
        data: 'adresse, objet, corps du message (le lien d’un courriel de connexion est effacé dès l’envoi)',
        duration: (d) => `${humanDays(d.sentEmails)} après l’envoi`,
      },
      {
        table: 'outbox_attempts',
        data: 'résultat de chaque tentative d’envoi',
        duration: (d) => `avec leur courriel (${humanDays(d.sentEmails)} après l’envoi)`,
      },
    ],
  },
  {
    name: 'Annuaire « Relais data du territoire »',
    purpose: 'Rendre visibles entre eux les titulaires de badges d’un territoire ; export pour les animateurs.',
    legalBasis: 'Consentement (art. 6-1-a RGPD), retirable en un clic.',
    people: 'Titulaires de badges qui choisissent d’y figurer.',
    recipients: 'Public (page /relais) ; animateurs de la communauté de la Région (export CSV).',
    tables: [
      {
        table: 'directory_entries',
        data: 'collectivité, département, adresse de contact choisie',
        duration: () => 'jusqu’au retrait du consentement (contact effacé aussitôt) ou à l’effacement du compte',
      },
      {
        table: 'consents',
        data: 'consentement donné ou retiré, texte accepté, date',
        duration: () => 'preuve du consentement (art. 7-1), jusqu’à l’effacement du compte',
      },
    ],
  },
  ...FEATURE_PROCESSINGS,
  {
    name: 'Exercice des droits',
    purpose: 'Confirmer une rectification d’adresse ou un effacement ; ne pas recréer une personne effacée.',
    legalBasis: 'Obligation légale (art. 6-1-c RGPD, articles 12 à 17).',
    people: 'Personnes exerçant leurs droits.',
    recipients: 'Personne.',
    tables: [
      {
        table: 'privacy_requests',
        data: 'nouvelle adresse demandée, empreinte du lien de confirmation',
        duration: (d) => `${humanDays(d.signInLinks)} après l’expiration du lien (24 heures)`,
      },
      {
        table: 'erased_identities',
        data: 'empreinte SHA-256 de l’adresse effacée (liste d’opposition), date',
        duration: () => 'durée du programme : empêche qu’un ancien fichier recrée la personne',
      },
    ],
  },
];

/** Tables that hold nothing about a person (checked by the register test too). */
export const NON_PERSONAL_TABLES = [
  'events',
  'issuer_keys',
  'status_lists',
  'revoked_tokens',
  'endorser_keys',
  'endorser_status_lists',
  'wallet_nonces',
];

export const registerTables = () => PROCESSINGS.flatMap((p) => p.tables.map((t) => t.table));

/** docs/registre-traitements.md, from the description and the configuration. */
export function registerMarkdown(privacy: PrivacyConfig): string {
  const d = privacy.retentionDays;
  const out = [
    '# Registre des activités de traitement — Parcours',
    '',
    '<!-- Généré par `npx tsx scripts/registre-traitements.ts` depuis src/privacy/register.ts et la configuration :',
    '     ne pas modifier à la main. -->',
    '',
    `- **Responsable de traitement** : ${privacy.controller.name}, ${privacy.controller.address} ` +
      `(${privacy.controller.email})`,
    `- **Délégué à la protection des données** : ${privacy.dpo.name} (${privacy.dpo.email})`,
    '- **Droits** : accès et portabilité (export ZIP, page « Mes données »), rectification, effacement, retrait du',
    '  consentement, réclamation auprès de la CNIL (www.cnil.fr).',
    '',
  ];
  for (const [i, p] of PROCESSINGS.entries()) {
    out.push(`## ${i + 1}. ${p.name}`, '', `- **Finalité** : ${p.purpose}`, `- **Base légale** : ${p.legalBasis}`);
    out.push(`- **Personnes concernées** : ${p.people}`, `- **Destinataires** : ${p.recipients}`, '');
    out.push('| table | données | durée de conservation |', '| --- | --- | --- |');
    for (const t of p.tables) out.push(`| \`${t.table}\` | ${t.data} | ${t.duration(d)} |`);
    out.push('');
  }
  out.push(
    '## Sécurité',
    '',
    '- Hébergement dans l’Union européenne ; connexions chiffrées (HTTPS) ; clés de signature chiffrées',
    '  (AES-256-GCM) ; journal d’audit des actions des organisateurs ; purge et conservation automatiques',
    '  (tâche périodique, `npm run cli -- retention run --dry-run`).',
    '',
  );
  return out.join('\n');
}
