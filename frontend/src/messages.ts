// One way to fill the bundles' placeholders in the islands: {0}, {1} … by position (the bundles'
// MessageFormat style), or {name} by name. Every occurrence is filled; unknown ones stay as written.
export function format(template: string, ...args: Array<string | number>): string {
  return args.reduce<string>((text, arg, i) => text.split(`{${i}}`).join(String(arg)), template);
}

export function formatNamed(template: string, values: Record<string, string | number>): string {
  return Object.entries(values).reduce<string>((text, [k, v]) => text.split(`{${k}}`).join(String(v)), template);
}
