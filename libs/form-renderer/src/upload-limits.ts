import { fileProblem, formatBytes, type FileLimits } from '@kcbx/forms';

/** The `accept` attribute for the file input, from the schema's fileUpload limits. */
export function acceptAttribute(limits: FileLimits | undefined): string | undefined {
  return limits?.accept?.length ? limits.accept.join(',') : undefined;
}

/** Checked before uploading, so an oversize or wrong-type file never leaves the browser. */
export function uploadRefusal(
  limits: FileLimits | undefined,
  file: { name: string; size: number; type: string },
  locale: 'zh-CN' | 'en',
): string | null {
  // Named, not spread: a browser File keeps name/size/type as prototype getters, which spreading drops.
  const problem = fileProblem(limits ?? {}, { id: 'pending', name: file.name, size: file.size, type: file.type });
  if (problem === 'size') {
    return locale === 'en' ? `File is larger than ${formatBytes(limits?.maxBytes)}` : `文件不能超过 ${formatBytes(limits?.maxBytes)}`;
  }
  if (problem === 'type') {
    const accepted = limits?.accept?.join(', ');
    return locale === 'en' ? `Only these file types are accepted: ${accepted}` : `只接受以下文件类型：${accepted}`;
  }
  return null;
}
