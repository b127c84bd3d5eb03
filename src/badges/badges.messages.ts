import { defineMessages } from '../shared/errors';

export const badgesMessages = defineMessages({});
