import { defineMessages } from '../define';

/** Strings for the fields format 1.1 added: their values in hover and completion, and their shapes. */
export const format11Messages = defineMessages({
  en: {
    'type.or': '{0} or {1}',
    'schema.formatTicket': '`{0}` is not a ticket. Write a URL, or an issue key without spaces such as `OPS-123`.',
    'hover.value.postmortem.1.1': 'Format version 1.1: version 1 plus optional fields for follow-up work, lessons, windows, severity and links. A document that says `1` may use them as well.',
    'hover.value.status.wont_do': 'Decided against; `reason` says why.',
    'hover.value.report.preliminary': 'A first report (速報), published while facts are still being gathered; a final one follows.',
    'hover.value.report.final': 'The final report (確報): the facts are settled.',
    'hover.value.data_exposed.none': 'No personal data was exposed; the notice says so explicitly.',
    'hover.value.approximate.true': 'The times of this event are approximate ("around"); ordering checks allow for it.',
    'hover.value.approximate.false': 'The times of this event are as recorded (the default).',
  },
  ja: {
    'type.or': '{0}または{1}',
    'schema.formatTicket': '`{0}` はチケットではありません。URL、または `OPS-123` のような空白を含まない課題キーを書いてください。',
    'hover.value.postmortem.1.1': 'フォーマット第1.1版です。第1版に、フォローアップ作業・教訓・影響期間・重大度・リンクの任意フィールドを加えたものです。`1` と書いた文書でもこれらを使えます。',
    'hover.value.status.wont_do': '実施しないと決定しました。理由を `reason` に書きます。',
    'hover.value.report.preliminary': '速報です。事実の確認中に公開するもので、後に確報が続きます。',
    'hover.value.report.final': '確報です。事実が確定しています。',
    'hover.value.data_exposed.none': '個人情報の漏えいはありません。お知らせにもそのことを明記します。',
    'hover.value.approximate.true': 'この出来事の日時はおおよそ（頃）です。順序のチェックはその幅を見込みます。',
    'hover.value.approximate.false': 'この出来事の日時は記録どおりです（既定値）。',
  },
});
