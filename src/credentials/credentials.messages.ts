import { defineMessages } from '../shared/errors';

export const credentialsMessages = defineMessages({});
