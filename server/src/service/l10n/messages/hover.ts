import { defineMessages } from '../define';

export const hoverMessages = defineMessages({
  en: {},
  ja: {},
});
