/** What other areas use of the rate limits (the verifier): one hit counted in a fixed window, any instance. */
export { hit } from './rate-limit.store';
