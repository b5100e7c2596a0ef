import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, doc, service, VALID } from './helpers';

/**
 * Quick fixes for mechanical mistakes. Each is applied, and the result parsed and checked again
 * with a fresh service: a fix that leaves its own finding (or makes a new one) is no fix.
 */

const URI = 'file:///work/cache-misdisplay.postmortem.yaml';

function variant(search: string, replacement: string, base = VALID): string {
  assert.ok(base.includes(search), `baseline lacks ${JSON.stringify(search)}`);
  return base.replace(search, replacement);
}

function actionsFor(text: string, code: string, language = 'en'): CodeAction[] {
  const pm = service({ locale: language });
  const document = doc(text, URI);
  const diagnostics = pm.validate(document).filter((diagnostic) => diagnostic.code === code);
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  return pm.codeActions(document, (diagnostics[0] as Diagnostic).range, [diagnostics[0] as Diagnostic]);
}

function apply(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'expected an action');
  return applyEdits(text, action.edit?.changes?.[URI] ?? []);
}

function codesOf(text: string): string[] {
  return service().validate(doc(text)).map((diagnostic) => String(diagnostic.code));
}

/** The fix titled like `title` turns `before` into `after`, which has no findings at all. */
function fixes(before: string, code: string, title: RegExp, after: string): void {
  const actions = actionsFor(before, code);
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action, `no action ${String(title)} among ${actions.map((candidate) => candidate.title).join(' | ')}`);
  assert.equal(apply(before, action), after);
  assert.deepEqual(codesOf(after), []);
}

describe('quick fixes for mechanical mistakes', () => {
  it('a space instead of `T` in a time', () => {
    fixes(variant('    end: 2021-06-30T12:12\n', '    end: 2021-06-30 12:12\n'), 'schema-format', /^Change `2021-06-30 12:12` to `2021-06-30T12:12`$/, VALID);
  });

  it('`+0900` becomes `+09:00`, and a quoted time keeps its quotes', () => {
    const after = variant('    end: 2021-06-30T12:12\n', '    end: "2021-06-30T12:12+09:00"\n');
    fixes(variant('    end: 2021-06-30T12:12\n', '    end: "2021-06-30T12:12+0900"\n'), 'schema-format', /to `2021-06-30T12:12\+09:00`/, after);
  });

  it('slashes in a date, where a date (not a time) belongs', () => {
    fixes(variant('published: 2021-07-15', 'published: 2021/07/15'), 'schema-format', /to `2021-07-15`/, VALID);
    // A clock in `published` cannot be repaired into a date: no fix rather than a wrong one.
    assert.deepEqual(actionsFor(variant('published: 2021-07-15', 'published: 2021-07-15 10:00'), 'schema-format'), []);
  });

  it('a single value where a list belongs becomes a one-item list', () => {
    fixes(variant('addresses: [cache-config]', 'addresses: cache-config'), 'schema-type', /^Make `addresses` a one-item list$/, VALID);
  });

  it('one kind of exposed data written as text becomes a list, not `none`', () => {
    const listed = variant('  counts:\n', '  data_exposed: [phone numbers]\n  counts:\n');
    const before = listed.replace('[phone numbers]', 'phone numbers');
    const action = actionsFor(before, 'schema-type').find((candidate) => /^Make `data_exposed` a one-item list$/.test(candidate.title));
    assert.equal(apply(before, action), listed);
    // Exposed data and more than 1,000 persons with no `appi` entry: the regulatory hint now applies, and only it.
    assert.deepEqual(codesOf(listed), ['regulatory-hint']);
  });

    it('an unknown key is renamed to its synonym, or removed', () => {
    const stray = variant('contact:\n', 'affected_services: Chat\ncontact:\n');
    const actions = actionsFor(stray, 'schema-unknown-key');
    assert.deepEqual(actions.map((action) => action.title), ['Rename key `affected_services` to `services`', 'Remove `affected_services`']);
    assert.equal(apply(stray, actions[0]), variant('contact:\n', 'services: Chat\ncontact:\n'));
    assert.equal(apply(stray, actions[1]), VALID);
    const nested = variant('    kind: mitigated\n', '    kind: mitigated\n    notes:\n      - restarted twice\n      - by hand\n');
    fixes(nested, 'schema-unknown-key', /^Remove `notes`$/, VALID);
  });

  it('an unknown first key of a list item is removed, and the next key moves behind the dash', () => {
    const before = variant('  - action: Revert the connection setting.\n', '  - owner_team: SRE\n    action: Revert the connection setting.\n');
    fixes(before, 'schema-unknown-key', /^Remove `owner_team`$/, VALID);
  });

  it('a misspelt key is renamed to the closest one', () => {
    fixes(variant('  summary: A cache', '  sumary: A cache'), 'schema-unknown-key', /^Rename key `sumary` to `summary`$/, VALID);
  });

  it('`todo` becomes `planned`', () => {
    const before = variant('    status: done\n    date: 2021-07-02\n', '    status: todo\n');
    fixes(before, 'schema-enum', /^Change `todo` to `planned`$/, variant('    status: done\n    date: 2021-07-02\n', '    status: planned\n'));
  });

  it('until before at: swap them', () => {
    const before = variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T19:00\n    until: 2021-06-30T12:05\n');
    const after = variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T12:05\n    until: 2021-06-30T19:00\n');
    fixes(before, 'until-order', /^Swap `at` and `until`$/, after);
  });

  it('a repeated address is removed, in flow and in block lists', () => {
    fixes(variant('addresses: [cache-config]', 'addresses: [cache-config, cache-config]'), 'duplicate-address', /^Remove the repeated `cache-config`$/, VALID);
    const block = (items: string) => variant('    addresses: [cache-config]\n', `    addresses:\n${items}`);
    fixes(block('      - cache-config\n      - cache-config\n'), 'duplicate-address', /^Remove the repeated/, block('      - cache-config\n'));
  });

  it('a decimal breakdown sum is set as written, not as floating point adds it', () => {
    const counts = (value: string) => variant('      value: 1053\n      breakdown:\n        JP: 264\n        TH: 729\n        TW: 56\n        other: 4\n', `      value: ${value}\n      unit: "%"\n      breakdown:\n        JP: 0.1\n        TH: 0.2\n`);
    fixes(counts('0.5'), 'count-sum', /^Set `value` to the breakdown sum \(0\.3\)$/, counts('0.3'));
  });

  describe('time zones', () => {
    it('an abbreviation offers the zones it can mean, preferring none when it has several', () => {
      const before = variant('timezone: Asia/Tokyo', 'timezone: BST');
      const actions = actionsFor(before, 'timezone-abbreviation');
      assert.deepEqual(actions.map((action) => action.title), ['Set `timezone` to `Europe/London`', 'Set `timezone` to `Asia/Dhaka`', 'Set `timezone` to `UTC`']);
      assert.ok(actions.every((action) => !action.isPreferred));
      const after = apply(before, actions[0]);
      assert.equal(after, variant('timezone: Asia/Tokyo', 'timezone: Europe/London'));
      assert.ok(!codesOf(after).includes('timezone-abbreviation'));
    });
    it('JST has one meaning, preferred', () => {
      const before = variant('timezone: Asia/Tokyo', 'timezone: JST');
      const [first] = actionsFor(before, 'timezone-abbreviation');
      assert.equal(first?.isPreferred, true);
      assert.equal(apply(before, first), VALID);
    });
    it('a misspelt zone: the closest first, then the language\'s zone', () => {
      const before = variant('timezone: Asia/Tokyo', 'timezone: Asia/Tokio').replace('language: en', 'language: en-GB');
      const actions = actionsFor(before, 'schema-timezone');
      assert.deepEqual(actions.map((action) => action.title), ['Set `timezone` to `Asia/Tokyo`', 'Set `timezone` to `Europe/London`', 'Set `timezone` to `UTC`']);
      assert.equal(actions[0]?.isPreferred, true);
      assert.deepEqual(codesOf(apply(before, actions[0])), []);
    });
  });

  describe('sort timeline is offered only where it is relevant', () => {
    // In order by the check's rule (a day contains its hours), yet the sort would move the day up.
    const dayFirst = variant('  - at: 2021-07-02T15:11\n', '  - at: 2021-06-30\n').replace('  - at: 2021-07-15T12:00\n', '  - at: 2021-06-30T11:00\n');
    const titles = (text: string, line: number) => service().codeActions(doc(text, URI), { start: { line, character: 4 }, end: { line, character: 4 } }, []).map((action) => action.title);
    it('not with the cursor elsewhere when no event is certainly out of order', () => {
      assert.deepEqual(codesOf(dayFirst), []);
      assert.deepEqual(titles(dayFirst, 0), []);
    });
    it('with the cursor in the timeline', () => {
      const line = dayFirst.split('\n').indexOf('timeline:') + 2;
      assert.deepEqual(titles(dayFirst, line), ['Sort timeline']);
    });
    it('anywhere when an event is certainly out of order', () => {
      const outOfOrder = variant('  - at: 2021-06-30T12:12\n', '  - at: 2021-06-30T11:59\n');
      assert.deepEqual(titles(outOfOrder, 0), ['Sort timeline']);
    });
  });
});
