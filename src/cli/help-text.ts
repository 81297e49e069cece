/** The columns policyc fills its help to: a terminal's 80. */
export const HELP_WIDTH = 80;

/** An entry of a list ("  --out <dir>           Output folder …"): its indent and term, then two spaces or more. */
const ENTRY = /^ +\S(?:.*?\S)? {2,}(?=\S)/;
/** Joins the words of a command or of "art. 30" in a help text: the filler breaks only at a plain space. */
const NO_BREAK_SPACE = '\u00a0';
/** A line of the synopsis ("Usage: policyc init ", "       policyc init "): the command's arguments follow it. */
const SYNOPSIS = /^(?: *\S+:)? *policyc +\S+ +(?=\S)/;

/**
 * A help text of locales/<lang>/cli.json (cli:usage, cli:help.<command>) as printed: each of its lines (one
 * paragraph, one entry of a list, one line of the synopsis) filled to `width` columns, so that every help wraps
 * alike in every language. A paragraph continues at its own indent, an entry under its description, a line of the
 * synopsis (the text up to the first blank line) under the command's first argument. A word longer than a line
 * stands alone on one. What the text joins with a no-break space (U+00A0) — an example command ("policyc diff
 * HEAD~1 policies/x/policy.json", "init --base"), "art. 30" — is one word to the filler, so a copied line holds the
 * whole command and no option name opens a line as if it were an entry; it is printed with plain spaces.
 */
export function helpText(text: string, width = HELP_WIDTH): string {
  const blank = text.indexOf('\n\n');
  const synopsisEnd = blank < 0 ? text.length : blank;
  let at = 0;
  return text
    .split('\n')
    .map((line) => {
      const inSynopsis = at < synopsisEnd;
      at += line.length + 1;
      const hang = (inSynopsis ? SYNOPSIS : ENTRY).exec(line)?.[0].length ?? /^ */.exec(line)![0].length;
      return fill(line, hang, width);
    })
    .join('\n')
    .replaceAll(NO_BREAK_SPACE, ' ');
}

/** `line` broken at spaces into lines of at most `width` columns, each after the first indented by `hang`. */
function fill(line: string, hang: number, width: number): string {
  const words = line.slice(hang).split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let current = line.slice(0, hang);
  let empty = true;
  for (const word of words) {
    if (!empty && current.length + 1 + word.length > width) {
      lines.push(current);
      current = ' '.repeat(hang) + word;
    } else current += (empty ? '' : ' ') + word;
    empty = false;
  }
  return [...lines, current].join('\n');
}
