/**
 * Attachment ids a form submission refers to: a file field holds `{id, name, type?, size?}` (one, or an
 * array of them in a repeatable row). Anything shaped so is a candidate; the caller checks each id exists
 * and is visible before filing it with the case.
 */
export function attachmentIdsIn(data: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) attachmentIdsIn(item, found);
  } else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.name === 'string') found.add(record.id);
    for (const value of Object.values(record)) if (value && typeof value === 'object') attachmentIdsIn(value, found);
  }
  return found;
}
