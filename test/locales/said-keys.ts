/**
 * What the code can say, read from its syntax tree with the TypeScript compiler: every locale key
 * (with the parameters, `context` and `count` it is said with) and where it is said.
 *
 * Keys are said in two ways:
 * - an i18next `t` call (`i18n.t(key, params)`, `this.i18n.t(…)`) in a file that loads a
 *   namespace (`loadLocaleNamespace('support')`, the renderer's `lina.json`);
 * - a reply object (`{ key, params }`, the shapes of dialogs/replies.ts), which the renderer
 *   says later: every object literal typed as one is a saying of the lina namespace.
 *
 * A key that arrives through a parameter (`reply(key)`, `t(key)`, `posterText(\`index.${key}\`)`,
 * `offer(key, params)`) makes that function a way of saying keys too: its callers are read in
 * turn, with the parameter bound to what each passes. A key built from parts
 * (`\`help.explain.${prompt.expects}\``, `cond ? 'a' : 'b'`, a helper that returns one of a
 * few literals) is enumerated from the parts' types (a union of literals, narrowed where it is
 * said) and from the constants and functions that give them. What cannot be enumerated is
 * reported (`unresolved`), never skipped.
 */
import ts from 'typescript';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The source folders whose code can say a text (tests, scripts and the corpus tools cannot). */
const SOURCE_FOLDERS = ['bot', 'dialogs', 'adapters', 'data'];

/** Parameters a text is said with: their names (and what gives each), or `open` when they cannot all be known. */
export interface ParamSet {
  /** Each name, with the expressions that give it a value (none when only its type is known). */
  names: Map<string, Value[]>;
  /** Where each name is written (`file:line` of the property, or of the value whose type has it). */
  origins: Map<string, Set<string>>;
  /** Names that may be absent (given in one branch of a conditional, optional in a type). */
  optional: Set<string>;
  /** Some parameters come from a value whose names cannot be known (a `Record<string, …>`). */
  open: boolean;
}

/** An expression and the parameters bound where it is read (a call's arguments). */
interface Value {
  expression: ts.Expression;
  env: Env;
}

type Env = ReadonlyMap<ts.Symbol, Value>;
const EMPTY: Env = new Map();
/** What a parameter holds when the call leaves it out and it has no default. */
const NOTHING = ts.factory.createIdentifier('undefined');

/** One place where the code says a key. */
export interface Said {
  namespace: string;
  key: string;
  /** `file:line` of the call or object that says it (for a key passed through functions, the outermost call). */
  where: string;
  params: ParamSet;
  /** The `context` values it is said with (`undefined`: without one); `any` when they cannot be enumerated. */
  contexts: Set<string | undefined> | 'any';
  /** The `context` may also be absent or `undefined` (by its type only): the key itself may be picked, but is not required. */
  mayFallBack: boolean;
}

/** A key the code says that could not be enumerated. */
export interface Unresolved {
  namespace: string;
  where: string;
  /** The key's expression as written (with its file), and why it could not be read. */
  expression: string;
  why: string;
}

/** What enumerating an expression gives: its values, or why not (and the unbound parameter, if that is why). */
type Enumerated = { values: string[] } | { why: string; parameter?: ts.ParameterDeclaration; template?: ts.Expression };

const MAX_VALUES = 2000;
const ARRAY_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find']);
const MAX_DEPTH = 12;

function sourceFiles(): string[] {
  return SOURCE_FOLDERS.flatMap((folder) =>
    (readdirSync(join(ROOT, folder), { recursive: true }) as string[]).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).map((name) => join(ROOT, folder, name)),
  );
}

export interface Analysis {
  said: Said[];
  unresolved: Unresolved[];
  /** Subtrees a file hands over whole (`resources.webChat`): namespace → key prefixes. */
  wholeSubtrees: Array<{ namespace: string; prefix: string; where: string }>;
  /** Names code reads back from a reply's parameters (`prompt.params.site`): not only for the text. */
  paramsReadByCode: Set<string>;
  /** The globals the renderer adds to every lina text (`new Renderer(globals)`). */
  globals: ParamSet;
  /** The formats of the renderer whose placeholder may be left out (`{{band, inBand}}`): from its regular expressions. */
  optionalFormats: (format: string) => boolean;
}

/** The literals of a type the code names (`typeValues('bot/domain.ts', 'Franja')`). */
export type TypeValues = (file: string, typeName: string) => string[];

/**
 * A rule for a key the types cannot enumerate: the keys a template (as written, in its file)
 * can give, or `undefined` to report it as unresolved.
 */
export type Resolve = (file: string, template: string, typeValues: TypeValues) => readonly string[] | undefined;

/** Reads the sources; `resolve` gives the keys of templates whose parts the types cannot enumerate. */
export function analyse(resolveTemplate: Resolve = () => undefined): Analysis {
  const files = sourceFiles();
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    // Only the project's own files: libraries are `any`, which keeps this to a few seconds.
    noResolve: true,
    types: [],
    lib: ['lib.es2023.d.ts'],
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();

  const ours = program.getSourceFiles().filter((file) => !file.isDeclarationFile && file.fileName.startsWith(ROOT) && !file.fileName.includes('node_modules'));
  const repliesFile = join(ROOT, 'dialogs/replies.ts');

  const typeValues: TypeValues = (file, typeName) => {
    const source = program.getSourceFile(join(ROOT, file));
    const alias = source?.statements.find((statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === typeName);
    const values = alias && literalsOf(checker.getTypeAtLocation(alias.name));
    if (!values) throw new Error(`${file} has no type ${typeName} made of literals`);
    return values;
  };
  const resolve = (file: string, template: string) => resolveTemplate(file, template, typeValues);

  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    return `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };
  const fileOf = (node: ts.Node) => relative(ROOT, node.getSourceFile().fileName);

  // ---- One pass over the syntax: the namespace each file's `i18n` speaks (`loadLocaleNamespace('x')`, or the
  // renderer's `lina.json`), what `resources` hands over whole, every call by the name it is made with, and the
  // renderer's globals (`new Renderer(globals)`).
  const namespaceOfFile = new Map<ts.SourceFile, string>();
  const resourcesSymbols = new Map<ts.Symbol, string>();
  const resourcesNames = new Set<string>();
  const wholeSubtrees: Analysis['wholeSubtrees'] = [];
  const callsByName = new Map<string, ts.CallExpression[]>();
  const rendererGlobals: ts.Expression[] = [];

  /** `resources.webChat` (handed whole to Web Chat), `resources.sections` (every section of the policy page). */
  const resourcesPath = (expression: ts.Expression): { namespace: string; path: string } | undefined => {
    if (ts.isIdentifier(expression)) {
      // Only a name some `loadLocaleNamespace` gave is looked up.
      const symbol = resourcesNames.has(expression.text) ? checker.getSymbolAtLocation(expression) : undefined;
      const namespace = symbol && resourcesSymbols.get(symbol);
      return namespace ? { namespace, path: '' } : undefined;
    }
    if (ts.isPropertyAccessExpression(expression)) {
      const inner = resourcesPath(expression.expression);
      return inner && { namespace: inner.namespace, path: inner.path ? `${inner.path}.${expression.name.text}` : expression.name.text };
    }
    return undefined;
  };

  for (const file of ours) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
        if (ts.isIdentifier(callee) || ts.isPrivateIdentifier(callee)) {
          const list = callsByName.get(callee.text) ?? [];
          list.push(node);
          callsByName.set(callee.text, list);
        }
        const [first] = node.arguments;
        if (ts.isIdentifier(node.expression) && node.expression.text === 'loadLocaleNamespace' && first && ts.isStringLiteral(first)) {
          namespaceOfFile.set(file, first.text);
          // `const { i18n, resources } = loadLocaleNamespace('webchat')`: what `resources` hands over.
          const declaration = node.parent;
          if (ts.isVariableDeclaration(declaration) && ts.isObjectBindingPattern(declaration.name)) {
            for (const element of declaration.name.elements) {
              const symbol = checker.getSymbolAtLocation(element.name);
              if ((element.propertyName ?? element.name).getText() === 'resources' && symbol) {
                resourcesSymbols.set(symbol, first.text);
                resourcesNames.add(element.name.getText());
              }
            }
          }
        }
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        // The renderer: `new URL(\`../../locales/${LOCALE}/lina.json\`, import.meta.url)`.
        if (node.expression.text === 'URL' && /\/lina\.json[`'"]$/.test(node.arguments?.[0]?.getText() ?? '')) namespaceOfFile.set(file, 'lina');
        if (node.expression.text === 'Renderer' && node.arguments?.[0]) rendererGlobals.push(node.arguments[0]);
      }
      if (ts.isPropertyAccessExpression(node) && !ts.isPropertyAccessExpression(node.parent)) {
        const path = resourcesPath(node);
        if (path?.path) wholeSubtrees.push({ namespace: path.namespace, prefix: path.path, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  /** The symbol a name refers to (for `{ key }`, the variable `key`, not the property). */
  const valueSymbolOf = (node: ts.Node): ts.Symbol | undefined =>
    ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);

  const symbolOf = (node: ts.Node): ts.Symbol | undefined => {
    const symbol = valueSymbolOf(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };

  /**
   * The declared type of a receiver (`renderer`, `this.i18n`, `runtime.renderer`), read from the
   * declarations alone: asking the type where it is written would analyse the flow of the whole
   * function around it, seconds over the project.
   */
  const declaredTypeOf = (expression: ts.Expression): ts.Type | undefined => {
    if (expression.kind === ts.SyntaxKind.ThisKeyword) return checker.getTypeAtLocation(expression);
    if (ts.isIdentifier(expression)) {
      const symbol = checker.getSymbolAtLocation(expression);
      return symbol && checker.getTypeOfSymbol(symbol);
    }
    if (ts.isPropertyAccessExpression(expression)) {
      const outer = declaredTypeOf(expression.expression);
      const property = outer && checker.getNonNullableType(outer).getProperty(expression.name.text);
      return property && checker.getTypeOfSymbol(property);
    }
    return undefined;
  };

  /** The member `receiver.name` is, from the receiver's declared type (or, for other receivers, where it is written). */
  const memberOf = (access: ts.PropertyAccessExpression): ts.Declaration | undefined => {
    const receiver = declaredTypeOf(access.expression);
    if (receiver) return checker.getNonNullableType(receiver).getProperty(access.name.text)?.valueDeclaration;
    return symbolOf(access.name)?.valueDeclaration;
  };

  /** The function a call runs, when it is one of ours with a body. */
  const callees = new Map<ts.CallExpression, ts.FunctionLikeDeclaration | undefined>();
  const calleeOf = (call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined => {
    if (!callees.has(call)) callees.set(call, resolveCallee(call));
    return callees.get(call);
  };
  const resolveCallee = (call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined => {
    const declaration = ts.isPropertyAccessExpression(call.expression) ? memberOf(call.expression) : symbolOf(call.expression)?.valueDeclaration;
    if (!declaration) return undefined;
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration.body ? declaration : undefined;
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
      const initializer = declaration.initializer;
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
    }
    return undefined;
  };

  /** The calls of a function: by its name, those that resolve to it. */
  const callsOfFunction = new Map<ts.FunctionLikeDeclaration, ts.CallExpression[]>();
  const callsOf = (fn: ts.FunctionLikeDeclaration): ts.CallExpression[] => {
    const known = callsOfFunction.get(fn) ?? findCalls(fn);
    callsOfFunction.set(fn, known);
    return known;
  };
  const findCalls = (fn: ts.FunctionLikeDeclaration): ts.CallExpression[] => {
    const holder: ts.Node = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
    const declared =
      ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isFunctionDeclaration(holder) || ts.isMethodDeclaration(holder) ? holder.name : undefined;
    const name = declared && (ts.isIdentifier(declared) || ts.isPrivateIdentifier(declared)) ? declared.text : undefined;
    if (!name) return [];
    return (callsByName.get(name) ?? []).filter((call) => calleeOf(call) === fn);
  };

  /** What a function returns: its expression body, or each `return` of its own body. */
  const returnsOf = (fn: ts.FunctionLikeDeclaration): ts.Expression[] => {
    if (!fn.body) return [];
    if (!ts.isBlock(fn.body)) return [fn.body];
    const found: ts.Expression[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
    return found;
  };

  /** A call's arguments bound to the function's parameters. */
  const bind = (fn: ts.FunctionLikeDeclaration, call: ts.CallExpression, env: Env): Env => {
    const bound = new Map(env);
    fn.parameters.forEach((parameter, index) => {
      const argument = call.arguments[index];
      const symbol = checker.getSymbolAtLocation(parameter.name);
      if (!symbol) return;
      // Left out: the default value, or nothing.
      if (argument) bound.set(symbol, { expression: argument, env });
      else bound.set(symbol, parameter.initializer ? { expression: parameter.initializer, env: EMPTY } : { expression: NOTHING, env: EMPTY });
    });
    return bound;
  };

  /** The literals a type allows (`'a' | 'b'`, `1 | 2`), or `undefined` when it allows others. */
  const literalsOf = (type: ts.Type): string[] | undefined => {
    const parts = type.isUnion() ? type.types : [type];
    const values: string[] = [];
    for (const part of parts) {
      if (part.isStringLiteral()) values.push(part.value);
      else if (part.isNumberLiteral()) values.push(String(part.value));
      else if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never)) continue;
      else return undefined;
    }
    return values.length > 0 ? values : undefined;
  };

  const combine = (left: string[], right: string[]): Enumerated =>
    left.length * right.length > MAX_VALUES ? { why: 'too many combinations' } : { values: left.flatMap((a) => right.map((b) => a + b)) };

  const unwrap = (expression: ts.Expression): ts.Expression => {
    let inner = expression;
    while (
      ts.isParenthesizedExpression(inner) ||
      ts.isAsExpression(inner) ||
      ts.isNonNullExpression(inner) ||
      ts.isSatisfiesExpression(inner) ||
      ts.isTypeAssertionExpression(inner)
    ) {
      inner = inner.expression;
    }
    return inner;
  };

  /** The values an expression can take where it is said. */
  const enumerate = (original: ts.Expression, env: Env, depth = 0): Enumerated => {
    if (depth > MAX_DEPTH) return { why: 'too deep' };
    const expression = unwrap(original);
    if (expression === NOTHING) return { values: [] };
    // A key read back from a reply (`said.key`, `choice.key`): said where that reply was made.
    if (readsReplyKey(expression)) return { values: [] };
    if (ts.isStringLiteralLike(expression)) return { values: [expression.text] };
    if (ts.isNumericLiteral(expression)) return { values: [expression.text] };
    if (ts.isTemplateExpression(expression)) {
      // A key part the types cannot tell, given by the caller's rule for it (a guarded lookup, values stored as text).
      const ruled = resolve(fileOf(expression), expression.getText());
      if (ruled) return { values: [...ruled] };
      let values: string[] = [expression.head.text];
      for (const span of expression.templateSpans) {
        const part = enumerate(span.expression, env, depth + 1);
        if (!('values' in part)) return { ...part, template: part.template ?? expression };
        const joined = combine(
          values,
          part.values.map((value) => value + span.literal.text),
        );
        if (!('values' in joined)) return joined;
        values = joined.values;
      }
      return { values };
    }
    if (ts.isConditionalExpression(expression)) return union([expression.whenTrue, expression.whenFalse], env, depth);
    if (ts.isBinaryExpression(expression)) {
      const operator = expression.operatorToken.kind;
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return union([expression.left, expression.right], env, depth);
      if (operator === ts.SyntaxKind.PlusToken) {
        const left = enumerate(expression.left, env, depth + 1);
        const right = enumerate(expression.right, env, depth + 1);
        if (!('values' in left)) return left;
        if (!('values' in right)) return right;
        return combine(left.values, right.values);
      }
    }
    // A parameter bound by the call being read.
    if (ts.isIdentifier(expression)) {
      const symbol = valueSymbolOf(expression);
      const bound = symbol && env.get(symbol);
      if (bound) return enumerate(bound.expression, bound.env, depth + 1);
    }
    // `String(value)`: the value.
    if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'String' && expression.arguments[0]) {
      return enumerate(expression.arguments[0], env, depth + 1);
    }
    // A function of ours that says what it returns (`operationOf(intent): Operation | undefined`): its declared type,
    // cheaper than the type where the call is written (which may take checking a whole machine around it).
    if (ts.isCallExpression(expression)) {
      const fn = calleeOf(expression);
      const signature = fn && (fn.type || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) ? checker.getSignatureFromDeclaration(fn) : undefined;
      const declared = signature && fn?.type && !fn.typeParameters ? literalsOf(checker.getReturnTypeOfSignature(signature)) : undefined;
      if (declared) return { values: declared };
    }
    // The type where it is said: a union of literals, narrowed by the code around it.
    const literals = literalsOf(checker.getTypeAtLocation(expression));
    if (literals) return { values: literals };
    if (ts.isIdentifier(expression)) {
      const declaration = symbolOf(expression)?.valueDeclaration;
      if (declaration && ts.isParameter(declaration)) {
        const given = callbackArguments(declaration, env, depth);
        if (given) return given;
        return { why: `parameter \`${expression.text}\``, parameter: declaration };
      }
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
        return enumerate(declaration.initializer, env, depth + 1);
      }
    }
    // A helper of ours that returns one of a few keys.
    if (ts.isCallExpression(expression)) {
      const fn = calleeOf(expression);
      if (fn) {
        const returned = returnsOf(fn);
        if (returned.length > 0) return union(returned, bind(fn, expression, env), depth);
      }
    }
    return { why: `\`${expression.getText()}\` is a \`${checker.typeToString(checker.getTypeAtLocation(expression))}\`` };
  };

  /**
   * What a callback's parameter is given: the elements of an array literal it maps over
   * (`['site', 'total'].map((column) => …)`), or the arguments a function of ours calls it with
   * (`expectationOf(pending, (key) => …)` calls `label(shown.key)`). `undefined` when the
   * parameter is not a callback's.
   */
  const callbackArguments = (parameter: ts.ParameterDeclaration, env: Env, depth: number): Enumerated | undefined => {
    const callback = parameter.parent;
    if (!(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) || !ts.isCallExpression(callback.parent)) return undefined;
    const call = callback.parent;
    const position = callback.parameters.indexOf(parameter);
    const argumentIndex = call.arguments.indexOf(callback);
    if (ts.isPropertyAccessExpression(call.expression) && ARRAY_METHODS.has(call.expression.name.text) && position === 0) {
      const elements = arrayElements(call.expression.expression);
      if (elements) return union(elements, env, depth);
    }
    const fn = calleeOf(call);
    const slot = fn?.parameters[argumentIndex];
    const slotSymbol = slot && checker.getSymbolAtLocation(slot.name);
    if (!fn?.body || !slotSymbol) return undefined;
    const values = new Set<string>();
    let found = false;
    const visit = (node: ts.Node): Enumerated | undefined => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && valueSymbolOf(node.expression) === slotSymbol) {
        const argument = node.arguments[position];
        if (argument) {
          found = true;
          const part = enumerate(argument, bind(fn, call, env), depth + 1);
          if (!('values' in part)) return part;
          for (const value of part.values) values.add(value);
        }
      }
      return ts.forEachChild(node, visit);
    };
    const failed = visit(fn.body);
    if (failed) return failed;
    return found ? { values: [...values] } : undefined;
  };

  /** The elements of an array literal, written there or in the constant that holds it. */
  const arrayElements = (original: ts.Expression): ts.Expression[] | undefined => {
    const expression = unwrap(original);
    if (ts.isArrayLiteralExpression(expression))
      return expression.elements.flatMap((element) => (ts.isSpreadElement(element) ? (arrayElements(element.expression) ?? [element]) : [element]));
    if (ts.isIdentifier(expression)) {
      const declaration = symbolOf(expression)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)
        return arrayElements(declaration.initializer);
    }
    return undefined;
  };

  const union = (expressions: ts.Expression[], env: Env, depth: number): Enumerated => {
    const values = new Set<string>();
    for (const each of expressions) {
      const part = enumerate(each, env, depth + 1);
      if (!('values' in part)) return part;
      for (const value of part.values) values.add(value);
    }
    return { values: [...values] };
  };

  // ---- Parameters: the names an object gives, looking through spreads, conditionals and helpers.
  const noParams = (): ParamSet => ({ names: new Map(), origins: new Map(), optional: new Set(), open: false });
  /** Both sets of names, as an object with both spread gives them. */
  const merge = (into: ParamSet, other: ParamSet) => {
    for (const name of other.names.keys()) {
      if (into.names.has(name) && !into.optional.has(name)) continue;
      if (!other.optional.has(name)) into.optional.delete(name);
      else if (!into.names.has(name)) into.optional.add(name);
    }
    for (const [name, values] of other.names) into.names.set(name, [...(into.names.get(name) ?? []), ...values]);
    for (const [name, origins] of other.origins) into.origins.set(name, new Set([...(into.origins.get(name) ?? []), ...origins]));
    into.open ||= other.open;
  };
  /** One set of names or the other (the branches of a conditional, the returns of a function): a name only one has may be absent. */
  const either = (sets: ParamSet[]): ParamSet => {
    const result = noParams();
    for (const set of sets) merge(result, set);
    for (const name of result.names.keys()) if (sets.some((set) => !set.names.has(name) || set.optional.has(name))) result.optional.add(name);
    return result;
  };
  const named = (name: string, origin: ts.Node, value?: Value, optional = false): ParamSet => ({
    names: new Map([[name, value ? [value] : []]]),
    origins: new Map([[name, new Set([where(origin)])]]),
    optional: new Set(optional ? [name] : []),
    open: false,
  });

  const isGlobals = (expression: ts.Expression) => {
    const alias = checker.getTypeAtLocation(expression).aliasSymbol;
    return alias?.name === 'GlobalParams' && alias.declarations?.[0]?.getSourceFile().fileName === join(ROOT, 'bot/rendering/renderer.ts');
  };

  const paramsOf = (original: ts.Expression | undefined, env: Env, depth = 0): ParamSet => {
    if (!original) return noParams();
    if (depth > MAX_DEPTH) return { ...noParams(), open: true };
    const expression = unwrap(original);
    if (ts.isObjectLiteralExpression(expression)) {
      const result = noParams();
      for (const property of expression.properties) {
        if (ts.isPropertyAssignment(property)) merge(result, named(property.name.getText().replace(/^['"]|['"]$/g, ''), property, { expression: property.initializer, env }));
        else if (ts.isShorthandPropertyAssignment(property)) merge(result, named(property.name.text, property, { expression: property.name, env }));
        else if (ts.isSpreadAssignment(property)) merge(result, paramsOf(property.expression, env, depth + 1));
        else result.open = true;
      }
      return result;
    }
    if (ts.isConditionalExpression(expression)) return either([paramsOf(expression.whenTrue, env, depth + 1), paramsOf(expression.whenFalse, env, depth + 1)]);
    if (ts.isBinaryExpression(expression)) {
      const operator = expression.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return either([noParams(), paramsOf(expression.right, env, depth + 1)]);
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        return either([paramsOf(expression.left, env, depth + 1), paramsOf(expression.right, env, depth + 1)]);
      }
    }
    if (expression === NOTHING || (ts.isIdentifier(expression) && expression.text === 'undefined')) return noParams();
    // The renderer's globals (`{ ...this.globals, ...params }`) are every lina text's: `globals` lists them.
    if ((ts.isPropertyAccessExpression(expression) || ts.isIdentifier(expression)) && isGlobals(expression)) return noParams();
    if (ts.isIdentifier(expression)) {
      const symbol = valueSymbolOf(expression);
      const bound = symbol && env.get(symbol);
      if (bound) return paramsOf(bound.expression, bound.env, depth + 1);
      const declaration = symbolOf(expression)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
        return paramsOf(declaration.initializer, env, depth + 1);
      }
    }
    if (ts.isCallExpression(expression)) {
      // `params(context)`, where `params` is an arrow function passed by the call being read.
      const callee = unwrap(expression.expression);
      if (ts.isIdentifier(callee)) {
        const symbol = checker.getSymbolAtLocation(callee);
        const bound = symbol && env.get(symbol);
        const given = bound && unwrap(bound.expression);
        if (given && bound && (ts.isArrowFunction(given) || ts.isFunctionExpression(given))) {
          return either(returnsOf(given).map((returned) => paramsOf(returned, bind(given, expression, bound.env), depth + 1)));
        }
      }
      const fn = calleeOf(expression);
      const returned = fn ? returnsOf(fn) : [];
      if (fn && returned.length > 0) return either(returned.map((each) => paramsOf(each, bind(fn, expression, env), depth + 1)));
    }
    // The type: its properties, or open when it takes any name.
    const type = checker.getNonNullableType(checker.getTypeAtLocation(expression));
    if (type.getStringIndexType() || type.flags & ts.TypeFlags.Any) return { ...noParams(), open: true };
    const result = noParams();
    for (const property of type.getProperties()) merge(result, named(property.name, expression, undefined, (property.flags & ts.SymbolFlags.Optional) !== 0));
    return result;
  };

  // ---- What is said.
  const said: Said[] = [];
  const unresolved: Unresolved[] = [];
  const derived = new Set<string>();

  /**
   * The `context` values a key is said with. Without a `context`, the key itself. A value
   * written `undefined` (`self ? 'self' : undefined`) says the key itself too. A `context` that
   * may be left out (`cond ? { context } : {}`) or whose type allows `undefined` only may fall back
   * to the key itself: that is counted as a use of it, never required of the locale.
   */
  const contextsOf = (params: ParamSet): Pick<Said, 'contexts' | 'mayFallBack'> => {
    const values = params.names.get('context');
    if (!values) return { contexts: new Set([undefined]), mayFallBack: false };
    if (values.length === 0) return { contexts: 'any', mayFallBack: true };
    const contexts = new Set<string | undefined>();
    let mayFallBack = params.optional.has('context');
    const read = (original: ts.Expression, env: Env): boolean => {
      const expression = unwrap(original);
      if (ts.isIdentifier(expression) && expression.text === 'undefined') {
        contexts.add(undefined);
        return true;
      }
      if (ts.isConditionalExpression(expression)) return read(expression.whenTrue, env) && read(expression.whenFalse, env);
      const enumerated = enumerate(expression, env);
      if (!('values' in enumerated)) return false;
      for (const each of enumerated.values) contexts.add(each);
      const type = checker.getTypeAtLocation(expression);
      if ((type.isUnion() ? type.types : [type]).some((part) => part.flags & ts.TypeFlags.Undefined)) mayFallBack = true;
      return true;
    };
    for (const value of values) if (!read(value.expression, value.env)) return { contexts: 'any', mayFallBack: true };
    return { contexts, mayFallBack };
  };

  /** Every value of `env` read, at its deepest, with `outer` instead of nothing bound. */
  const within = (env: Env, outer: Env): Env => {
    if (env.size === 0) return outer;
    const rebound = new Map<ts.Symbol, Value>();
    for (const [symbol, value] of env) rebound.set(symbol, { expression: value.expression, env: within(value.env, outer) });
    return rebound;
  };

  /**
   * A saying: `keyExpression` in `namespace` with the parameters `paramsAt` gives, read with `env`.
   * `site` is where it is said: the outermost call that gave the key. A key given by a parameter
   * makes the function a way of saying keys: each of its calls is read, with the parameter bound
   * to what the call passes (and, when that is a parameter again, the calls of the function
   * around the call, and so on out).
   */
  const say = (namespace: string, keyExpression: ts.Expression, paramsAt: (env: Env) => ParamSet, env: Env, site: ts.Node, depth = 0): void => {
    const keys = enumerate(keyExpression, env);
    if ('values' in keys) {
      const params = paramsAt(env);
      const contexts = contextsOf(params);
      for (const key of keys.values) said.push({ namespace, key, where: where(site), params, ...contexts });
      return;
    }
    const fn = keys.parameter?.parent;
    if (fn && ts.isFunctionLike(fn) && 'body' in fn && depth < MAX_DEPTH) {
      const calls = callsOf(fn);
      for (const call of calls) {
        const id = `${call.getSourceFile().fileName}:${call.pos}→${keyExpression.pos}:${depth}`;
        if (derived.has(id)) continue;
        derived.add(id);
        say(namespace, keyExpression, paramsAt, within(env, bind(fn, call, EMPTY)), call, depth + 1);
      }
      if (calls.length > 0) return;
    }
    const written = keys.template ?? keyExpression;
    unresolved.push({ namespace, where: where(site), expression: `${fileOf(written)}: ${written.getText()}`, why: keys.why });
  };

  /** The parameters of a reply object: its `params`, found through spreads (`...(params ? { params } : {})`). */
  const replyParams = (object: ts.ObjectLiteralExpression, env: Env): ParamSet => {
    const result = noParams();
    const add = (other: ParamSet) => merge(result, other);
    for (const property of object.properties) {
      if (ts.isPropertyAssignment(property) && property.name.getText() === 'params') add(paramsOf(property.initializer, env));
      else if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'params') add(paramsOf(property.name, env));
      else if (ts.isSpreadAssignment(property)) {
        const spread = unwrap(property.expression);
        const branches = ts.isConditionalExpression(spread) ? [unwrap(spread.whenTrue), unwrap(spread.whenFalse)] : [spread];
        for (const branch of branches) {
          if (ts.isObjectLiteralExpression(branch)) add(replyParams(branch, env));
          // Another reply spread into this one (`{ ...said, key }`): its parameters, checked where it was made.
          else if (checker.getNonNullableType(checker.getTypeAtLocation(branch)).getProperty('params')) result.open = true;
        }
      }
    }
    return result;
  };

  /** `x.key` where `x` is a reply (`Reply`, `ReplyOption`, `ReplyItem` of dialogs/replies.ts). */
  const readsReplyKey = (expression: ts.Expression): boolean => {
    if (!ts.isPropertyAccessExpression(expression) || expression.name.text !== 'key') return false;
    return memberOf(expression)?.getSourceFile().fileName === repliesFile;
  };

  /** A reply type (`Reply`, `ReplyOption`, `ReplyItem` of dialogs/replies.ts), or an array of them. */
  const isReplyType = (type: ts.Type | undefined): boolean => {
    if (!type) return false;
    const parts = type.isUnion() ? type.types : [type];
    return parts.some(
      (part) =>
        part.getProperty('key')?.valueDeclaration?.getSourceFile().fileName === repliesFile ||
        (checker.isArrayType(part) || checker.isTupleType(part) ? isReplyType(checker.getIndexTypeOfType(part, ts.IndexKind.Number)) : false),
    );
  };

  const containingFunction = (node: ts.Node): ts.Node | undefined => {
    let current = node.parent;
    while (current && !ts.isFunctionLike(current)) current = current.parent;
    return current;
  };

  /**
   * An object literal typed as a reply: where it is expected to be one, or made by a callback
   * that maps a list into replies (`sites.map((site) => ({ key: 'help.addressItem', params: { site } }))`
   * given where items go).
   */
  const isReplyObject = (object: ts.ObjectLiteralExpression): boolean => {
    if (isReplyType(checker.getContextualType(object))) return true;
    let node: ts.Node = object;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const returned = ts.isReturnStatement(node.parent) ? containingFunction(node.parent) : node.parent;
    if (!returned || !(ts.isArrowFunction(returned) || ts.isFunctionExpression(returned)) || !ts.isCallExpression(returned.parent)) return false;
    const call = returned.parent;
    return ts.isPropertyAccessExpression(call.expression) && ARRAY_METHODS.has(call.expression.name.text) && isReplyType(checker.getContextualType(call));
  };

  /** The namespace of an i18next `t` call: `i18n.t(…)` or `this.i18n.t(…)` in a file that loads one. */
  const tCallNamespace = (call: ts.CallExpression): string | undefined => {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return undefined;
    const target = callee.expression;
    const isI18n = (ts.isIdentifier(target) && target.text === 'i18n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'i18n');
    return isI18n ? namespaceOfFile.get(call.getSourceFile()) : undefined;
  };

  // ---- Names code reads from a reply's parameters (`prompt?.params?.site`, `item.params.site`).
  const paramsReadByCode = new Set<string>();
  const isReplyParams = (expression: ts.Expression) => {
    const type = checker.getNonNullableType(checker.getTypeAtLocation(expression));
    return type.aliasSymbol?.name === 'ReplyParams' && type.aliasSymbol.declarations?.[0]?.getSourceFile().fileName === repliesFile;
  };
  const writtenParams = (expression: ts.Expression) =>
    (ts.isIdentifier(expression) && expression.text === 'params') || (ts.isPropertyAccessExpression(expression) && expression.name.text === 'params');

  for (const file of ours) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const namespace = tCallNamespace(node);
        const [key, params] = node.arguments;
        if (namespace && key) say(namespace, key, (env) => paramsOf(params, env), EMPTY, node);
      }
      const keyProperty = ts.isObjectLiteralExpression(node)
        ? node.properties.find((property) => property.name && ts.isIdentifier(property.name) && property.name.text === 'key')
        : undefined;
      if (keyProperty && ts.isObjectLiteralExpression(node) && isReplyObject(node)) {
        const keyValue =
          keyProperty && ts.isPropertyAssignment(keyProperty)
            ? keyProperty.initializer
            : keyProperty && ts.isShorthandPropertyAssignment(keyProperty)
              ? keyProperty.name
              : undefined;
        if (keyValue) say('lina', keyValue, (env) => replyParams(node, env), EMPTY, node);
      }
      // Only what is written `….params.x` or `params.x` can be a reply's parameters: the type is asked of those alone.
      if (ts.isPropertyAccessExpression(node) && writtenParams(node.expression) && isReplyParams(node.expression)) paramsReadByCode.add(node.name.text);
      if (ts.isElementAccessExpression(node) && writtenParams(node.expression) && ts.isStringLiteralLike(node.argumentExpression) && isReplyParams(node.expression)) {
        paramsReadByCode.add(node.argumentExpression.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  // ---- The renderer's globals and the formats whose placeholder may be left out.
  const renderer = ours.find((file) => file.fileName === join(ROOT, 'bot/rendering/renderer.ts'));
  const globals = noParams();
  for (const given of rendererGlobals) merge(globals, paramsOf(given, EMPTY));
  const optionalPatterns: RegExp[] = [];
  if (renderer) {
    const visit = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        /^(OPTIONAL_PART|NO_ONE_TO_NAME)$/.test(node.name.text) &&
        node.initializer &&
        ts.isRegularExpressionLiteral(node.initializer)
      ) {
        const literal = node.initializer.text;
        const slash = literal.lastIndexOf('/');
        optionalPatterns.push(new RegExp(literal.slice(1, slash), literal.slice(slash + 1)));
      }
      ts.forEachChild(node, visit);
    };
    visit(renderer);
  }
  const optionalFormats = (format: string) => optionalPatterns.some((pattern) => pattern.test(`x, ${format}`));

  return { said, unresolved, wholeSubtrees, paramsReadByCode, globals, optionalFormats };
}
