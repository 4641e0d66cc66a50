import { modelerApi } from './modelerApi';

const cache = new Map<string, Promise<{ xml: string; names: Map<string, string> }>>();

/**
 * A definition's XML and its element names (id → name), fetched once per definition: instance lists
 * show step names, not ids, and the diagram needs the XML anyway.
 */
export function definitionInfo(definitionId: string) {
  let hit = cache.get(definitionId);
  if (!hit) {
    hit = modelerApi.definitionXml(definitionId).then((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const names = new Map<string, string>();
      for (const el of Array.from(doc.querySelectorAll('[id][name]'))) names.set(el.getAttribute('id')!, el.getAttribute('name')!);
      return { xml, names };
    });
    hit.catch(() => cache.delete(definitionId));
    cache.set(definitionId, hit);
  }
  return hit;
}
