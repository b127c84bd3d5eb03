import { defineMessages } from '../shared/errors';

export const quizzesMessages = defineMessages({});
