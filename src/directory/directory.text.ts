import { defineText } from '../shared/text';

/** Words of the directory's service and CSV (the pages have their own text in web/). */
export const directoryText = defineText(
  'directory',
  {
    required: 'obligatoire',
    consentWording:
      'J’accepte que mon nom, ma collectivité, mon département, mes badges et le contact que je choisis ' +
      'soient publiés dans l’annuaire « Relais data du territoire », consultable par tous, ' +
      'et transmis aux animateurs de la communauté de la Région. Je peux retirer ce consentement à tout moment.',
    withdrawWording: 'Retrait du consentement à figurer dans l’annuaire « Relais data du territoire ».',
    csvName: 'Nom',
    csvCollectivite: 'Collectivité',
    csvDepartment: 'Département',
    csvBadges: 'Badges',
    csvContact: 'Contact',
  },
  {
    required: 'required',
    consentWording:
      'I agree that my name, collectivité, department, badges and the contact I choose be published in the ' +
      '“Relais data du territoire” directory, open to everyone, and passed to the Region’s community managers. ' +
      'I may withdraw this consent at any time.',
    withdrawWording: 'Consent to appear in the “Relais data du territoire” directory withdrawn.',
    csvName: 'Name',
    csvCollectivite: 'Local authority',
    csvDepartment: 'Department',
    csvBadges: 'Badges',
    csvContact: 'Contact',
  },
  ['csvBadges', 'csvContact'],
);
