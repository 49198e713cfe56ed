import { stripCodeComments } from "./comments.ts";
import { decodeBackslashEscapes } from "./escapes.ts";
import { decodeHtmlEntities } from "./html-entities.ts";
import {
  compressWhitespace,
  foldUnicode,
  lowerCase,
  normalizePath,
  removeControlChars,
} from "./normalize.ts";
import type { ValueAlphabet } from "./plain-value.ts";
import { urlDecode } from "./url-decode.ts";

/**
 * Named transformation pipelines. Every rule states the one it needs; the engine computes each
 * pipeline at most once per target value.
 * - `raw`: as the application receives it.
 * - `decoded`: repeated URL, HTML-entity and backslash-escape decoding (multi-layer evasions),
 *   control characters removed, Unicode compatibility forms folded.
 * - `lower`: `decoded`, lower-cased.
 * - `compact`: `lower` with whitespace runs collapsed to one space.
 * - `path`: `lower` with path separators normalised.
 * - `code`: `lower` without C-family comments, whitespace collapsed (PHP/JavaScript shapes).
 */
export type PipelineName = "raw" | "decoded" | "lower" | "compact" | "path" | "code";

const MAX_DECODE_ROUNDS = 3;

export function fullyDecode(input: string): string {
  let current = input;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = decodeBackslashEscapes(decodeHtmlEntities(urlDecode(current)));
    if (next === current) break;
    current = next;
  }
  return foldUnicode(removeControlChars(current));
}

export class ValueViews {
  raw = "";
  private identity = false;
  private decodedValue: string | undefined;
  private lowerValue: string | undefined;
  private compactValue: string | undefined;
  private pathValue: string | undefined;
  private codeValue: string | undefined;

  /**
   * `alphabet`: the caller has found the value written in one of plain-value.ts's alphabets. None of
   * them has anything for the decoders to act on, so the decoded view is the value itself; in the
   * narrow ones no normaliser has work either, and every view is the value, lower-cased where the
   * pipeline lower-cases.
   */
  constructor(raw = "", alphabet?: ValueAlphabet) {
    this.reset(raw, alphabet);
  }

  /**
   * Starts over with another value. The engine keeps one instance per isolate and resets it per target
   * instead of allocating one per value: inspection is synchronous, and rules receive strings only.
   */
  reset(raw: string, alphabet?: ValueAlphabet): this {
    this.raw = raw;
    this.identity = alphabet?.identityViews === true;
    this.decodedValue = alphabet === undefined ? undefined : raw;
    this.lowerValue = undefined;
    this.compactValue = undefined;
    this.pathValue = undefined;
    this.codeValue = undefined;
    return this;
  }

  get decoded(): string {
    this.decodedValue ??= fullyDecode(this.raw);
    return this.decodedValue;
  }

  get lower(): string {
    this.lowerValue ??= lowerCase(this.decoded);
    return this.lowerValue;
  }

  get compact(): string {
    this.compactValue ??= this.identity ? this.lower : compressWhitespace(this.lower);
    return this.compactValue;
  }

  get path(): string {
    this.pathValue ??= this.identity ? this.lower : normalizePath(this.lower);
    return this.pathValue;
  }

  get code(): string {
    this.codeValue ??= this.identity ? this.lower : compressWhitespace(stripCodeComments(this.lower));
    return this.codeValue;
  }

  view(name: PipelineName): string {
    switch (name) {
      case "raw":
        return this.raw;
      case "decoded":
        return this.decoded;
      case "lower":
        return this.lower;
      case "compact":
        return this.compact;
      case "path":
        return this.path;
      case "code":
        return this.code;
    }
  }
}
