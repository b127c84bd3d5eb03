import type { Db } from '../db/client';
import { addOrganiser } from '../auth/organisers.service';
import type { ParsedArgs } from './args';
import { askHidden } from './prompt';

export async function organiserCommand(services: { db: Db }, { positional, flags }: ParsedArgs) {
  const [action, email] = positional;
  if (action !== 'add' || !email)
    throw new Error('usage: npm run cli -- organiser add EMAIL [--password P] [--role admin|organiser] [--name NAME]');
  const password = typeof flags.password === 'string' ? flags.password : await askHidden('Mot de passe / password: ');
  if (password.length < 10)
    throw new Error('Mot de passe trop court (10 caractères minimum) / password too short (10 characters minimum)');
  const role = flags.role === 'admin' ? 'admin' : 'organiser';
  const row = await addOrganiser(services.db, null, {
    email,
    password,
    role,
    name: typeof flags.name === 'string' ? flags.name : undefined,
  });
  console.log(`Organisateur ajouté / organiser added: ${row.email} (${row.role})`);
}
