import { escapeHtml } from '../src/core/values/html';

/**
 * A tiny escaping template: every interpolated value is escaped unless it is itself the result of
 * `html`. Text from the server (action titles, themes, messages) can therefore never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Text with its amounts kept on one line: `€ 4.000` never breaks after the euro sign. */
export function amounts(text: string): SafeHtml {
  return new SafeHtml(escapeHtml(text).replace(/€ /g, '€&nbsp;'));
}

export function setHtml(element: Element, content: SafeHtml): void {
  element.innerHTML = content.value;
}
