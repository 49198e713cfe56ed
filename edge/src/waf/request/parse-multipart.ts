import type { Field } from "./parse-form.ts";

export type MultipartPart = Field & { filename: string | null };

const BOUNDARY = /boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))/i;
const DISPOSITION_NAME = /\bname="([^"]{0,500})"|\bname=([^\s;]{1,500})/i;
const BLANK_LINE = /\r?\n\r?\n/;
const LEADING_BLANK_LINE = /^\r?\n\r?\n/;
const TRAILING_NEWLINE = /\r?\n$/;
const DISPOSITION_FILENAME = /\bfilename\*?="([^"]{0,500})"|\bfilename\*?=([^\s;]{1,500})/i;

export const MULTIPART_PATTERNS: readonly RegExp[] = [
  BOUNDARY,
  DISPOSITION_NAME,
  DISPOSITION_FILENAME,
  BLANK_LINE,
  LEADING_BLANK_LINE,
  TRAILING_NEWLINE,
];

/** A tolerant multipart/form-data reader: enough to inspect each part's name, file name and content. */
export function parseMultipart(body: string, contentType: string, limit: number): MultipartPart[] | null {
  const boundaryMatch = BOUNDARY.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) return null;
  const delimiter = `--${boundary}`;
  const parts: MultipartPart[] = [];
  const chunks = body.split(delimiter);
  for (let i = 1; i < chunks.length && parts.length < limit; i++) {
    const chunk = chunks[i] as string;
    if (chunk.startsWith("--")) break;
    const headerEnd = chunk.search(BLANK_LINE);
    if (headerEnd < 0) continue;
    const head = chunk.slice(0, headerEnd);
    let content = chunk.slice(headerEnd).replace(LEADING_BLANK_LINE, "");
    content = content.replace(TRAILING_NEWLINE, "");
    const nameMatch = DISPOSITION_NAME.exec(head);
    const fileMatch = DISPOSITION_FILENAME.exec(head);
    parts.push({
      name: nameMatch?.[1] ?? nameMatch?.[2] ?? "",
      value: content,
      filename: fileMatch ? (fileMatch[1] ?? fileMatch[2] ?? "") : null,
    });
  }
  return parts;
}
