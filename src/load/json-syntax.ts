import { createRequire } from 'node:module';
import { closingQuote } from './json-string-end.js';
import { lineAndColumn } from './text-position.js';

/**
 * Why JSON.parse refused a text, in an author's terms: the mistake people make when they edit a policy by hand
 * (a comma after the last item, a missing comma or colon, a file cut short, a line break pasted into a text,
 * single quotes, a comment) as one of the `json` messages of locales/<lang>/diagnostics.json, with the place to
 * point at. momoa's tokenizer reads the characters; which token is the first one JSON's grammar does not allow is
 * found here (firstBadToken), because momoa's parser names the first token of the file when the file ends too
 * soon; the message never uses momoa's own (English) wording.
 */
export interface SyntaxProblem {
  messageId: string;
  data: Record<string, string | number>;
  /** Where to point, 0-based offset into the text. */
  offset: number;
}

type Momoa = typeof import('@humanwhocodes/momoa');
type Token = ReturnType<Momoa['tokenize']>[number];
interface MomoaError {
  offset?: number;
}

const requireHere = createRequire(import.meta.url);
const CLOSE: Record<string, string> = { '{': '}', '[': ']' };
const VALUE_START = new Set(['String', 'Number', 'Boolean', 'Null', 'LBrace', 'LBracket']);
const VALUE_END = new Set(['String', 'Number', 'Boolean', 'Null', 'RBrace', 'RBracket']);

const problem = (name: string, offset: number, data: SyntaxProblem['data'] = {}): SyntaxProblem => ({
  messageId: `diagnostics:json.${name}`,
  data,
  offset,
});

/** The first syntax error of `text`, which JSON.parse refused. */
export function explainSyntaxError(text: string): SyntaxProblem {
  if (text.trim() === '') return problem('empty', 0);
  const { tokens, stop } = lex(text);
  const { bad, open } = grammarCheck(text, tokens);
  const badAt = bad >= 0 && bad < tokens.length ? tokens[bad]!.loc.start.offset : undefined;
  const scan = scanStrings(text, badAt ?? stop ?? text.length);
  if (scan.control !== undefined) return controlCharacter(text, scan.control, scan.from!);
  if (badAt !== undefined) return badToken(text, tokens, bad, open);
  if (stop === undefined) return bad === -1 ? problem('invalid', 0) : endOrString(text, text.length, scan, open);
  if (scan.openString !== undefined || stop >= text.length) return endOrString(text, stop, scan, open);
  return badCharacter(text, stop);
}

/**
 * momoa's tokens of the text, or of the text before `stop`, the first character its tokenizer refused (a
 * token cut there is left out too). momoa's parser is not used: it names the first token of the file when
 * the file ends too soon.
 */
function lex(text: string): { tokens: Token[]; stop?: number } {
  const { tokenize } = requireHere('@humanwhocodes/momoa') as Momoa;
  let stop: number | undefined;
  for (let end = text.length; ;) {
    try {
      return {
        tokens: tokenize(text.slice(0, end), { mode: 'json', ranges: false }),
        ...(stop === undefined ? {} : { stop }),
      };
    } catch (e) {
      const offset = (e as MomoaError).offset ?? 0;
      stop ??= offset;
      const at = Math.min(offset, end - 1);
      end = Math.max(0, scanStrings(text, at).openString ?? at);
    }
  }
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'next' | 'end';

/**
 * Where JSON's grammar first refuses the tokens: `bad`, the index of that token (tokens.length when they end too
 * soon, -1 when they make one whole value), and `open`, the offsets of the brackets still open before it.
 */
function grammarCheck(text: string, tokens: Token[]): { bad: number; open: number[] } {
  const open: number[] = [];
  const inObject = (): boolean => text[open.at(-1)!] === '{';
  let expect: Expect = 'value';
  const afterValue = (): Expect => (open.length > 0 ? 'next' : 'end');
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.type;
    const closes = type === (inObject() ? 'RBrace' : 'RBracket');
    if ((expect === 'valueOrClose' || expect === 'keyOrClose' || expect === 'next') && closes) {
      open.pop();
      expect = afterValue();
    } else if (expect === 'value' || expect === 'valueOrClose') {
      if (type === 'LBrace' || type === 'LBracket') {
        open.push(tokens[i]!.loc.start.offset);
        expect = type === 'LBrace' ? 'keyOrClose' : 'valueOrClose';
      } else if (VALUE_START.has(type)) expect = afterValue();
      else return { bad: i, open };
    } else if ((expect === 'key' || expect === 'keyOrClose') && type === 'String') expect = 'colon';
    else if (expect === 'colon' && type === 'Colon') expect = 'value';
    else if (expect === 'next' && type === 'Comma') expect = inObject() ? 'key' : 'value';
    else return { bad: i, open };
  }
  return { bad: expect === 'end' ? -1 : tokens.length, open };
}

/**
 * The strings in text[0, end): the first control character inside one (JSON.parse refuses it; momoa does not)
 * with the opening quote of its string (`from`), and the opening quote of a string still open at `end`.
 */
function scanStrings(text: string, end: number): { control?: number; from?: number; openString?: number } {
  for (let i = text.indexOf('"'); i !== -1 && i < end; i = text.indexOf('"', i + 1)) {
    const close = closingQuote(text, i);
    const stop = close === -1 || close > end ? end : close;
    for (let j = i + 1; j < stop; j++) if (text.charCodeAt(j) < 0x20) return { control: j, from: i };
    if (stop === end) return { openString: i };
    i = close;
  }
  return {};
}

function controlCharacter(text: string, offset: number, from: number): SyntaxProblem {
  const code = text.charCodeAt(offset);
  if (code === 0x0a || code === 0x0d) return lineBreak(text, offset, from);
  if (code === 0x09) return problem('tabInText', offset);
  return problem('controlInText', offset, { code: codePoint(code) });
}

/**
 * Where the run of commas and closing brackets starts that ends `line` (trimmed) as a value does ('],', '},'; spaces
 * between them allowed); undefined where the line does not end so. Read from the end: a pattern anchored at the end
 * would try every comma of a long line.
 */
function valueEndAt(line: string): number | undefined {
  let first: number | undefined;
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i]!;
    if (c === ',' || c === '}' || c === ']') first = i;
    else if (first === undefined || !/\s/.test(c)) break;
  }
  return first;
}

/**
 * A line break inside the text that opens at `from`: most often its closing quote left out, when the line ends as a
 * value does (in commas and brackets: the quote goes before the first of them, which is pointed at: '"b],' is
 * '"b"],', not '"b]",') or the next line starts with a
 * name ("city": …: the quote goes at the end of the line, and a comma after it); else a text typed over two lines.
 * Both messages name where the text starts: a line may hold more than one.
 */
function lineBreak(text: string, offset: number, from: number): SyntaxProblem {
  const lineEnd = from + 1 + text.slice(from + 1, offset).trimEnd().length;
  const nextLine = /^\r?\n?([^\r\n]*)/.exec(text.slice(offset))![1]!;
  const start = lineAndColumn(text, from);
  const line = text.slice(from + 1, lineEnd);
  const end = valueEndAt(line);
  if (end !== undefined) return problem('missingCloseQuote', from + 1 + end, { ...start, end: line.slice(end) });
  if (/^\s*"[^"]*"\s*:/.test(nextLine)) return problem('missingCloseQuoteAtLineEnd', lineEnd, start);
  return problem('lineBreakInText', offset);
}

/** The file ends too soon (`at` is its end), or the error is inside a string (a backslash JSON does not know). */
function endOrString(text: string, at: number, scan: { openString?: number }, open: number[]): SyntaxProblem {
  if (scan.openString !== undefined) {
    if (at < text.length) return badEscape(text, at, scan.openString);
    return problem('unclosedString', at, lineAndColumn(text, scan.openString));
  }
  const end = Math.min(at, text.trimEnd().length);
  const innermost = open.at(-1);
  if (innermost === undefined) return problem('endOfInput', end);
  return problem('unclosed', end, {
    open: text[innermost]!,
    close: CLOSE[text[innermost]!]!,
    ...lineAndColumn(text, innermost),
  });
}

/** A backslash inside a string that starts no escape JSON knows; one at the very end leaves the string open. */
function badEscape(text: string, at: number, openString: number): SyntaxProblem {
  const start = text.lastIndexOf('\\', at);
  if (start <= openString) return problem('invalid', at);
  const escape = /^\\(?:u[0-9A-Fa-f]{0,4}|[^"\s])?/.exec(text.slice(start))![0];
  if (escape === '\\' && text.trimEnd().length === start + 1)
    return problem('unclosedString', text.length, lineAndColumn(text, openString));
  return problem('badEscape', start, { escape });
}

/** A character momoa's tokenizer refused, outside strings. */
function badCharacter(text: string, at: number): SyntaxProblem {
  const c = text[at]!;
  if (c === "'") return problem('singleQuotes', at);
  if (c === '/' || c === '#') return problem('comment', at);
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(at, at + 40))?.[0];
  if (word) return problem('bareWord', at, { word });
  const number = numberAround(text, at);
  if (number) return problem('badNumber', number.start, { number: number.text });
  if (/\p{L}|\p{N}|\p{P}|\p{S}/u.test(c)) return problem('unexpectedCharacter', at, { character: c });
  return problem('invisibleCharacter', at, { code: codePoint(text.codePointAt(at)!) });
}

/** The run of number characters that `at` is in or ends, when it starts as a number does. */
function numberAround(text: string, at: number): { start: number; text: string } | undefined {
  const numeric = (i: number): boolean => /[0-9eE.+-]/.test(text[i] ?? '');
  let start = at;
  while (numeric(start - 1)) start--;
  let end = at;
  while (numeric(end)) end++;
  const run = text.slice(start, end);
  return /^[-+.0-9]/.test(run) ? { start, text: run } : undefined;
}

/** A token the grammar does not allow where it stands (momoa's parser refused it). */
function badToken(text: string, tokens: Token[], index: number, stack: number[]): SyntaxProblem {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  const at = token.loc.start.offset;
  const isClose = token.type === 'RBrace' || token.type === 'RBracket';
  if (isClose && stack.length > 0 && CLOSE[text[stack.at(-1)!]!] !== text[at]) return mismatch(text, at, stack.at(-1)!);
  if (isClose && previous?.type === 'Comma')
    return problem('trailingComma', previous.loc.start.offset, { close: text[at]! });
  if (stack.length === 0 && index > 0) return problem('afterEnd', at);
  if (
    (token.type === 'Comma' || isClose) &&
    (previous?.type === 'Comma' || previous?.type === 'Colon' || previous?.type === 'LBracket')
  )
    return problem('missingValue', at, { found: text[at]! });
  if (VALUE_START.has(token.type) && previous && VALUE_END.has(previous.type)) {
    const isKey = text[stack.at(-1)!] === '{' && previous.type === 'String' && isKeyPlace(tokens[index - 2]);
    return isKey ? problem('missingColon', at) : missingComma(text, previous, token);
  }
  return problem('unexpected', at, { token: shorten(text.slice(at, token.loc.end.offset)) });
}

/**
 * Two values with no comma between them: the place the comma belongs, at the end of the first (as a comma
 * too many is pointed at itself), and the value it follows; the line, when the next value starts on another.
 */
function missingComma(text: string, previous: Token, next: Token): SyntaxProblem {
  const end = previous.loc.end.offset;
  const after = tokenShown(text, previous);
  const { line } = lineAndColumn(text, end);
  return lineAndColumn(text, next.loc.start.offset).line > line
    ? problem('missingCommaAtLineEnd', end, { after, line })
    : problem('missingComma', end, { after, before: tokenShown(text, next) });
}

/** A token as a message quotes it: a text as written, with its quotes; anything else in quotes. */
function tokenShown(text: string, token: Token): string {
  const written = shorten(text.slice(token.loc.start.offset, token.loc.end.offset));
  return token.type === 'String' ? written : `"${written}"`;
}

const isKeyPlace = (before: Token | undefined): boolean => before?.type === 'LBrace' || before?.type === 'Comma';

function mismatch(text: string, at: number, open: number): SyntaxProblem {
  return problem('mismatch', at, {
    found: text[at]!,
    open: text[open]!,
    close: CLOSE[text[open]!]!,
    ...lineAndColumn(text, open),
  });
}

const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const shorten = (s: string): string => (s.length > 30 ? `${s.slice(0, 29)}…` : s);
