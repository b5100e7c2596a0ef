import { defineMessages } from '../define';

/** Format 1.1's checks and the quick fixes for mechanical mistakes. */
export const checksMessages = defineMessages({
  en: {
    'check.untilOrder': 'This event ends (`until: {0}`) before it starts (`at: {1}`). Swap the two, or correct one of them.',
    'check.detectedBeforeImpact': 'Detected at {0}, before the impact started ({1}): the time to detect would be negative. Check `impact.period.start`, or use another `kind` for this event.',
    'check.countSumAtMost': 'The breakdown of "{2}" adds up to {1}, more than its upper bound of {0} (`qualifier: at_most`). Fix a figure or raise `value` to {1}.',
    'check.duplicateAddress': 'The factor `{0}` is already listed in this `addresses`. Remove the repeat, or name the factor you meant.',
    'check.doneInFuture': 'This countermeasure is `done`, but its `date` ({0}) is after today ({1}). Use the day it was done, or a status such as `in_progress` with `due: {0}`.',
    'check.overdue': 'Overdue: "{1}" was due on {0} and is not done (today is {2}). Update its `status`, or set a new `due` date.',
    'check.timezoneAbbreviation': '`{0}` is an abbreviation, not a time zone: it can mean {1}, and some tools read it as yet another zone. Write the IANA zone, e.g. `{2}`.',
    'check.unknownTimeZoneSuggest': '`{0}` is not a known time zone. Did you mean `{1}`?',
    'action.swapUntil': 'Swap `at` and `until`',
    'action.removeRepeat': 'Remove the repeated `{0}`',
    'action.useTimeT': 'Write `{0}` (a `T` between date and time)',
    'action.useTime': 'Write `{0}`',
    'action.makeList': 'Make `{0}` a one-item list',
    'action.removeKey': 'Remove `{0}`',
    'action.useZone': 'Use `timezone: {0}`',
  },
  ja: {
    'check.untilOrder': 'この出来事は開始（`at: {1}`）より前に終わって（`until: {0}`）います。2 つを入れ替えるか、どちらかを直してください。',
    'check.detectedBeforeImpact': '検知（{0}）が影響の開始（{1}）より前で、検知までの時間が負になります。`impact.period.start` を確認するか、この出来事に別の `kind` を使ってください。',
    'check.countSumAtMost': '「{2}」の内訳の合計は {1} で、上限の {0}（`qualifier: at_most`）を超えています。数値を直すか、`value` を {1} にしてください。',
    'check.duplicateAddress': '原因要素 `{0}` はこの `addresses` にすでにあります。重複を削除するか、意図した要素を書いてください。',
    'check.doneInFuture': 'この再発防止策は `done`（完了）ですが、`date`（{0}）が今日（{1}）より後です。実施した日にするか、`in_progress` などの状態と `due: {0}` にしてください。',
    'check.overdue': '期限切れ: 「{1}」の期限は {0} ですが完了していません（今日は {2}）。`status` を更新するか、新しい `due` を設定してください。',
    'check.timezoneAbbreviation': '`{0}` は略称で、タイムゾーンではありません。{1} のいずれの意味にもなり、ツールによっては別のゾーンとして読まれます。`{2}` のような IANA 名で書いてください。',
    'check.unknownTimeZoneSuggest': '`{0}` は既知のタイムゾーンではありません。`{1}` の誤りではありませんか？',
    'action.swapUntil': '`at` と `until` を入れ替える',
    'action.removeRepeat': '重複した `{0}` を削除',
    'action.useTimeT': '`{0}` にする（日付と時刻の間に `T`）',
    'action.useTime': '`{0}` にする',
    'action.makeList': '`{0}` を 1 項目のリストにする',
    'action.removeKey': '`{0}` を削除',
    'action.useZone': '`timezone: {0}` にする',
  },
});
