/** Option value parsers shared by the command specs. */

/** A repeatable option: `--secret a --secret b` gives `['a', 'b']`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A repeatable comma-separated option: `--only a,b --only c` gives `['a', 'b', 'c']`. */
export const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
