import type { Tx } from '../database/transaction';
import { coversPath, Principal } from '../identity/principal';
import { presentAttachment } from '../attachments/attachments.service';
import { attachmentIdsIn } from './attachment-refs';
import type { CaseAttachmentsRepository, Step } from './case-attachments.repository';

/**
 * Attachments filed with a case. Filing never widens who may download a file: lists show only attachments
 * whose own org unit the caller's scope covers.
 */

/** files the attachments a submission's file fields name (those in the caller's scope; others are ignored) */
export async function fileFromSubmission(repo: CaseAttachmentsRepository, p: Principal, step: Step, data: unknown, tx?: Tx): Promise<void> {
  const ids = [...attachmentIdsIn(data)];
  if (!ids.length) return;
  const found = await repo.attachments(p.tenantId, ids, tx);
  await repo.file(
    p,
    step,
    found.filter((a) => coversPath(p, a.orgUnitPath)).map((a) => a.id),
    tx,
  );
}

export async function attachmentsOfInstances(repo: CaseAttachmentsRepository, p: Principal, instanceIds: string[]) {
  const links = await repo.filedWith(p.tenantId, instanceIds);
  const files = links.length
    ? await repo.attachments(
        p.tenantId,
        links.map((l) => l.attachmentId),
      )
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
