import { defineText } from '../../shared/text';

/** /confidentialite: the headings; the content comes from src/privacy/register.ts and the configuration. */
export const noticeText = defineText(
  'privacy-notice',
  {
    title: 'Confidentialité et protection des données',
    lead: 'Qui traite vos données, pourquoi, combien de temps, et comment exercer vos droits.',
    controller: 'Responsable de traitement',
    dpo: 'Délégué à la protection des données',
    processings: 'Traitements',
    purpose: 'Finalité',
    legalBasis: 'Base légale',
    people: 'Personnes concernées',
    recipients: 'Destinataires',
    colTable: 'Données',
    colDuration: 'Durée de conservation',
    rights: 'Vos droits',
    rightsBody:
      'Accès et portabilité (export ZIP), rectification, effacement, retrait d’un consentement : depuis la ' +
      'page « Mes données » une fois connecté, ou par courrier au responsable de traitement. Vous pouvez ' +
      'aussi adresser une réclamation à la CNIL (www.cnil.fr).',
    myData: 'Mes données',
    frenchOnly: 'Le détail de chaque traitement, avec la durée de conservation de chaque donnée :',
  },
  {
    title: 'Privacy and data protection',
    lead: 'Who processes your data, why, for how long, and how to exercise your rights.',
    controller: 'Controller',
    dpo: 'Data protection officer',
    processings: 'Processing activities',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    people: 'Data subjects',
    recipients: 'Recipients',
    colTable: 'Records',
    colDuration: 'Retention',
    rights: 'Your rights',
    rightsBody:
      'Access and portability (ZIP export), rectification, erasure, withdrawal of consent: from the “My data” ' +
      'page once signed in, or by post to the controller. You may also complain to the CNIL (www.cnil.fr).',
    myData: 'My data',
    frenchOnly: 'The details of each processing activity below are given in French, the language of the register.',
  },
);
