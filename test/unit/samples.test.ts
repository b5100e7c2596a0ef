import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { compareWithExpectations, readExpectations } from '../common/markers';
import { parseProjectConfig } from '../../server/src/service';
import { doc, readSample, sampleFiles, service as plainService } from './helpers';

/**
 * The samples are checked as the editor checks them there: with samples/postmortem.config.yaml, and
 * with a today (the editor's is the real date; the broken sample's dates are far enough either way).
 */
function service() {
  const checker = plainService({ settings: { today: '2026-01-01' } });
  checker.configureProject(parseProjectConfig(readSample('postmortem.config.yaml')).config);
  return checker;
}

describe('samples', () => {
  const names = sampleFiles().filter((name) => name !== 'broken.postmortem.yaml');

  it('has a sample for each seed, Japanese and English', () => {
    assert.ok(names.length >= 5, `only ${names.length} samples`);
    assert.ok(names.filter((name) => name.includes('.en.')).length >= 2);
  });

  for (const name of names) {
    it(`${name} has no error or warning`, () => {
      const findings = service()
        .validate(doc(readSample(name)))
        .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error || diagnostic.severity === DiagnosticSeverity.Warning);
      assert.deepEqual(findings.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
    });
  }

  it('broken.postmortem.yaml triggers each expected code on its marked line and nothing else', () => {
    const text = readSample('broken.postmortem.yaml');
    const diagnostics = service().validate(doc(text));
    const { missing, unexpected } = compareWithExpectations(
      readExpectations(text),
      diagnostics.map((d) => ({ line: d.range.start.line, code: d.code })),
    );
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
  });

  it('postmortem.config.yaml is a clean project configuration', () => {
    assert.deepEqual(parseProjectConfig(readSample('postmortem.config.yaml')).diagnostics, []);
  });

  it('broken.postmortem.yaml covers every check of the spec table', () => {
    const codes = new Set(service().validate(doc(readSample('broken.postmortem.yaml'))).map((d) => String(d.code).replace(/^schema-.*/, 'schema')));
    for (const code of ['yaml-syntax', 'schema', 'timeline-order', 'period-order', 'count-sum', 'unknown-factor', 'unaddressed-factor', 'duplicate-id', 'ambiguous-time', 'disclosure-lag', 'done-without-date', 'insecure-contact', 'unknown-severity', 'unknown-category', 'until-order', 'detected-before-impact', 'duplicate-address', 'done-in-future', 'overdue']) {
      assert.ok(codes.has(code), `no ${code}`);
    }
  });
});
