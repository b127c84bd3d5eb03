/** What other areas use of the consent records (the directory records each opt-in and withdrawal). */
export { consentsOf, recordConsent } from './privacy.store';
