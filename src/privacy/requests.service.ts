/** What the confirmation pages read of a pending request (without using it up). */
export { peekRequest } from './privacy.store';
