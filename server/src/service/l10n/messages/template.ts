import { defineMessages } from '../define';

export const templateMessages = defineMessages({
  en: {
    'template.title': 'What happened, in one line',
    'template.overview': 'Between when and when, what did people see, and how many were affected? Write the summary here.',
    'template.impactSummary': 'Who was affected and how.',
    'template.causeSummary': 'Why it happened.',
    'template.factor': 'A condition that let it happen; countermeasures point at it by id.',
    'template.event': 'The incident begins.',
    'template.action': 'What will prevent it from happening again.',
    'template.zone': 'UTC',
  },
  ja: {
    'template.title': '何が起きたかを 1 行で',
    'template.overview': 'いつからいつまで、利用者に何が起き、どれだけの方が影響を受けたかをここにまとめます。',
    'template.impactSummary': '影響を受けた方と影響の内容。',
    'template.causeSummary': 'なぜ起きたか。',
    'template.factor': '事象を許した条件。再発防止策は ID でこれを指します。',
    'template.event': '事象が発生。',
    'template.action': '再発を防ぐための対策。',
    'template.zone': 'Asia/Tokyo',
  },
});
