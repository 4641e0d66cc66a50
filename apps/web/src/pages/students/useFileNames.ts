import type { FileInstance } from '@kcbx/api-contract';
import { useMemo } from 'react';
import { workflowApi } from '../../api/workflow';
import { useLoad } from '../../util/useLoad';
import { bpmnNames, type BpmnNames } from '../tasks/bpmnNames';
import type { NameSource } from './fileTimeline';

const NO_NAMES: Record<string, BpmnNames> = {};

/** Procedure and step names for the file's instances, from each definition's diagram (fetched once per definition). */
export function useFileNames(instances: FileInstance[]): NameSource {
  const definitionIds = useMemo(
    () => [...new Set(instances.map((i) => i.definitionId).filter((d): d is string => !!d))].sort().join(','),
    [instances],
  );
  const { data: byDefinition = NO_NAMES } = useLoad(
    () =>
      Promise.all(
        (definitionIds ? definitionIds.split(',') : []).map(
          (id) =>
            workflowApi
              .definitionXml(id)
              .then(({ xml }) => [id, bpmnNames(xml)] as const)
              .catch(() => null), // a name falls back to the key or element id
        ),
      ).then((pairs) => Object.fromEntries(pairs.filter((p) => p !== null))),
    [definitionIds],
  );

  return useMemo<NameSource>(() => {
    const instanceById = new Map(instances.map((i) => [i.id, i]));
    const namesOf = (i: FileInstance | undefined) => (i?.definitionId ? byDefinition[i.definitionId] : undefined);
    return {
      process: (i) => i.name ?? namesOf(i)?.process ?? i.key,
      step: (instanceId, activityId) => {
        if (!activityId) return null;
        const i = instanceId ? instanceById.get(instanceId) : undefined;
        return i?.stepNames?.[activityId] ?? namesOf(i)?.steps[activityId] ?? activityId;
      },
    };
  }, [instances, byDefinition]);
}
