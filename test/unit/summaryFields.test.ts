// The schema's `x-summary` fields: marked once in schemas/postmortem.schema.json, read generically
// into the timeline model, drawn by the preview and written by the notice with no code of their own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalizer } from '../../server/src/service/l10n';
import { buildTimelineModel } from '../../server/src/service/features/timeline/build';
import { renderHtml } from '../../server/src/service/features/notice/html';
import { renderMarkdown } from '../../server/src/service/features/notice/markdown';
import { noticeOutline } from '../../server/src/service/features/notice/outline';
import { parsePostmortem } from '../../server/src/service/parse/parse';
import { createSchemaIndex, type SchemaNode } from '../../server/src/service/schema/schemaIndex';
import { summaryFields, summaryProblems, type SummaryField } from '../../server/src/service/schema/summary';
import { doc, repoRoot, service, VALID } from './helpers';

const realSchema = (): SchemaNode => JSON.parse(readFileSync(join(repoRoot, 'schemas', 'postmortem.schema.json'), 'utf8')) as SchemaNode;
/** The real schema with more top-level properties, as a contributor would add them. */
function schemaWith(properties: Record<string, SchemaNode>): SchemaNode {
  const schema = realSchema();
  schema.properties = { ...schema.properties, ...properties };
  return schema;
}

const JA = VALID.replace('language: en', 'language: ja');
const withFields = (text: string, lines: string) => text.replace(/^(language: \w+\n)/m, `$1${lines}`);
let counter = 0;
function modelWith(text: string, fields: readonly SummaryField[]) {
  const parsed = parsePostmortem({ uri: `file:///summary/${++counter}.postmortem.yaml`, version: 1, text });
  return buildTimelineModel(parsed, { deadlineDays: 30, today: undefined, ui: createLocalizer('en'), summary: fields });
}

/** A value of the field's shape, and how a reader sees it in each language. */
function sample(field: SummaryField): { yaml: string; en: string; ja: string } {
  const one = { text: ['Sample', 'Sample', 'Sample'], number: ['12000', '12,000', '12,000'], date: ['2021-02-09', '2021-02-09', '2021年2月9日'], time: ['2021-02-09T10:30', '2021-02-09 10:30', '2021年2月9日 10:30'], enum: ['', '', ''] }[field.kind];
  if (field.kind === 'enum') {
    const value = Object.keys(field.values.en)[0] ?? '';
    one.splice(0, 3, value, field.values.en[value] ?? value, field.values.ja[value] ?? value);
  }
  const [yaml = '', en = '', ja = ''] = one;
  return field.list ? { yaml: `[${yaml}, ${yaml}]`, en: `${en}, ${en}`, ja: `${ja}、${ja}` } : { yaml, en, ja };
}

describe('summary fields (x-summary in the schema)', () => {
  it('finds every marked field of the real schema with its labels, and no problem', () => {
    const index = createSchemaIndex(realSchema());
    assert.deepEqual(summaryProblems(index), []);
    const keys = summaryFields(index).map((field) => field.key);
    assert.ok(['severity', 'services', 'regions'].every((key) => keys.includes(key)), keys.join(', '));
  });

  it('shows every marked field of the real schema in the model, the preview links and the notice, in English and Japanese', () => {
    const fields = summaryFields(createSchemaIndex(realSchema()));
    const lines = fields.map((field) => `${field.key}: ${sample(field).yaml}\n`).join('');
    for (const [text, language] of [
      [withFields(VALID, lines), 'en'],
      [withFields(JA, lines), 'ja'],
    ] as const) {
      const model = service().timelineModel(doc(text));
      assert.deepEqual(
        model.summary.map((entry) => [entry.key, entry.label, entry.value]),
        fields.map((field) => [field.key, field.label[language], sample(field)[language]]),
      );
      const markdown = service().exportNotice(doc(text), 'md');
      const html = service().exportNotice(doc(text), 'html');
      const separator = language === 'ja' ? '：' : ': ';
      for (const field of fields) {
        assert.ok(markdown.includes(`- **${field.label[language]}**${separator}${sample(field)[language]}`), `${field.key} in the Markdown notice:\n${markdown}`);
        assert.ok(html.includes(`<strong>${field.label[language]}</strong>`), `${field.key} in the HTML notice`);
      }
      const line = text.split('\n').findIndex((row) => row.startsWith(`${fields[0]?.key}:`));
      assert.ok(model.links.some((link) => link.id === 'header' && link.range.start.line === line), 'the field links to its line');
    }
  });

  it('shows a field a contributor marks in the schema, with no other change: text, figure, date, enum and an internal one', () => {
    const schema = schemaWith({
      customer_tier: { description: 'Tier.', 'x-description-ja': '階層。', 'x-summary': true, 'x-label': 'Customer tier', 'x-label-ja': '顧客区分', type: 'string' },
      cost: { description: 'Cost.', 'x-description-ja': '費用。', 'x-summary': true, 'x-label': 'Cost', 'x-label-ja': '費用', type: 'integer' },
      decided: { description: 'Day.', 'x-description-ja': '日。', 'x-summary': true, 'x-label': 'Decided', 'x-label-ja': '決定日', $ref: '#/definitions/date' },
      scope: { description: 'Scope.', 'x-description-ja': '範囲。', 'x-summary': true, 'x-label': 'Scope', 'x-label-ja': '範囲', type: 'string', enum: ['global', 'local'], 'x-value-labels': { global: 'Global', local: 'Local' }, 'x-value-labels-ja': { global: '全体', local: '一部' } },
      oncall_channel: { description: 'Channel.', 'x-description-ja': 'チャンネル。', 'x-summary': 'internal', 'x-label': 'On-call channel', 'x-label-ja': '当番チャンネル', type: 'string' },
    });
    const index = createSchemaIndex(schema);
    assert.deepEqual(summaryProblems(index), []);
    const fields = summaryFields(index);
    const lines = 'customer_tier: enterprise\ncost: 30910000\ndecided: 2021-07-01\nscope: local\noncall_channel: "#inc-42"\n';
    const en = modelWith(withFields(VALID, lines), fields);
    const added = (model: typeof en) => model.summary.filter((entry) => !['severity', 'services', 'regions'].includes(entry.key)).map((entry) => [entry.label, entry.value, entry.internal]);
    assert.deepEqual(added(en), [
      ['Customer tier', 'enterprise', false],
      ['Cost', '30,910,000', false],
      ['Decided', '2021-07-01', false],
      ['Scope', 'Local', false],
      ['On-call channel', '#inc-42', true],
    ]);
    const ja = modelWith(withFields(JA, lines), fields);
    assert.deepEqual(added(ja), [
      ['顧客区分', 'enterprise', false],
      ['費用', '3,091万', false],
      ['決定日', '2021年7月1日', false],
      ['範囲', '一部', false],
      ['当番チャンネル', '#inc-42', true],
    ]);
    const publicNotice = renderMarkdown(noticeOutline(en, 'public'));
    assert.match(publicNotice, /^- \*\*Customer tier\*\*: enterprise$/m);
    assert.match(publicNotice, /^- \*\*Scope\*\*: Local$/m);
    assert.doesNotMatch(publicNotice, /On-call channel|inc-42/, 'an internal field stays out of the public notice');
    assert.match(renderMarkdown(noticeOutline(en, 'internal')), /^- \*\*On-call channel\*\*: #inc-42$/m);
    assert.match(renderHtml(noticeOutline(ja, 'public'), 'ja'), /<strong>費用<\/strong>：3,091万/);
  });

  it('fails on a marked field without its English or Japanese label', () => {
    const index = createSchemaIndex(
      schemaWith({
        no_ja: { description: 'x', 'x-summary': true, 'x-label': 'English only', type: 'string' },
        no_en: { description: 'x', 'x-summary': true, 'x-label-ja': '日本語だけ', type: 'string' },
        blank: { description: 'x', 'x-summary': true, 'x-label': ' ', 'x-label-ja': '空', type: 'string' },
      }),
    );
    assert.deepEqual(summaryProblems(index), ['no_ja: no Japanese label (`x-label-ja`)', 'no_en: no English label (`x-label`)', 'blank: no English label (`x-label`)']);
  });

  it('fails on an enum value without its labels, and on a shape it cannot show', () => {
    const index = createSchemaIndex(
      schemaWith({
        scope: { 'x-summary': true, 'x-label': 'Scope', 'x-label-ja': '範囲', type: 'string', enum: ['global', 'local'], 'x-value-labels': { global: 'Global', local: 'Local' }, 'x-value-labels-ja': { global: '全体' } },
        owner: { 'x-summary': true, 'x-label': 'Owner', 'x-label-ja': '担当', type: 'object' },
        flag: { 'x-summary': 'yes' as unknown as true, 'x-label': 'Flag', 'x-label-ja': '旗', type: 'string' },
      }),
    );
    assert.deepEqual(summaryProblems(index), [
      'scope: no ja label for the value `local` (`x-value-labels-ja`)',
      'owner: only text, numbers, dates, times, enum values or lists of one of them can be a summary field',
      'flag: `x-summary` is `true` or `"internal"`',
    ]);
  });
});

describe('top-level fields: hover and the format reference', () => {
  it('describes every top-level property in English and Japanese, for hover and completion', () => {
    const undescribed = Object.entries(realSchema().properties ?? {})
      .filter(([, property]) => !property.description?.trim() || !property['x-description-ja']?.trim())
      .map(([key]) => key);
    assert.deepEqual(undescribed, [], 'give each its `description` and `x-description-ja`');
  });

  it('gives every top-level property of the schema a row in docs/postmortem-format.md', () => {
    const reference = readFileSync(join(repoRoot, 'docs', 'postmortem-format.md'), 'utf8');
    const table = /^## Top level\n([\s\S]*?)\n\n/m.exec(reference)?.[1] ?? '';
    const rows = new Set([...table.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]));
    const missing = Object.keys(realSchema().properties ?? {}).filter((key) => !rows.has(key));
    assert.deepEqual(missing, [], 'add a row to the "Top level" table of docs/postmortem-format.md');
  });
});
