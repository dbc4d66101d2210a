/**
 * Why an event name cannot be a fixture file name under `<dir>/<provider>/`, or undefined when it can.
 * Names are paths (Shopify's `orders/create` nests), so each segment must stay inside the folder.
 */
export function eventNameProblem(name: string): string | undefined {
  if (!name) return 'is empty';
  if (name.length > 200) return 'is longer than 200 characters';
  if (!/^[A-Za-z0-9_.:@/-]+$/.test(name)) return 'holds characters other than letters, digits and _ . : @ / -';
  if (name.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return 'would leave the fixtures directory (an empty, "." or ".." segment)';
  return undefined;
}
