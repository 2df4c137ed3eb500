import type { IcalProperty } from './types';

// `;NAME=value[,value...]` where a value is quoted (and may then hold `:;,`)
// or plain; the captures are the name, the first value and the rest.
const PARAM =
  /^;([A-Za-z0-9-]+)=("[^"]*"|[^;:,"]*)((?:,(?:"[^"]*"|[^;:,"]*))*)/;

/**
 * Splits iCalendar text into logical lines: strips a BOM, accepts CRLF, LF
 * or bare CR, and joins folded lines (a line that starts with one space or
 * tab continues the previous one, minus that one character).
 */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (const line of body.split(/\r\n|\n|\r/)) {
    const isContinuation = line.startsWith(' ') || line.startsWith('\t');
    if (isContinuation && lines.length > 0) {
      lines[lines.length - 1] += line.slice(1);
    } else if (line.trim() !== '') {
      lines.push(line);
    }
  }
  return lines;
}

/** Why a content line could not be read, and which property it was. */
export interface LineError {
  field: string;
  message: string;
}

/**
 * Parses `NAME;PARAM=value;PARAM="quoted:value":VALUE`. Returns a LineError
 * instead of throwing so one bad line cannot sink the whole feed.
 */
export function parseContentLine(line: string): IcalProperty | LineError {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(line);
  if (!nameMatch) {
    return { field: 'line', message: 'a line has no property name' };
  }
  const name = nameMatch[0].toUpperCase();
  const params: Record<string, string> = {};
  let at = name.length;

  while (line[at] === ';') {
    const param = PARAM.exec(line.slice(at));
    if (!param) return { field: name, message: `${name} has a bad parameter` };
    const [whole, key = '', first = '', rest = ''] = param;
    params[key.toUpperCase()] = (first + rest).replaceAll('"', '');
    at += whole.length;
  }

  if (line[at] !== ':') {
    return { field: name, message: `${name} has no ":" before its value` };
  }
  return { name, params, value: line.slice(at + 1) };
}

/** Undoes TEXT escaping: `\n` or `\N` is a newline; `\, \; \\` are literal. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, ch: string) =>
    ch === 'n' || ch === 'N' ? '\n' : ch,
  );
}
