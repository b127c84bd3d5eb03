/** Who acts: recorded in the audit log and checked by use-cases. Set once per request, by the
 * API's `requireRole` (bearer token) or by the pages' session (cookie): `request.actor`. */
export interface Actor {
  id: string;
  email: string;
  role: 'admin' | 'organiser' | 'learner';
}
