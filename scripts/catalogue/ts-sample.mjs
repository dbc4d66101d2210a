// A body template sampled from a published TypeScript type: every required property, the optional
// ones the provider's hints ask for, literal types as they are, and realistic values (ids, times,
// names) from the provider's hints by property name. Strings may carry fixture tokens, so each
// delivery gets fresh ids. The result is type-checked against the same type (type-check.mjs).
import ts from 'typescript';

/** Returned by a hint to leave a property out even when the type requires it (never used for required ones). */
export const OMIT = Symbol('omit');

/**
 * `hints.value(path, type)` gives a property's value (undefined: sample it); `hints.optional(path)`
 * says whether to fill an optional property. `path` is the property names from the body's root.
 */
export function createSampler(checker, hints, maxDepth = 7) {
  const sample = (type, path, stack) => {
    const hinted = path.length ? hints.value(path, type) : undefined;
    if (hinted !== undefined && hinted !== OMIT) return hinted;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.Null) return null;
    if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never)) return undefined;
    if (type.isLiteral()) return type.flags & ts.TypeFlags.BigIntLiteral ? 0 : type.value;
    if (type.flags & ts.TypeFlags.BooleanLiteral) return type.intrinsicName === 'true';
    if (type.flags & ts.TypeFlags.StringLike) return hints.string(path);
    if (type.flags & ts.TypeFlags.NumberLike) return hints.number(path);
    if (type.flags & ts.TypeFlags.BooleanLike) return false;
    if (type.isUnion()) return sample(pick(checker, type), path, stack);
    const name = type.getSymbol()?.getName();
    if (name === 'Date') return hints.string([...path.slice(0, -1), `${path.at(-1) ?? ''}At`]);
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const item = checker.getTypeArguments(type)[0];
      const one = item && stack.length < maxDepth ? sample(item, path, [...stack, type]) : undefined;
      return one === undefined ? [] : [one];
    }
    return object(type, path, stack);
  };

  const object = (type, path, stack) => {
    // A type seen above (a tree of comments, a parent issue) or too deep: an empty object, never a loop.
    if (stack.includes(type) || stack.length >= maxDepth) return {};
    const out = {};
    for (const prop of checker.getPropertiesOfType(type)) {
      const key = prop.getName();
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      const at = [...path, key];
      if (optional && !hints.optional(at)) continue;
      const propType = checker.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length) continue;
      const hinted = hints.value(at, propType);
      if (hinted === OMIT && optional) continue;
      const value = hinted !== undefined && hinted !== OMIT ? hinted : sample(checker.getNonNullableType(propType), at, [...stack, type]);
      // JSON has no undefined: a property whose type allows it (`subtype: undefined`) is left out.
      if (value !== undefined) out[key] = value;
      else if (!optional && !accepts(propType, ts.TypeFlags.Undefined)) out[key] = accepts(propType, ts.TypeFlags.Null) ? null : {};
    }
    return out;
  };

  return (type, path = []) => sample(type, path, []);
}

/** A union's most useful member: not undefined or null, `false` of a boolean, else the first. */
function pick(checker, union) {
  const types = union.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
  if (!types.length) return union.types[0];
  const falsy = types.find((t) => t.flags & ts.TypeFlags.BooleanLiteral && t.intrinsicName === 'false');
  if (falsy && types.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return falsy;
  // A plain object beats a bare string in `string | Foo` unions: the richer shape is the realistic one.
  return types.find((t) => t.flags & ts.TypeFlags.Object && !checker.isArrayType(t)) ?? types[0];
}

/** Whether a type, or a member of its union, has the flag (`ts.TypeFlags.Null`: it may be null). */
export function accepts(type, flag) {
  return (type.isUnion() ? type.types : [type]).some((t) => t.flags & flag);
}

/** Whether a union of literals holds `value` (a `status` union that names the event's action). */
export function unionHas(type, value) {
  return type.isUnion() ? type.types.some((t) => t.isLiteral() && t.value === value) : type.isLiteral() && type.value === value;
}
