import { defineMessages } from '../define';

export const limitsMessages = defineMessages({
  en: {
    'limits.tooLarge':
      'This document is {0}, above the {1} limit for checking: syntax, schema and rule checks, completion, hover, the outline and the preview are off for it. To check it anyway, raise `postmortem.maxDocumentBytes` (now {2}) in the settings, or `max_document_bytes` in postmortem.config.yaml.',
  },
  ja: {
    'limits.tooLarge':
      'この文書は {0} あり、検査の上限 {1} を超えています。構文・スキーマ・ルールの検査、補完、ホバー、アウトライン、プレビューは無効です。検査するには、設定の `postmortem.maxDocumentBytes`（現在 {2}）か postmortem.config.yaml の `max_document_bytes` を大きくしてください。',
  },
});
