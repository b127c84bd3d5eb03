import type { AreaWeb } from '../../web/web.plugin';
import { learnerSignInPages } from './learner-sign-in.routes';
import { organiserSignInPages } from './organiser-sign-in.routes';
import { signOutPages } from './sign-out.routes';
import { signInText } from './learner-sign-in.text';
import { organiserSignInText } from './organiser-sign-in.text';

/** Signing in and out: the learners' e-mailed link, the organisers' password. */
export const authWeb: AreaWeb = {
  public: [learnerSignInPages, organiserSignInPages, signOutPages],
  texts: [signInText, organiserSignInText],
};
