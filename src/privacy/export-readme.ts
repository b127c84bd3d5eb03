/** README.txt of a data export: what each file is, in French (the learners' language). */
export const exportReadme = (generatedAt: string) => `VOS DONNÉES PERSONNELLES — PARCOURS
Export produit le ${generatedAt} (droit d'accès, art. 15 RGPD, et droit à la portabilité, art. 20).

Ce dossier contient tout ce que la plateforme Parcours conserve à votre sujet.

mes-donnees.json
  Toutes vos données, au format JSON (lisible par un programme ou un éditeur de texte) :
  - identity : votre identité (identifiant, adresse électronique, anciennes adresses, nom,
    organisation, langue, dates de création et de modification du compte) ;
  - attendance : vos présences par événement (statut, minutes, heures d'arrivée et de départ,
    source et nom du fichier d'import dont elles proviennent, note d'un organisateur) ;
  - answers : vos réponses aux questionnaires, avec le score et le pourcentage obtenus ;
  - awards : les badges qui vous ont été attribués (règle ou décision d'un organisateur, preuves) ;
  - credentials : la liste de vos attestations numériques (Open Badges 3.0), avec leur état
    (valide, révoquée ou remplacée) et les fichiers qui les contiennent ;
  - emails : les courriels qui vous ont été envoyés (le corps des liens de connexion est effacé
    après envoi ; les courriels envoyés sont supprimés au bout de la durée de conservation) ;
  - consents : vos consentements (annuaire des relais data) et leurs retraits, avec le texte accepté ;
  - directory : votre fiche dans l'annuaire « Relais data du territoire », si vous en avez une ;
  - apiGrants : les plateformes que vous avez autorisées à lire vos badges (API Open Badges 3.0) :
    nom de la plateforme, portée autorisée, dates d'autorisation et de retrait, accès retiré ou non
    (les jetons d'accès ne sont conservés qu'en empreinte et ne figurent pas ici) ;
  - wallet : vos badges remis à un portefeuille numérique : les liens d'ajout (exchanges, avec
    l'identifiant DID du portefeuille et les dates), les copies de vos attestations émises pour ce
    portefeuille (copies) et votre choix d'afficher votre nom sur vos badges (nameOnBadges : shown,
    decidedAt) ;
  - reminders : les rappels qui vous ont été envoyés (sent : règle, objet, dates) et les rappels que
    vous avez refusés (optOuts) ;
  - audit : les entrées du journal d'audit qui vous concernent (qui a fait quoi, quand).

credentials/<identifiant>.json
  Chaque attestation signée, au format JSON-LD (Verifiable Credential, preuve Data Integrity
  eddsa-rdfc-2022). Vous pouvez la déposer dans un portefeuille numérique ou la faire vérifier
  sur la page « Vérifier un badge » de la plateforme.

credentials/<identifiant>.jwt
  La même attestation au format VC-JWT (signature ES256), pour les outils qui préfèrent ce format.

Vos attestations ne contiennent pas votre adresse en clair : seulement une empreinte salée
(sha256) qui permet de prouver qu'elles vous appartiennent.

Pour rectifier vos données, supprimer votre compte ou retirer un consentement : page « Mes données »
de la plateforme. Pour toute question : voir la page « Confidentialité » (contact du délégué à la
protection des données).
`;
