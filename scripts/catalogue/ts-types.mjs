// The providers' published TypeScript types, read with the compiler: a virtual module imports them
// and names each type the generator needs with a `type` alias. Slack, Paddle, Linear and Discord
// publish their webhook bodies this way; reading the types (not copies of them) keeps the catalogue
// in step with the pinned packages.
import { join } from 'node:path';
import ts from 'typescript';

const OPTIONS = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/** A type checker over `code` (as a module at the repo root) and the types its `type` aliases name. */
export function typeModule(root, code) {
  const file = join(root, '__hookctl_catalogue_types__.ts');
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, code, language, true) : getSourceFile(name, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], OPTIONS, host);
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
  if (problems.length) throw new Error(`the provider types do not resolve: ${ts.flattenDiagnosticMessageText(problems[0].messageText, '\n')}`);
  const checker = program.getTypeChecker();
  const aliases = new Map();
  const modules = new Map();
  for (const st of program.getSourceFile(file).statements) {
    if (ts.isTypeAliasDeclaration(st)) aliases.set(st.name.text, checker.getTypeAtLocation(st.name));
    if (ts.isImportDeclaration(st)) modules.set(st.moduleSpecifier.text, checker.getSymbolAtLocation(st.moduleSpecifier));
  }
  /** The names a package exports: a type the union uses may not be importable by name. */
  const exportsOf = (name) => new Set(checker.getExportsOfModule(modules.get(name)).map((s) => s.getName()));
  return { checker, aliases, exportsOf };
}

/** The members of a union (a non-union is its own only member). */
export function unionMembers(type) {
  return type.isUnion() ? type.types : [type];
}

/** A property's literal value in a type (`type: 'reaction_added'`), or undefined. */
export function literalOf(checker, type, key) {
  const prop = checker.getPropertyOfType(type, key);
  if (!prop) return undefined;
  const t = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
  return t.isLiteral() ? t.value : t.flags & ts.TypeFlags.BooleanLiteral ? t.intrinsicName === 'true' : undefined;
}

/** The first sentence of a type's doc comment, on one line. */
export function docOf(checker, type) {
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)) : '';
  const line = text.replace(/\s+/g, ' ').trim();
  const end = line.search(/\.(\s|$)/);
  return end > 0 ? line.slice(0, end + 1) : line;
}

/** The name a type is declared under (`ReactionAddedEvent`), for messages and type-check files. */
export function nameOf(type) {
  return (type.aliasSymbol ?? type.getSymbol())?.getName();
}
