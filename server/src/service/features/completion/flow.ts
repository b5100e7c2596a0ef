import { unquote } from '../../parse/scan/line';

/**
 * The cursor inside a one-line flow collection (`addresses: [a, |]`, `- {at: …, kind: |}`). Scans
 * the characters of the line, so it works while the brackets are still unbalanced.
 */
export interface FlowCursor {
  /** Path steps inside the flow collection, outermost first (keys of maps, indexes of lists). */
  segments: (string | number)[];
  /** `key`: typing a key of a flow map; `value`: a value of a map key or an item of a list. */
  kind: 'key' | 'value';
  /** Where the word being typed starts on the line. */
  wordStart: number;
  /** Keys (maps) or items (lists) of the innermost collection, the cursor's own entry left out. */
  present: string[];
}

interface Frame {
  open: '{' | '[';
  index: number;
  segStart: number;
  key: string | undefined;
  valueStart: number;
  entries: { index: number; text: string }[];
}

export function flowCursor(line: string, from: number, cursor: number): FlowCursor | undefined {
  const frames: Frame[] = [];
  let atCursor: { frame: Frame; index: number; segments: (string | number)[]; kind: 'key' | 'value'; wordStart: number } | undefined;

  const finish = (frame: Frame, end: number) => {
    const text = frame.open === '{' ? frame.key ?? line.slice(frame.segStart, end).trim() : line.slice(frame.segStart, end).trim();
    if (text !== '') frame.entries.push({ index: frame.index, text: unquote(text) });
  };
  const snapshot = (position: number) => {
    const frame = frames.at(-1);
    if (!frame) return;
    const segments: (string | number)[] = [];
    for (const outer of frames.slice(0, -1)) segments.push(outer.open === '{' ? outer.key ?? '' : outer.index);
    const isKey = frame.open === '{' && frame.key === undefined;
    if (frame.open === '{' && frame.key !== undefined) segments.push(frame.key);
    if (frame.open === '[') segments.push(frame.index);
    const start = isKey ? frame.segStart : frame.open === '{' ? frame.valueStart : frame.segStart;
    let wordStart = start;
    while (wordStart < position && (line[wordStart] === ' ' || line[wordStart] === '"' || line[wordStart] === "'")) wordStart++;
    atCursor = { frame, index: frame.index, segments, kind: isKey ? 'key' : 'value', wordStart };
  };

  for (let i = from; i <= line.length; i++) {
    if (i === cursor) snapshot(i);
    if (i === line.length) break;
    const char = line[i];
    const frame = frames.at(-1);
    if (char === '{' || char === '[') {
      frames.push({ open: char, index: 0, segStart: i + 1, key: undefined, valueStart: i + 1, entries: [] });
    } else if ((char === '}' || char === ']') && frame) {
      finish(frame, i);
      frames.pop();
      if (frames.length === 0 && i >= cursor) break;
    } else if (char === ',' && frame) {
      finish(frame, i);
      frame.index++;
      frame.segStart = i + 1;
      frame.key = undefined;
    } else if (char === ':' && frame?.open === '{' && frame.key === undefined && /^[\s,}]?$/.test(line[i + 1] ?? '')) {
      frame.key = unquote(line.slice(frame.segStart, i).trim());
      frame.valueStart = i + 1;
    } else if ((char === '"' || char === "'") && frame && line.slice(frame.segStart, i).trim() === '') {
      const close = line.indexOf(char, i + 1);
      if (close < 0 || close >= cursor && i < cursor) continue;
      i = close;
    } else if (char === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) {
      break;
    }
  }
  if (!atCursor) return undefined;
  const { frame, index } = atCursor;
  return {
    segments: atCursor.segments,
    kind: atCursor.kind,
    wordStart: atCursor.wordStart,
    present: frame.entries.filter((entry) => entry.index !== index).map((entry) => entry.text),
  };
}
