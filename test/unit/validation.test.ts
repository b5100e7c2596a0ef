import assert from 'node:assert/strict';
import { doc, service, VALID } from './helpers';

describe('validation: the valid baseline', () => {
  it('has no diagnostics', () => {
    assert.deepEqual(service().validate(doc(VALID)), []);
  });
});
