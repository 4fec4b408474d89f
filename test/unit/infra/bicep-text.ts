/**
 * Just enough Bicep lexing to check templates by text without the Bicep compiler: comments are
 * blanked (`code`), and string contents too (`skeleton`), both the same length as the source so
 * an index found in one is valid in the other.
 */
export interface BicepText {
  readonly code: string;
  readonly skeleton: string;
}

type Mode = { kind: 'code'; depth: number } | { kind: 'string' };

/** Blanks comments (and, in `skeleton`, string contents) keeping every offset and newline. */
export function scanBicep(source: string): BicepText {
  const code = source.split('');
  const skeleton = source.split('');
  const blank = (target: string[], from: number, to: number) => {
    for (let i = from; i < to; i += 1) if (target[i] !== '\n') target[i] = ' ';
  };
  const stack: Mode[] = [{ kind: 'code', depth: 0 }];
  let i = 0;
  while (i < source.length) {
    const mode = stack[stack.length - 1]!;
    const two = source.slice(i, i + 2);
    if (mode.kind === 'string') {
      if (source[i] === '\\') {
        blank(skeleton, i, i + 2);
        i += 2;
      } else if (source[i] === "'") {
        stack.pop();
        i += 1;
      } else if (two === '${') {
        blank(skeleton, i, i + 2);
        stack.push({ kind: 'code', depth: 0 });
        i += 2;
      } else {
        blank(skeleton, i, i + 1);
        i += 1;
      }
      continue;
    }
    if (two === '//') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(code, i, stop);
      blank(skeleton, i, stop);
      i = stop;
    } else if (two === '/*') {
      const stop = source.indexOf('*/', i) + 2;
      blank(code, i, stop);
      blank(skeleton, i, stop);
      i = stop;
    } else if (source.startsWith("'''", i)) {
      const stop = source.indexOf("'''", i + 3) + 3;
      blank(skeleton, i + 3, stop - 3);
      i = stop;
    } else if (source[i] === "'") {
      stack.push({ kind: 'string' });
      i += 1;
    } else {
      if (stack.length > 1) {
        // Inside `${...}`: blank it in the skeleton, and find the brace that closes it.
        if (source[i] === '{') mode.depth += 1;
        if (source[i] === '}') {
          if (mode.depth === 0) stack.pop();
          else mode.depth -= 1;
        }
        blank(skeleton, i, i + 1);
      }
      i += 1;
    }
  }
  return { code: code.join(''), skeleton: skeleton.join('') };
}

/** Start and end (exclusive) of the `{...}` block opening at or after `from`, by the skeleton. */
export function blockAt(skeleton: string, from: number): { start: number; end: number } {
  const start = skeleton.indexOf('{', from);
  let depth = 0;
  for (let i = start; i < skeleton.length; i += 1) {
    if (skeleton[i] === '{') depth += 1;
    if (skeleton[i] === '}') depth -= 1;
    if (depth === 0) return { start, end: i + 1 };
  }
  return { start, end: -1 };
}

/** The top-level `key: value` entries of the block at `from`; values are the rest of the line. */
export function entriesOf(text: BicepText, from: number): Map<string, string> {
  const { start, end } = blockAt(text.skeleton, from);
  const entries = new Map<string, string>();
  let depth = 0;
  let lineStart = start + 1;
  for (let i = start + 1; i < end - 1; i += 1) {
    const ch = text.skeleton[i];
    if (ch === '{' || ch === '[' || ch === '(') depth += 1;
    if (ch === '}' || ch === ']' || ch === ')') depth -= 1;
    if (ch === '\n') lineStart = i + 1;
    if (ch === ':' && depth === 0) {
      const key = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(text.skeleton.slice(lineStart, i))?.[1];
      const lineEnd = text.code.indexOf('\n', i);
      if (key !== undefined) entries.set(key, text.code.slice(i + 1, lineEnd).trim());
    }
  }
  return entries;
}

/** True when every bracket outside strings and comments is closed in order. */
export function bracketsBalanced(skeleton: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const ch of skeleton) {
    if (ch === '(' || ch === '[' || ch === '{') open.push(ch);
    const opener = pairs[ch];
    if (opener !== undefined && open.pop() !== opener) return false;
  }
  return open.length === 0;
}

/** Declared `param`s: name → whether it has a default value. */
export function paramsOf(code: string): Map<string, boolean> {
  const params = new Map<string, boolean>();
  for (const match of code.matchAll(/^param (\w+) \w+( =)?/gm)) {
    params.set(match[1]!, match[2] !== undefined);
  }
  return params;
}

/** Declared `output` names. */
export function outputsOf(code: string): Set<string> {
  return new Set([...code.matchAll(/^output (\w+) \w+ =/gm)].map((m) => m[1]!));
}
