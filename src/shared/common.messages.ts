import { defineMessages } from './errors';

export const commonMessages = defineMessages({});
