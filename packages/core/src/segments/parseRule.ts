import { SegmentError } from "./SegmentError.ts";
import type { RuleCondition, RuleOperator, RuleValue, SegmentRule } from "./SegmentRule.ts";
import { ruleOperators } from "./SegmentRule.ts";
import { findField, type SegmentField, segmentFields } from "./segmentFields.ts";

type TokenKind = "ident" | "number" | "string" | "op" | "(" | ")" | "," | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string | number;
  readonly pos: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(message: string, pos: number | null): never {
  throw new SegmentError(pos === null ? message : `${message} (at position ${pos + 1})`, pos);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"' || ch === "'") {
      // A quote is escaped by doubling it or with a backslash.
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) fail(`unterminated string starting with ${ch}`, start);
        const c = text[i] ?? "";
        if (c === "\\" && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (c === ch && text[i + 1] === ch) {
          value += ch;
          i += 2;
        } else if (c === ch) {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: "string", text: text.slice(start, i), value, pos: start });
      continue;
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i));
    if (number && (ch !== "-" || /[\d.]/.test(text[i + 1] ?? ""))) {
      i += number[0].length;
      tokens.push({ kind: "number", text: number[0], value: Number(number[0]), pos: start });
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (ident) {
      i += ident[0].length;
      tokens.push({ kind: "ident", text: ident[0], value: ident[0].toLowerCase(), pos: start });
      continue;
    }
    const op = /^(?:<=|>=|!=|<>|==|=|<|>)/.exec(text.slice(i));
    const glued = /^(?:=>|=<|!<|!>|><)/.exec(text.slice(i));
    if (glued) fail(`unknown operator "${glued[0]}"; operators are ${ruleOperators.join(", ")}`, start);
    if (op) {
      i += op[0].length;
      const canonical = op[0] === "==" ? "=" : op[0] === "<>" ? "!=" : op[0];
      tokens.push({ kind: "op", text: op[0], value: canonical, pos: start });
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      i++;
      tokens.push({ kind: ch, text: ch, value: ch, pos: start });
      continue;
    }
    fail(`unexpected character "${ch}"`, start);
  }
  tokens.push({ kind: "end", text: "end of rule", value: "", pos: text.length });
  return tokens;
}

const describe = (t: Token) => (t.kind === "end" ? "the end of the rule" : `"${t.text}"`);
const isWord = (t: Token | undefined, word: string) => t?.kind === "ident" && t.value === word;

/** Checks that `op` applies to the field's type. */
function checkOperator(field: SegmentField, op: RuleOperator, pos: number | null): void {
  const allowed: Record<SegmentField["type"], readonly RuleOperator[]> = {
    text: ["=", "!=", "in", "not in", "is null", "is not null"],
    number: ["=", "!=", "<", "<=", ">", ">=", "in", "not in", "is null", "is not null"],
    date: ["=", "!=", "<", "<=", ">", ">=", "is null", "is not null"],
    list: ["contains", "is null", "is not null"],
    attribute: ["=", "!=", "<", "<=", ">", ">=", "in", "not in", "is null", "is not null"],
  };
  if (!allowed[field.type].includes(op)) {
    fail(
      `operator "${op}" does not apply to ${field.name} (a ${field.type}); use ${allowed[field.type].join(", ")}`,
      pos,
    );
  }
}

/** Checks a condition against its field's type; `pos` locates the literal for errors. */
function checkCondition(
  field: SegmentField,
  op: RuleOperator,
  value: RuleCondition["value"],
  pos: number | null,
): void {
  checkOperator(field, op, pos);
  if (op === "is null" || op === "is not null") return;
  const values = op === "in" || op === "not in" ? (value as readonly RuleValue[]) : [value as RuleValue];
  for (const v of values) {
    const want = field.type === "number" ? "number" : "string";
    // An attribute's type is the data's: a number compares its number, quoted text its text.
    if (field.type !== "attribute" && typeof v !== want) {
      fail(
        `type mismatch: ${field.name} is a ${field.type}, so compare it with a ${field.type === "number" ? "number" : "quoted text"}, not ${JSON.stringify(v)}`,
        pos,
      );
    }
    if (field.type === "date" && !DATE.test(String(v))) {
      fail(`${field.name} is a date: write it as "YYYY-MM-DD", not ${JSON.stringify(v)}`, pos);
    }
    if (field.values && !field.values.includes(String(v))) {
      fail(`${field.name} has no value ${JSON.stringify(v)}; use one of ${field.values.join(", ")}`, pos);
    }
  }
}

function unknownField(name: string, pos: number | null): never {
  return fail(
    `unknown field "${name}"; fields are ${segmentFields.map((f) => f.name).join(", ")} and spend_<N>d (spend in the last N days)`,
    pos,
  );
}

/**
 * Deepest nesting of parentheses, `not` and JSON `and`/`or`/`not` a rule may have: far beyond any
 * real segment, and far below what would overflow the parser's stack (a 5,000-deep rule is a clear
 * 400, not a crash).
 */
export const maxRuleDepth = 64;

function tooDeep(pos: number | null): never {
  return fail(`the rule nests deeper than ${maxRuleDepth} levels of parentheses, "not", "and" or "or"`, pos);
}

class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.at] ?? (this.tokens.at(-1) as Token);
  }

  private next(): Token {
    const t = this.peek();
    if (this.at < this.tokens.length - 1) this.at++;
    return t;
  }

  parse(): SegmentRule {
    const rule = this.or();
    const t = this.peek();
    if (t.kind !== "end") fail(`expected "and", "or" or the end of the rule, got ${describe(t)}`, t.pos);
    return rule;
  }

  private or(): SegmentRule {
    const parts = [this.and()];
    while (isWord(this.peek(), "or")) {
      this.next();
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as SegmentRule) : { or: parts };
  }

  private and(): SegmentRule {
    const parts = [this.not()];
    while (isWord(this.peek(), "and")) {
      this.next();
      parts.push(this.not());
    }
    return parts.length === 1 ? (parts[0] as SegmentRule) : { and: parts };
  }

  private not(): SegmentRule {
    if (isWord(this.peek(), "not") || this.peek().kind === "(") {
      if (this.depth >= maxRuleDepth) tooDeep(this.peek().pos);
      this.depth++;
      try {
        return this.nested();
      } finally {
        this.depth--;
      }
    }
    return this.condition();
  }

  /** `not …` or `( … )`: one level deeper. */
  private nested(): SegmentRule {
    if (isWord(this.next(), "not")) return { not: this.not() };
    const inner = this.or();
    const close = this.next();
    if (close.kind !== ")") fail(`expected ")" to close the parenthesis, got ${describe(close)}`, close.pos);
    return inner;
  }

  private literal(): { value: RuleValue; pos: number } {
    const t = this.next();
    if (t.kind === "string" || t.kind === "number") return { value: t.value, pos: t.pos };
    return fail(`expected a value (a number or quoted text), got ${describe(t)}`, t.pos);
  }

  private condition(): RuleCondition {
    const name = this.next();
    if (name.kind !== "ident") fail(`expected a field name, got ${describe(name)}`, name.pos);
    const field = findField(String(name.value)) ?? unknownField(name.text, name.pos);
    const opToken = this.next();
    let op: RuleOperator;
    if (opToken.kind === "op") op = opToken.value as RuleOperator;
    else if (isWord(opToken, "in") || isWord(opToken, "contains")) op = opToken.value as RuleOperator;
    else if (isWord(opToken, "not") && isWord(this.peek(), "in")) {
      this.next();
      op = "not in";
    } else if (isWord(opToken, "is")) {
      const negated = isWord(this.peek(), "not");
      if (negated) this.next();
      const nul = this.next();
      if (!isWord(nul, "null"))
        fail(`expected "null" after "is${negated ? " not" : ""}", got ${describe(nul)}`, nul.pos);
      checkCondition(field, negated ? "is not null" : "is null", undefined, opToken.pos);
      return { field: field.name, op: negated ? "is not null" : "is null" };
    } else {
      return fail(
        `expected an operator after ${field.name} (${ruleOperators.join(", ")}), got ${describe(opToken)}`,
        opToken.pos,
      );
    }
    if (op === "in" || op === "not in") {
      const open = this.next();
      if (open.kind !== "(") fail(`expected "(" after "${op}", got ${describe(open)}`, open.pos);
      checkOperator(field, op, opToken.pos);
      const values: RuleValue[] = [];
      for (;;) {
        const { value, pos } = this.literal();
        checkCondition(field, op, [value], pos);
        values.push(value);
        const sep = this.next();
        if (sep.kind === ")") break;
        if (sep.kind !== ",") fail(`expected "," or ")" in the list, got ${describe(sep)}`, sep.pos);
      }
      return { field: field.name, op, value: values };
    }
    checkOperator(field, op, opToken.pos);
    const { value, pos } = this.literal();
    checkCondition(field, op, value, pos);
    return { field: field.name, op, value };
  }
}

function fromJson(node: unknown, path: string, depth = 0): SegmentRule {
  const bad = (why: string): never => fail(`invalid JSON rule at ${path}: ${why}`, null);
  if (depth > maxRuleDepth) tooDeep(null);
  if (typeof node !== "object" || node === null || Array.isArray(node)) return bad("expected an object");
  const o = node as Record<string, unknown>;
  const keys = Object.keys(o);
  if ("and" in o || "or" in o) {
    const k = "and" in o ? "and" : "or";
    if (keys.length !== 1) return bad(`"${k}" must be the only key`);
    const list = o[k];
    if (!Array.isArray(list) || list.length === 0) return bad(`"${k}" must be a non-empty array`);
    const parts = list.map((p, i) => fromJson(p, `${path}.${k}[${i}]`, depth + 1));
    return k === "and" ? { and: parts } : { or: parts };
  }
  if ("not" in o) {
    if (keys.length !== 1) return bad('"not" must be the only key');
    return { not: fromJson(o.not, `${path}.not`, depth + 1) };
  }
  if (typeof o.field !== "string")
    return bad('expected "and", "or", "not", or a condition with "field", "op" and "value"');
  const field = findField(o.field) ?? unknownField(o.field, null);
  const op = String(o.op).toLowerCase() as RuleOperator;
  if (!ruleOperators.includes(op))
    return bad(`unknown operator ${JSON.stringify(o.op)}; use ${ruleOperators.join(", ")}`);
  if (op === "is null" || op === "is not null") {
    checkCondition(field, op, undefined, null);
    return { field: field.name, op };
  }
  const value = o.value;
  const isLiteral = (v: unknown): v is RuleValue =>
    typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
  if (op === "in" || op === "not in") {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isLiteral)) {
      return bad(`"${op}" needs a non-empty array of numbers or strings`);
    }
    checkCondition(field, op, value, null);
    return { field: field.name, op, value };
  }
  if (!isLiteral(value)) return bad(`"value" must be a number or a string`);
  checkCondition(field, op, value, null);
  return { field: field.name, op, value };
}

/**
 * Parses and validates a segment rule, in text or JSON form. Text: conditions `field op value`
 * joined by `and`, `or`, `not` and parentheses; operators `= != < <= > >=`, `in (…)`, `not in (…)`,
 * `contains`, `is null`, `is not null`; text in double or single quotes; dates as "YYYY-MM-DD".
 * Every field is checked against the whitelist and every literal against the field's type, so a
 * parsed rule always compiles.
 *
 * @throws SegmentError with the 1-based position in the message (and the 0-based `position`).
 * @example
 * parseRule('monetary > 1000 and country in ("United Kingdom", "France") and not rfm_segment = "lost"');
 * parseRule('{"field": "p_alive", "op": "<", "value": 0.3}');
 */
export function parseRule(text: string): SegmentRule {
  const trimmed = text.trim();
  if (trimmed === "") fail("the rule is empty", 0);
  if (trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      fail(`the rule looks like JSON but does not parse: ${(error as Error).message}`, null);
    }
    return fromJson(json, "$");
  }
  return new Parser(tokenize(text)).parse();
}
