import type { TestContext } from '../helpers/app';
import { deliverDue } from '../../src/notifications/deliver';
import { enqueueMail, markFailed } from '../../src/notifications/outbox.store';
import { zoomWebinarReport } from '../imports/zoom-report';

/** An outbox with one sent message and one that failed for good. */
export async function seedOutbox(ctx: TestContext) {
  const db = ctx.database.db;
  await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/magic-link',
    payload: { email: 'agent.envoye@mairie-valbrune.fr' },
  });
  await deliverDue(db, ctx.mailer);
  const failed = await enqueueMail(db, 'agent.injoignable@mairie-valbrune.fr', 'magic-link', {
    subject: 'Votre lien de connexion à Parcours',
    text: 't',
    html: '<p>t</p>',
  });
  await markFailed(db, failed, 'smtp', 'connect ECONNREFUSED 10.0.0.25:25', null, new Date());
}

/** The Zoom report of webinar 1 the organiser imports: three attendees, a host, one row without an e-mail. */
export const webinarReport = () =>
  zoomWebinarReport(
    [
      {
        name: 'Hélène Lefèvre',
        email: 'helene.lefevre@mairie-valbrune.example',
        join: '10:01:12',
        leave: '11:31:40',
        minutes: 91,
        org: 'Mairie de Valbrune',
      },
      {
        name: 'Marc Dupont',
        email: 'marc.dupont@cc-des-lacs.example',
        join: '10:00:00',
        leave: '10:30:00',
        minutes: 30,
        org: 'CC des Lacs',
      },
      {
        name: 'Inès Moreau',
        email: 'ines.moreau@dept-21.example',
        join: '09:58:40',
        leave: '12:00:00',
        minutes: 122,
        org: 'Département',
      },
    ],
    [{ name: 'Animatrice Civiteo', email: 'animation@civiteo.example' }],
    [{ name: 'Zoé Martin', join: '10:05:00', leave: '11:50:00', minutes: 105 }],
  );
