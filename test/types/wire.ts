/**
 * A published type as it travels in JSON: dates are ISO strings, string enum members are their
 * values, and a property that may be undefined may be absent (JSON has no undefined). The generated
 * files in catalogue/ assign each rendered catalogue body to `Wire<T>` of the provider's own type,
 * so `npm run typecheck` fails when a body drifts from the provider's shape.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends string
    ? `${T}`
    : T extends (...args: never[]) => unknown
      ? never
      : T extends readonly (infer U)[]
        ? Wire<U>[]
        : T extends object
          ? WireObject<T>
          : T;

type WireObject<T> = { [K in keyof T as undefined extends T[K] ? never : K]: Wire<T[K]> } & { [K in keyof T as undefined extends T[K] ? K : never]?: Wire<T[K]> };
