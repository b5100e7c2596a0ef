import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedPostmortem } from '../parse/parse';
import type { YNode } from '../parse/tree';
import { contentEnd, dashOf } from '../parse/scan/layout';
import { isCommentLine } from '../parse/scan/line';
import { lineRoles, ROLE_TEXT } from '../parse/scan/roles';

export function createFolding() {
  return {
    /**
     * Every multi-line mapping, sequence and scalar folds from the line of its key (or its `-`) to
     * its last line with content, so trailing blank lines and the next item's comments stay visible.
     * Runs of two or more comment lines fold as comments.
     */
    provideFoldingRanges(parsed: ParsedPostmortem): FoldingRange[] {
      const { lines, text } = parsed;
      const byStartLine = new Map<number, FoldingRange>();

      const add = (from: number, to: number, kind?: FoldingRangeKind) => {
        const startLine = lines.positionAt(from).line;
        const endLine = lines.positionAt(to).line;
        if (endLine <= startLine) return;
        // Nested nodes can open on the same line (`- event: |`); the outer, longer fold wins.
        const existing = byStartLine.get(startLine);
        if (existing && existing.endLine >= endLine) return;
        byStartLine.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
      };

      // An explicit stack: a pathological nesting depth must not exhaust the call stack.
      const stack: { node: YNode; foldFrom: number | undefined }[] = parsed.root ? [{ node: parsed.root, foldFrom: undefined }] : [];
      while (stack.length > 0) {
        const { node, foldFrom } = stack.pop() as { node: YNode; foldFrom: number | undefined };
        const end = contentEnd(node, text);
        if (foldFrom !== undefined) add(foldFrom, end);
        if (node.kind === 'map') {
          for (const pair of node.pairs) if (pair.value) stack.push({ node: pair.value, foldFrom: pair.key.start });
        } else if (node.kind === 'seq') {
          for (const item of node.items) stack.push({ node: item, foldFrom: node.flow ? item.start : dashOf(text, item) ?? item.start });
        }
      }

      // `#` lines inside a block or quoted scalar are text, not comments: the scanner knows which.
      const roles = lineRoles(text);
      let runStart = -1;
      for (let line = 0; line <= lines.lineCount; line++) {
        const isComment = line < lines.lineCount && roles[line] !== ROLE_TEXT && isCommentLine(lines.lineText(line));
        if (isComment && runStart < 0) runStart = line;
        if (!isComment && runStart >= 0) {
          if (line - 1 > runStart) byStartLine.set(runStart, { startLine: runStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
          runStart = -1;
        }
      }
      return [...byStartLine.values()].sort((a, b) => a.startLine - b.startLine);
    },
  };
}
