// Deterministic postmortems of any size for the benchmark and the property test. Every document is
// valid per docs (schema and cross-field rules): a clean document measures the steady state a writer
// lives in, and a diagnostic that appears in a run then means something changed.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import random from './random.cjs';

export const { createRandom } = random;

const SUBJECTS = ['キャッシュサーバー', '認証基盤', 'メッセージ配信システム', '公式アカウント管理画面', 'データベース', '画像変換サーバー', '通知サービス', '問い合わせフォーム'];
const ACTIONS = ['の接続設定を変更する', 'でエラー率の上昇を検知する', 'を再起動し、送信エラーが止まったことを確かめる', 'の設定を元に戻す', 'のログを調査し、影響範囲を特定する', 'へのアクセスを一時的に制限する', 'の監視を強化する', 'の負荷が下がったことを確認する'];
const KINDS = ['occurred', 'detected', 'responded', 'mitigated', 'other', 'responded', 'other', 'notified'];
const COUNTRIES = ['JP', 'TW', 'TH', 'ID', 'other'];

const pick = (random, list) => list[Math.floor(random() * list.length)];
const pad = (value) => String(value).padStart(2, '0');

/** Minutes after 2021-06-30T12:00 (Japan time) as a time without offset; the document sets a timezone. */
function timeAt(minutes) {
  const date = new Date(Date.UTC(2021, 5, 30, 12, 0) + minutes * 60_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

function dateAt(minutes) {
  return timeAt(minutes).slice(0, 10);
}

/**
 * A postmortem with `events` timeline events; counts, factors, countermeasures and revisions grow in
 * proportion (1 count and 2 factors per 40 events, a countermeasure per factor, a revision per 200).
 */
export function generatePostmortem(events, seed = 1) {
  const random = createRandom(seed * 7919 + events);
  const factorCount = Math.max(2, Math.round(events / 20));
  const countCount = Math.max(1, Math.round(events / 40));
  const revisionCount = Math.max(1, Math.round(events / 200));
  // Two minutes per event keeps 10,000 events within the 30-day disclosure window.
  const lastMinute = events * 2;
  const publishedDate = dateAt(lastMinute + 24 * 60);
  const lines = [
    'postmortem: 1',
    `id: bench-${events}-events`,
    `title: ベンチマーク用の障害報告（${events}件の時系列）`,
    'status: published',
    'language: ja',
    'timezone: Asia/Tokyo',
    `published: ${publishedDate}`,
    'revisions:',
  ];
  for (let i = 0; i < revisionCount; i++) {
    lines.push(`  - date: ${publishedDate}`, `    note: お知らせを更新（第${i + 1}版）`);
  }
  lines.push(
    'overview: >-',
    '  2021年6月30日12時00分ごろから、キャッシュサーバーへの接続設定を変えたことによる障害で、',
    '  メッセージの一部が本来とは別のトークルームに表示されました。',
    'impact:',
    '  period:',
    `    start: ${timeAt(0)}`,
    `    end: ${timeAt(lastMinute)}`,
    '  summary: 一部の利用者のアプリで、メッセージが別のトークルームに表示されました。',
    '  effects:',
    '    - 受け取ったメッセージが、本来の送信元とは別のトークルームに表示された',
    '  counts:',
  );
  for (let i = 0; i < countCount; i++) {
    const parts = COUNTRIES.map(() => Math.floor(random() * 5000));
    const total = parts.reduce((sum, part) => sum + part, 0);
    lines.push(`    - label: 影響を受けた利用者数（区分${i + 1}）`, `      value: ${total}`, '      unit: ユーザー', '      breakdown:');
    COUNTRIES.forEach((country, index) => lines.push(`        ${country}: ${parts[index]}`));
  }
  lines.push('cause:', '  summary: >-', '    6月29日に変更したキャッシュサーバーへの接続設定が原因で障害が起きました。', '  factors:');
  for (let i = 0; i < factorCount; i++) {
    lines.push(`    - id: factor-${i + 1}`, `      description: ${pick(random, SUBJECTS)}${pick(random, ACTIONS)}手順に不備があった（要因${i + 1}）`);
  }
  lines.push('  trigger: 6月30日12時00分ごろ、キャッシュサーバーへの接続に起因する障害が発生した。', 'detection:', '  method: internal_monitoring', 'timeline:');
  for (let i = 0; i < events; i++) {
    const kind = i === 0 ? 'occurred' : i === 1 ? 'detected' : pick(random, KINDS);
    lines.push(`  - at: ${timeAt(i * 2)}`, `    event: ${pick(random, SUBJECTS)}${pick(random, ACTIONS)}（第${i + 1}報）`, `    kind: ${kind}`);
  }
  lines.push('countermeasures:');
  for (let i = 0; i < factorCount; i++) {
    const done = random() < 0.5;
    lines.push(
      `  - id: measure-${i + 1}`,
      `    action: ${pick(random, SUBJECTS)}の運用手順を見直し、再発を防ぐ（対策${i + 1}）`,
      `    type: ${random() < 0.7 ? 'technical' : 'organizational'}`,
      `    status: ${done ? 'done' : 'planned'}`,
      ...(done ? [`    date: ${publishedDate}`] : []),
      `    addresses: [factor-${i + 1}]`,
    );
  }
  lines.push('contact:', '  url: https://example.com/contact', '  note: お問い合わせはこちらから');
  return lines.join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const events = Number(process.argv[2] ?? 1000);
  const text = generatePostmortem(events);
  const out = process.argv[3];
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
