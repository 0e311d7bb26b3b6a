// @vitest-environment node
/**
 * Languages (issue 7): every locale has the same messages with the same placeholders, every key
 * the code asks for exists, and no component renders a literal user-facing string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesObject } from '@wxt-dev/i18n/build';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
import { chromeMessages, messageGetter, translate, type MessagesFile } from '@/tests/support/locale-messages';

const ROOT = join(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, 'utils/i18n/locales');

/** Attributes whose value is read or shown to the person, on any element. */
const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Props of our own components that they render as text. */
const COMPONENT_TEXT_PROPS = new Set([
  'label',
  'anyLabel',
  'submitLabel',
  'heading',
  'empty',
  'emptyMessage',
  'name',
  'question',
  'low',
  'high',
  'message',
  'sessionLabel',
  'customSitesUnsupported',
]);

const LETTER = /\p{L}/u;

function localeFiles(): Map<string, MessagesFile> {
  const files = new Map<string, MessagesFile>();
  for (const name of readdirSync(LOCALES_DIR).filter((file) => file.endsWith('.json'))) {
    files.set(name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(LOCALES_DIR, name), 'utf8')) as MessagesFile);
  }
  return files;
}

/** Every message by its dotted key; a plural message is one entry holding its forms. */
function messagesByKey(file: MessagesFile, prefix = ''): Map<string, Record<string, string>> {
  const result = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(file)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, { message: value });
    else if (Object.keys(value).every((form) => form === 'n' || Number.isFinite(Number(form)))) {
      result.set(path, value as Record<string, string>);
    } else for (const [inner, forms] of messagesByKey(value, path)) result.set(inner, forms);
  }
  return result;
}

/** `{name}` and `$1` placeholders across all forms of a message. */
function placeholders(forms: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const text of Object.values(forms)) {
    for (const match of text.matchAll(/\{([A-Za-z0-9_]+)\}|(?<!\$)\$([1-9])/g)) found.add(match[1] ?? `$${match[2]}`);
  }
  return [...found].sort();
}

function sourceFiles(dirs: string[], extensions: RegExp): string[] {
  return dirs.flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .filter((file) => extensions.test(file))
      .map((file) => join(dir, file).replaceAll('\\', '/')),
  );
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const en = localeFiles().get('en')!;
const enKeys = messagesByKey(en);

describe('the locales match', () => {
  const locales = localeFiles();

  it('has English and Spanish', () => {
    expect([...locales.keys()].sort()).toEqual(['en', 'es']);
  });

  it.each([...locales.keys()].filter((locale) => locale !== 'en'))('%s has exactly the English keys, plural forms and placeholders', (locale) => {
    const other = messagesByKey(locales.get(locale)!);
    const missing = [...enKeys.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !enKeys.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    const differing = [...enKeys].flatMap(([key, forms]) => {
      const theirs = other.get(key)!;
      const problems: string[] = [];
      if (Object.keys(forms).join() !== Object.keys(theirs).join()) problems.push(`${key}: forms ${Object.keys(theirs)} ≠ ${Object.keys(forms)}`);
      if (placeholders(forms).join() !== placeholders(theirs).join()) {
        problems.push(`${key}: placeholders ${placeholders(theirs)} ≠ ${placeholders(forms)}`);
      }
      if (Object.values(theirs).some((text) => text.trim() === '')) problems.push(`${key}: empty`);
      return problems;
    });
    expect(differing).toEqual([]);
  });

  it('writes message names browser.i18n accepts (letters, digits, underscores once joined)', () => {
    expect([...enKeys.keys()].filter((key) => !/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/.test(key))).toEqual([]);
  });

  it('the fake getMessage of the unit tests and Node scripts sees what the build ships', () => {
    const shipped = Object.fromEntries(Object.entries(generateChromeMessages(parseMessagesObject(en))).map(([name, m]) => [name, m.message]));
    expect(chromeMessages(en)).toEqual(shipped);
  });

  it('Node scripts read the same English as the extension, plurals and placeholders included', () => {
    const node = messageGetter(chromeMessages(en));
    const untyped = t as unknown as (key: string, ...args: unknown[]) => string;
    for (const [key, forms] of enKeys) {
      const named = Object.fromEntries(placeholders(forms).filter((p) => !p.startsWith('$')).map((p) => [p, `<${p}>`]));
      const isPlural = !('message' in forms);
      for (const args of isPlural ? [[0, named], [1, named], [7, named]] : [[named]]) {
        expect(translate(node, key, args as never), key).toBe(untyped(key, ...args));
      }
    }
  });
});

/** Keys passed to `t` in code: literals exactly, template literals as patterns. */
function keysUsed(): { literal: Map<string, string>; patterns: { pattern: RegExp; where: string }[] } {
  const literal = new Map<string, string>();
  const patterns: { pattern: RegExp; where: string }[] = [];
  for (const file of sourceFiles(['components', 'entrypoints', 'utils'], /\.tsx?$/)) {
    const source = parse(file);
    walk(source, (node) => {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 't') return;
      const [key] = node.arguments;
      const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (key && ts.isStringLiteralLike(key)) literal.set(key.text, where);
      else if (key && ts.isTemplateExpression(key)) {
        const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const body = [escape(key.head.text), ...key.templateSpans.map((span) => `[A-Za-z0-9]+${escape(span.literal.text)}`)].join('');
        patterns.push({ pattern: new RegExp(`^${body}$`), where });
      }
    });
  }
  // The manifest names its messages as __MSG_a_b__.
  for (const match of readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)) {
    literal.set(match[1]!.replaceAll('_', '.'), 'wxt.config.ts');
  }
  return { literal, patterns };
}

describe('the code and the messages agree', () => {
  const { literal, patterns } = keysUsed();

  it('finds the calls it checks', () => {
    expect(literal.size).toBeGreaterThan(100);
    expect(patterns.length).toBeGreaterThan(0);
  });

  it('every key the code asks for exists in English', () => {
    const missing = [...literal].filter(([key]) => !enKeys.has(key)).map(([key, where]) => `${where}: ${key}`);
    const unmatched = patterns.filter(({ pattern }) => ![...enKeys.keys()].some((key) => pattern.test(key))).map((p) => `${p.where}: ${p.pattern}`);
    expect([...missing, ...unmatched]).toEqual([]);
  });

  it('every English message is used somewhere', () => {
    const unused = [...enKeys.keys()].filter((key) => !literal.has(key) && !patterns.some(({ pattern }) => pattern.test(key)));
    expect(unused).toEqual([]);
  });
});

/** The string parts of what an expression evaluates to: `a && 'x'`, `c ? 'x' : y`, `` `x ${y}` ``. */
function resultStrings(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteralLike(expression) || ts.isTemplateExpression(expression)) return [expression];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) {
    return resultStrings(expression.expression);
  }
  if (ts.isConditionalExpression(expression)) return [...resultStrings(expression.whenTrue), ...resultStrings(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return resultStrings(expression.right);
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return [...resultStrings(expression.left), ...resultStrings(expression.right)];
    }
  }
  return [];
}

/** The words a string node shows (a template literal's fixed parts only). */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return '';
}

/** Each literal user-facing string in a .tsx file, as `file:line: "text"`. */
function literalStrings(file: string, source: ts.SourceFile = parse(file)): string[] {
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!LETTER.test(text)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${file}:${line}: ${JSON.stringify(text.trim().replace(/\s+/g, ' '))}`);
  };
  walk(source, (node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const part of resultStrings(node.expression)) report(part, literalText(part));
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      const tag = node.parent.parent.tagName.getText(source);
      const isComponent = /^[A-Z]/.test(tag);
      if (!USER_FACING_ATTRIBUTES.has(name) && !(isComponent && COMPONENT_TEXT_PROPS.has(name))) return;
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report(value, value.text);
      else if (ts.isJsxExpression(value) && value.expression) {
        for (const part of resultStrings(value.expression)) report(part, literalText(part));
      }
    }
  });
  return found;
}

describe('components render no literal words', () => {
  const files = sourceFiles(['components', 'entrypoints'], /\.tsx$/);

  it('checks every component and page', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('the check itself catches text, labels, placeholders and strings in expressions', () => {
    const sample = ts.createSourceFile(
      'sample.tsx',
      [
        'const a = <p>Hello there</p>;',
        'const b = <input placeholder="Your name" aria-label={`Remove ${host}`} />;',
        "const c = <p>{saved && 'Saved.'}{busy ? t('x') : 'Wait'}</p>;",
        'const d = <RatingScale name="Trust" low={t(\'low\')} />;',
        "const fine = <p class=\"hint\" data-x=\"ok\">{t('a')} · {value}{' '}—</p>;",
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(literalStrings('sample.tsx', sample)).toEqual([
      'sample.tsx:1: "Hello there"',
      'sample.tsx:2: "Your name"',
      'sample.tsx:2: "Remove"',
      'sample.tsx:3: "Saved."',
      'sample.tsx:3: "Wait"',
      'sample.tsx:4: "Trust"',
    ]);
  });

  it('no component or page renders a literal user-facing string', () => {
    expect(files.flatMap((file) => literalStrings(file))).toEqual([]);
  });
});
