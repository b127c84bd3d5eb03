import { defineText } from '../../shared/text';

/** The labélisation as the public credential page and « Mes badges » show it. */
export const endorsementCardText = defineText(
  'endorsement-card',
  {
    title: 'Labélisation',
    logoAlt: 'Logo de {name}',
    validUntil: 'Valide jusqu’au {date}',
    'state.valid': 'Labélisation vérifiée',
    'state.withdrawn': 'Labélisation retirée',
    'state.invalid': 'Labélisation non valide',
    'state.unknown': 'Labélisation non vérifiable',
    endorser: 'Identifiant de l’organisme : {id}',
  },
  {
    title: 'Endorsement',
    logoAlt: 'Logo of {name}',
    validUntil: 'Valid until {date}',
    'state.valid': 'Endorsement verified',
    'state.withdrawn': 'Endorsement withdrawn',
    'state.invalid': 'Endorsement not valid',
    'state.unknown': 'Endorsement cannot be verified',
    endorser: 'Endorser identifier: {id}',
  },
);

/** The organiser's page: endorsements, their state and validity, endorse and withdraw. */
export const endorsementsPageText = defineText(
  'endorsements-page',
  {
    title: 'Labélisations',
    lead:
      'Une labélisation est une attestation signée par un organisme (la Région) qui reconnaît un badge. Elle est ' +
      'intégrée à chaque badge délivré ensuite ; la retirer ne retire pas les badges, seulement la labélisation.',
    empty: 'Aucune labélisation pour l’instant.',
    caption: 'Labélisations, de la plus récente à la plus ancienne',
    colBadge: 'Badge',
    colEndorser: 'Organisme',
    colState: 'État',
    colValidity: 'Validité',
    colAction: 'Action',
    validity: 'du {from} au {until}',
    hosted: 'signée par la plateforme',
    offline: 'signée hors ligne par l’organisme',
    'state.requested': 'En attente de signature',
    'state.active': 'Active',
    'state.expired': 'Expirée',
    'state.withdrawn': 'Retirée',
    'state.withdrawal-unsigned': 'Retirée, liste à faire signer',
    reasonLabel: 'Motif du retrait',
    withdraw: 'Retirer',
    withdrawLabel: 'Retirer la labélisation de {badge} par {endorser}',
    withdrawn: 'Labélisation retirée.',
    createTitle: 'Labelliser un badge',
    createHint: 'Pour les organismes dont la plateforme détient les clés (mode hébergé).',
    endorserLabel: 'Organisme',
    badgeLabel: 'Badge',
    create: 'Signer la labélisation',
    created: 'Labélisation signée : elle figurera dans les badges délivrés à partir de maintenant.',
    offlineHint:
      'Organisme qui signe lui-même : npm run cli -- endorse request --achievement <badge> > demande.json, puis ' +
      'endorse sign demande.json --key region.key sur son poste, puis endorse import.',
  },
  {
    title: 'Endorsements',
    lead:
      'An endorsement is a statement signed by an organisation (the Region) that recognises a badge. ' +
      'It is embedded in every badge issued afterwards; withdrawing it does not revoke the badges, ' +
      'only the endorsement.',
    empty: 'No endorsement yet.',
    caption: 'Endorsements, newest first',
    colBadge: 'Badge',
    colEndorser: 'Endorser',
    colState: 'State',
    colValidity: 'Validity',
    colAction: 'Action',
    validity: 'from {from} to {until}',
    hosted: 'signed by the platform',
    offline: 'signed offline by the endorser',
    'state.requested': 'Awaiting signature',
    'state.active': 'Active',
    'state.expired': 'Expired',
    'state.withdrawn': 'Withdrawn',
    'state.withdrawal-unsigned': 'Withdrawn, list to be signed',
    reasonLabel: 'Reason for withdrawal',
    withdraw: 'Withdraw',
    withdrawLabel: 'Withdraw the endorsement of {badge} by {endorser}',
    withdrawn: 'Endorsement withdrawn.',
    createTitle: 'Endorse a badge',
    createHint: 'For endorsers whose keys the platform holds (hosted mode).',
    endorserLabel: 'Endorser',
    badgeLabel: 'Badge',
    create: 'Sign the endorsement',
    created: 'Endorsement signed: it will be part of the badges issued from now on.',
    offlineHint:
      'Endorser signing itself: npm run cli -- endorse request --achievement <badge> > demande.json, then ' +
      'endorse sign demande.json --key region.key on its machine, then endorse import.',
  },
  ['colBadge', 'badgeLabel', 'colAction', 'state.active'],
);
