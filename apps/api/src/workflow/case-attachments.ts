import { DataSource, EntityManager, In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { Attachment, InstanceAttachment } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { presentAttachment } from '../attachments/attachments.service';
import { attachmentIdsIn } from './attachment-refs';

/** where a file is filed: a task, or the start event (id null) */
interface Step {
  instanceId: string;
  id: string | null;
  activityId: string | null;
}

/** the data source, or a transaction's manager (filing a submission's files inside its step's transaction) */
type Db = Pick<EntityManager, 'getRepository'>;

/**
 * Attachments filed with a case. Filing never widens who may download a file: lists show only attachments
 * whose own org unit the caller's scope covers.
 */
export async function fileAttachments(ds: Db, p: Principal, step: Step, attachmentIds: string[]): Promise<void> {
  for (const attachmentId of attachmentIds) {
    await ds
      .getRepository(InstanceAttachment)
      .createQueryBuilder()
      .insert()
      .orIgnore()
      .values({
        id: newId(),
        tenantId: p.tenantId,
        instanceId: step.instanceId,
        taskId: step.id,
        activityId: step.activityId,
        attachmentId,
        linkedBy: p.userId,
        linkedByName: p.displayName,
        linkedAt: nowIso(),
      })
      .execute();
  }
}

/** files the attachments a submission's file fields name (those in the caller's scope; others are ignored) */
export async function fileFromSubmission(ds: Db, p: Principal, step: Step, data: unknown): Promise<void> {
  const ids = [...attachmentIdsIn(data)];
  if (!ids.length) return;
  const found = await ds.getRepository(Attachment).findBy({ tenantId: p.tenantId, id: In(ids) });
  await fileAttachments(
    ds,
    p,
    step,
    found.filter((a) => coversPath(p, a.orgUnitPath)).map((a) => a.id),
  );
}

export async function attachmentsOfInstances(ds: DataSource, p: Principal, instanceIds: string[]) {
  if (!instanceIds.length) return [];
  const links = await ds
    .getRepository(InstanceAttachment)
    .find({ where: { tenantId: p.tenantId, instanceId: In(instanceIds) }, order: { linkedAt: 'ASC' } });
  const files = links.length
    ? await ds.getRepository(Attachment).findBy({ tenantId: p.tenantId, id: In(links.map((l) => l.attachmentId)) })
    : [];
  return links.flatMap((l) => {
    const file = files.find((f) => f.id === l.attachmentId);
    if (!file || !coversPath(p, file.orgUnitPath)) return [];
    return [
      {
        ...presentAttachment(file),
        type: file.mime,
        instanceId: l.instanceId,
        taskId: l.taskId,
        activityId: l.activityId,
        uploadedBy: file.uploadedBy,
        uploadedByName: l.linkedByName,
        linkedByName: l.linkedByName,
        linkedAt: l.linkedAt,
      },
    ];
  });
}
