import { defineMessages } from '../define';

export const actionsMessages = defineMessages({
  en: {},
  ja: {},
});
