import { defineMessages } from '../define';

/** Bilingual parity: two language versions of one incident must state the same facts. */
export const parityMessages = defineMessages({
  en: {
    'parity.differs': '{0} differs from the {1} version ({2}), which says `{3}`.',
    'parity.missing': '{0} is not in the {1} version ({2}).',
    'parity.length': '{0} has {1} entries here and {4} in the {2} version ({3}).',
    'parity.related': 'The {0} version: `{1}`',
    'parity.unknownLanguage': 'other-language',
    'parity.copy': 'Use the value of the {0} version: `{1}`',
  },
  ja: {
    'parity.differs': '{0} が{1}版（{2}）と異なります。{1}版では `{3}` です。',
    'parity.missing': '{0} は{1}版（{2}）にありません。',
    'parity.length': '{0} はここでは{1}件、{2}版（{3}）では{4}件です。',
    'parity.related': '{0}版：`{1}`',
    'parity.unknownLanguage': '他言語',
    'parity.copy': '{0}版の値を使う：`{1}`',
  },
});
