import { closingQuote, isBlank, isFlowChar, plainEnd, skipBlanks } from './line';

/**
 * What each line is in its context, which readLine cannot tell on its own: a `#` line inside a block
 * scalar is text, not a comment; a `key: x` line inside a quoted scalar or a flow collection that
 * began above is no key line. Follows the rules of `yaml`'s lexer (indentation that continues a
 * scalar, a flow collection cut short by a line further left), so the property test
 * (test/unit/scanner.test.ts) can hold the two to the same answer. Not followed: tabs in
 * indentation (invalid YAML, where the lexer has recovery rules of its own) and directives between
 * documents; the incremental planner parses texts with either whole.
 */
export const ROLE_START = 0;
/** Inside a block scalar or a quoted scalar that began above: text. */
export const ROLE_TEXT = 1;
/** Continues a plain scalar from above. */
export const ROLE_PLAIN = 2;
/** Inside a flow collection that began above. */
export const ROLE_FLOW = 3;

/** `close`: the offset of the closing quote in the whole text, -1 when none follows (it runs to the end). */
type Pending = { kind: 'none' } | { kind: 'plain' } | { kind: 'quoted'; close: number } | { kind: 'block'; explicit: number; started: boolean };

const NONE: Pending = { kind: 'none' };

/** One role per line of `text` (lines split at LF; a CR before it is ignored). */
export function lineRoles(text: string): Uint8Array {
  const raw = text.split('\n');
  const lines = raw.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const roles = new Uint8Array(lines.length);
  let lineStart = 0;
  let nextStart = 0;
  let indentNext = 0;
  let indentValue = 0;
  let flowLevel = 0;
  let flowKey = false;
  let pending: Pending = NONE;

  const leading = (line: string) => {
    let count = 0;
    while (line.charCodeAt(count) === 32) count++;
    return count;
  };
  const isDocMarker = (line: string) => {
    const code = line.charCodeAt(0);
    return (code === 45 || code === 46) && (line.startsWith('---') || line.startsWith('...')) && (line.length === 3 || isBlank(line.charCodeAt(3)));
  };
  /** Whether a scalar running over a line break goes on into `line`, indented `lead` (the lexer's continueScalar). */
  const continues = (line: string, lead: number) => (indentNext > 0 ? lead === line.length || lead >= indentNext : !isDocMarker(line));

  /** `- `, `? `, `: ` indicators, anchors and tags before a node. */
  const indicators = (line: string, from: number, inFlow: boolean): number => {
    let pos = skipBlanks(line, from);
    for (;;) {
      const code = line.charCodeAt(pos);
      const next = line.charCodeAt(pos + 1);
      if (code === 38 || code === 33) {
        // `&anchor`, `!tag`: up to a blank (or, in a flow collection, a flow indicator).
        while (pos < line.length && !isBlank(line.charCodeAt(pos)) && !(inFlow && isFlowChar(line.charCodeAt(pos)))) pos++;
      } else if (isBlockIndicator(code) && (Number.isNaN(next) || isBlank(next) || (inFlow && isFlowChar(next)))) {
        if (!inFlow) indentNext = indentValue + 1;
        else flowKey = false;
        pos++;
      } else {
        return pos;
      }
      pos = skipBlanks(line, pos);
    }
  };

  /** The rest of a line from `from`, in block context (the lexer's parseDocument). */
  const block = (line: string, from: number): void => {
    let pos = from;
    for (;;) {
      pos = indicators(line, pos, false);
      const char = line[pos];
      if (char === undefined || char === '#') return;
      if (char === '[' || char === '{') {
        flowLevel = 1;
        flowKey = false;
        return flow(line, pos + 1);
      }
      if (char === '"' || char === "'") {
        const close = closingQuote(line, pos);
        if (close < 0) return void (pending = { kind: 'quoted', close: closingQuote(text, lineStart + pos) });
        pos = close + 1;
      } else if (char === '|' || char === '>') {
        const digit = /^[-+]*([1-9])/.exec(line.slice(pos + 1))?.[1];
        pending = { kind: 'block', explicit: digit ? Number(digit) - 1 : -1, started: false };
        return;
      } else if (char === '}' || char === ']' || char === '*') {
        pos++;
        if (char === '*') while (pos < line.length && !isBlank(line.charCodeAt(pos)) && !isFlowChar(line.charCodeAt(pos))) pos++;
      } else {
        const end = plainEnd(line, pos);
        if (end.stop === 'end') return void (pending = { kind: 'plain' });
        pos = end.at;
      }
    }
  };

  /** The rest of a line from `from`, inside a flow collection (the lexer's parseFlowCollection). */
  const flow = (line: string, from: number): void => {
    let pos = from;
    for (;;) {
      pos = skipBlanks(line, pos);
      while (line[pos] === ',') {
        pos = skipBlanks(line, pos + 1);
        flowKey = false;
      }
      pos = indicators(line, pos, true);
      const char = line[pos];
      if (char === undefined || char === '#') return;
      if (char === '[' || char === '{') {
        flowLevel++;
        flowKey = false;
        pos++;
      } else if (char === ']' || char === '}') {
        flowKey = true;
        flowLevel--;
        pos++;
        if (flowLevel === 0) return block(line, pos);
      } else if (char === '"' || char === "'") {
        flowKey = true;
        const close = closingQuote(line, pos);
        if (close < 0) return void (pending = { kind: 'quoted', close: closingQuote(text, lineStart + pos) });
        pos = close + 1;
      } else if (char === ':' && (flowKey || line[pos + 1] === ',')) {
        flowKey = false;
        pos++;
      } else if (char === '*') {
        flowKey = false;
        pos++;
        while (pos < line.length && !isBlank(line.charCodeAt(pos)) && !isFlowChar(line.charCodeAt(pos))) pos++;
      } else {
        flowKey = false;
        const end = plainEnd(line, pos, true);
        if (end.stop === 'end') return void (pending = { kind: 'plain' });
        pos = end.at;
      }
    }
  };

  /** The rest of a line in whichever context is current. */
  const rest = (line: string, from: number) => (flowLevel > 0 ? flow(line, from) : block(line, from));

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    lineStart = nextStart;
    nextStart += (raw[index] ?? '').length + 1;
    const lead = leading(line);
    const blank = lead === line.length;
    if (pending.kind === 'block') {
      if (!pending.started && !blank) {
        if (lead >= indentNext) {
          indentNext = pending.explicit < 0 ? lead : pending.explicit + (indentNext === 0 ? 1 : indentNext);
          pending.started = true;
        } else {
          pending = NONE;
        }
      }
      if (pending.kind === 'block' && (!pending.started || continues(line, lead))) {
        roles[index] = ROLE_TEXT;
        continue;
      }
      pending = NONE;
    } else if (pending.kind === 'quoted') {
      // Without a closing quote anywhere the lexer takes the rest of the text; with one, it stops
      // at a line indented too little.
      if (pending.close < 0 || continues(line, lead)) {
        roles[index] = ROLE_TEXT;
        const end = pending.close - lineStart;
        if (pending.close >= 0 && end <= line.length) {
          pending = NONE;
          rest(line, end + 1);
        }
        continue;
      }
      pending = NONE;
    } else if (pending.kind === 'plain') {
      const from = skipBlanks(line, 0);
      // A comment ends it; so does a line that stops it before its first character (`: x`, `]`),
      // which the lexer then reads from its start like any other.
      if (continues(line, lead) && line.charCodeAt(from) !== 35 && (blank || plainEnd(line, from, flowLevel > 0).at > from)) {
        roles[index] = ROLE_PLAIN;
        if (blank) continue;
        const end = plainEnd(line, from, flowLevel > 0);
        if (end.stop !== 'end') {
          pending = NONE;
          rest(line, end.at);
        }
        continue;
      }
      pending = NONE;
    }
    // A flow collection cut short by a line further left: the lexer has read that line's spaces already.
    let cut = false;
    if (flowLevel > 0 && !blank) {
      const indent = lead;
      const first = line[skipBlanks(line, 0)];
      const unindented = (indent < indentNext && first !== '#') || (indent === 0 && isDocMarker(line));
      const atFlowEnd = indent === indentNext - 1 && flowLevel === 1 && (first === ']' || first === '}');
      if (!unindented || atFlowEnd) {
        roles[index] = ROLE_FLOW;
        indentValue = indent;
        flow(line, 0);
        continue;
      }
      flowLevel = 0;
      cut = true;
    } else if (flowLevel > 0) {
      roles[index] = ROLE_FLOW;
      continue;
    }
    roles[index] = ROLE_START;
    if (isDocMarker(line)) {
      indentValue = 0;
      indentNext = 0;
      block(line, 3);
      continue;
    }
    const at = lead;
    indentValue = cut ? 0 : at;
    const emptyAfter = at + 1 >= line.length || isBlank(line.charCodeAt(at + 1));
    if (indentNext > indentValue && !emptyAfter) indentNext = indentValue;
    // Each `- ` (or `? `, `: `) opening the line nests one level deeper (the lexer's parseBlockStart).
    let pos = at;
    while (isBlockIndicator(line.charCodeAt(pos)) && (pos + 1 >= line.length || isBlank(line.charCodeAt(pos + 1)))) {
      indentNext = indentValue + 1;
      const next = skipBlanks(line, pos + 1);
      indentValue += next - pos;
      pos = next;
    }
    block(line, pos);
  }
  return roles;
}

/** `-`, `?` or `:`: indicators when a blank or the line's end follows. */
function isBlockIndicator(code: number): boolean {
  return code === 45 || code === 63 || code === 58;
}
