// Loaded before every unit test (test/.mocharc.unit.json): a feature that reads a parse after the
// next parse of the same document replaced it fails loudly here instead of reading a moved tree.
import { assertSnapshotsCurrent } from '../../server/src/service/parse/snapshot';

assertSnapshotsCurrent(true);
