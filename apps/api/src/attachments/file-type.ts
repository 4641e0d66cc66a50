/**
 * The type of an upload judged by its first bytes, not by its name or the browser's claim: a renamed .exe
 * is not a PDF. Only the kinds a school sends as evidence are accepted.
 */
export interface FileKind {
  kind: string;
  mime: string;
  extensions: string[];
}

const KINDS: { kind: FileKind; test: (b: Buffer) => boolean }[] = [
  { kind: { kind: 'pdf', mime: 'application/pdf', extensions: ['pdf'] }, test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    kind: { kind: 'png', mime: 'image/png', extensions: ['png'] },
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { kind: { kind: 'jpeg', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] }, test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    // docx/xlsx are zip containers; the extension says which.
    kind: { kind: 'office', mime: 'application/zip', extensions: ['docx', 'xlsx'] },
    test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  },
];

const OFFICE_MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The accepted kind of these bytes under this name, or null. */
export function sniffFileType(name: string, bytes: Buffer): { kind: string; mime: string } | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  for (const { kind, test } of KINDS) {
    if (!test(bytes)) continue;
    if (!kind.extensions.includes(ext)) return null;
    return { kind: kind.kind === 'office' ? ext : kind.kind, mime: OFFICE_MIME[ext] ?? kind.mime };
  }
  return null;
}

export const ACCEPTED_EXTENSIONS = KINDS.flatMap((k) => k.kind.extensions);
