import { defineMessages } from '../shared/errors';

export const attendanceMessages = defineMessages({});
