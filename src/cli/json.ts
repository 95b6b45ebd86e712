/**
 * JSON as people read and edit it: two-space indents, short objects and lists on one line (a year's
 * amount, a list of names), and an object with an `_about` note always spread out so the note
 * stands on its own line above what it explains.
 */
export function formatJson(value: unknown, width = 100): string {
  const flat = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(flat).join(', ')}]`;
    if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      return entries.length ? `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${flat(x)}`).join(', ')} }` : '{}';
    }
    return JSON.stringify(v);
  };
  const render = (v: unknown, indent: string, used: number): string => {
    if (!v || typeof v !== 'object') return JSON.stringify(v);
    const one = flat(v);
    const noted = !Array.isArray(v) && '_about' in v;
    if (!noted && used + one.length <= width) return one;
    const inner = `${indent}  `;
    const lines = Array.isArray(v)
      ? v.map((x) => `${inner}${render(x, inner, inner.length)}`)
      : Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner, inner.length + k.length + 4)}`);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    return lines.length ? `${open}\n${lines.join(',\n')}\n${indent}${close}` : `${open}${close}`;
  };
  return `${render(value, '', 0)}\n`;
}
