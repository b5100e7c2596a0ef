import { CST, Lexer } from 'yaml';
import { lexLines } from './lexerLines';
import { lineRoles } from '../../server/src/service/parse/scan/roles';
const text = process.argv[2]!.replace(/\\n/g, '\n');
let off = 0;
for (const s of new Lexer().lex(text)) { console.log(off, JSON.stringify(s), CST.tokenType(s)); if (s !== CST.SCALAR && s !== CST.DOCUMENT && s !== CST.FLOW_END) off += s.length; }
console.log(lexLines(text).map((l) => l?.role), [...lineRoles(text)]);
