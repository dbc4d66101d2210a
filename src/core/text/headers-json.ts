/**
 * The JSON of a capture's header pairs, made once per capture: listen writes them into the stored
 * record and again into its --json line, and they are the largest part of both.
 */
const made = new WeakMap<readonly (readonly [string, string])[], string>();

export function headersJson(headers: readonly (readonly [string, string])[]): string {
  let json = made.get(headers);
  if (json === undefined) {
    json = JSON.stringify(headers);
    made.set(headers, json);
  }
  return json;
}
