import { defineMessages } from '../define';

export const completionMessages = defineMessages({
  en: {},
  ja: {},
});
