const HEX_PAIR = /^[0-9a-f]{2}$/i;
export const MALFORMED_UTF8_PATTERNS: readonly RegExp[] = [HEX_PAIR];

/** The bytes a percent-encoded string stands for; characters outside ASCII stand for themselves (0x41). */
function percentBytes(raw: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 37 && i + 2 < raw.length && HEX_PAIR.test(raw.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    bytes.push(ch < 0x80 ? ch : 0x41);
  }
  return bytes;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/**
 * Whether percent escapes spell a UTF-8 sequence that is malformed in the ways lax decoders turn into
 * something else: overlong forms (`%C0%AF` for `/`, any `C0`/`C1` lead), surrogates, code points
 * beyond U+10FFFF or the obsolete 5- and 6-byte forms, and multi-byte sequences cut short after their
 * first continuation byte. Bytes of legacy single-byte charsets (`caf%E9` in Latin-1, EBCDIC form
 * posts) are not UTF-8 at all rather than disguised UTF-8: a lead byte with no continuation after
 * it and stray continuation bytes are left alone.
 */
export function hasMalformedUtf8(raw: string): boolean {
  if (raw.indexOf("%") < 0) return false;
  const bytes = percentBytes(raw);
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0xc0) continue;
    if (lead <= 0xc1) return true;
    if (!isContinuation(bytes[i + 1])) continue;
    if (lead >= 0xf5) return true;
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    for (let k = 1; k < length; k++) if (!isContinuation(bytes[i + k])) return true;
    const second = bytes[i + 1] as number;
    if (lead === 0xe0 && second < 0xa0) return true;
    if (lead === 0xed && second >= 0xa0) return true;
    if (lead === 0xf0 && second < 0x90) return true;
    if (lead === 0xf4 && second >= 0x90) return true;
    i += length - 1;
  }
  return false;
}
