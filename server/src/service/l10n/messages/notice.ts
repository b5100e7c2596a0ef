import { defineMessages } from '../define';

export const noticeMessages = defineMessages({
  en: {},
  ja: {},
});
