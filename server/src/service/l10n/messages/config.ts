import { defineMessages } from '../define';

/** The project configuration: its own findings, and what it adds to postmortems. */
export const configMessages = defineMessages({
  en: {
    'config.duplicateId': '`{0}` is declared twice in `{1}`; the second entry is ignored.',
    'config.unknownRule': 'No check has the code `{0}`, so this override changes nothing.',
    'config.unknownRuleSuggest': 'No check has the code `{0}`: did you mean `{1}`?',
    'rule.unknownSeverity': '`{0}` is not a severity of this project. Its scale (postmortem.config.yaml): {1}.',
    'rule.unknownSeveritySuggest': '`{0}` is not a severity of this project: did you mean `{1}`? Its scale (postmortem.config.yaml): {2}.',
    'rule.unknownCategory': '`{0}` is not a cause category of this project. Its categories (postmortem.config.yaml): {1}.',
    'rule.unknownCategorySuggest': '`{0}` is not a cause category of this project: did you mean `{1}`? Its categories (postmortem.config.yaml): {2}.',
    'hover.project.severity': 'Level {0} of {1} on this project\'s severity scale (postmortem.config.yaml).',
    'hover.project.category': 'A cause category of this project (postmortem.config.yaml).',
    'hover.project.unknown': 'Not declared in this project\'s postmortem.config.yaml.',
    'hover.project.ticket': 'Ticket [{0}]({1})',
    'completion.project.scale': 'From postmortem.config.yaml',
    'config.cli.badName': '--config {0}: the project configuration is named postmortem.config.yaml (give the file or its folder).',
    'config.cli.notFound': '--config {0}: no postmortem.config.yaml there.',
  },
  ja: {
    'config.duplicateId': '`{0}` が `{1}` に 2 回宣言されています。2 つ目は無視されます。',
    'config.unknownRule': 'コード `{0}` のチェックはないため、この設定は何も変えません。',
    'config.unknownRuleSuggest': 'コード `{0}` のチェックはありません。`{1}` の誤りではありませんか？',
    'rule.unknownSeverity': '`{0}` はこのプロジェクトの重大度にありません。重大度の段階（postmortem.config.yaml）：{1}。',
    'rule.unknownSeveritySuggest': '`{0}` はこのプロジェクトの重大度にありません。`{1}` の誤りではありませんか？重大度の段階（postmortem.config.yaml）：{2}。',
    'rule.unknownCategory': '`{0}` はこのプロジェクトの原因分類にありません。分類（postmortem.config.yaml）：{1}。',
    'rule.unknownCategorySuggest': '`{0}` はこのプロジェクトの原因分類にありません。`{1}` の誤りではありませんか？分類（postmortem.config.yaml）：{2}。',
    'hover.project.severity': 'このプロジェクトの重大度 {1} 段階のうち {0} 番目です（postmortem.config.yaml）。',
    'hover.project.category': 'このプロジェクトの原因分類です（postmortem.config.yaml）。',
    'hover.project.unknown': 'このプロジェクトの postmortem.config.yaml で宣言されていません。',
    'hover.project.ticket': 'チケット [{0}]({1})',
    'completion.project.scale': 'postmortem.config.yaml より',
    'config.cli.badName': '--config {0}: プロジェクト設定のファイル名は postmortem.config.yaml です（ファイルかそのフォルダーを指定してください）。',
    'config.cli.notFound': '--config {0}: そこに postmortem.config.yaml がありません。',
  },
});
