/**
 * The inspectorate's list of rectification items (整改销号台账), `GET /api/rectification/items`: every
 * `rectification-item` case of the county with where it stands, read from the cases themselves.
 */

/** Where an item stands: with the unit, at the 督导室's verification, at the 基础教育室's filing, signed off, or stopped. */
export const RECTIFICATION_STAGES = ['rectifying', 'verifying', 'archiving', 'signed-off', 'terminated'] as const;
export type RectificationStage = (typeof RECTIFICATION_STAGES)[number];

export const RECTIFICATION_STAGE_LABELS: Record<RectificationStage, { zh: string; en: string }> = {
  rectifying: { zh: '整改中', en: 'being rectified' },
  verifying: { zh: '待督导室核验', en: 'awaiting verification' },
  archiving: { zh: '待基础教育室归档', en: 'awaiting filing' },
  'signed-off': { zh: '已销号归档', en: 'signed off and filed' },
  terminated: { zh: '已终止', en: 'stopped' },
};

/** 纪检组: none (the item was never 不到位), pending (the accountability record is open), recorded. */
export type RectificationAccountability = 'none' | 'pending' | 'recorded';

export interface RectificationItemRow {
  instanceId: string;
  problem: string | null;
  orgUnit: string | null;
  orgUnitName: string | null;
  responsibleRole: string | null;
  responsiblePerson: string | null;
  /** YYYY-MM-DD */
  deadline: string | null;
  stage: RectificationStage;
  /** the open steps' names (e.g. 整改落实并上传佐证, 纪检组问责记录) */
  openSteps: string[];
  /** past the deadline and not yet signed off, or signed off after it */
  overdue: boolean;
  /** verifications returned for further rectification */
  verifyFailures: number;
  /** 整改落实不到位: sent to the 纪检组 (failed verification too often, or overdue) */
  substandard: boolean;
  accountability: RectificationAccountability;
  startedAt: string;
  endedAt: string | null;
}

export interface RectificationItemList {
  total: number;
  /** counts per stage and of 不到位 items, over the whole list (not the page) */
  counts: Record<RectificationStage, number> & { substandard: number; overdue: number };
  items: RectificationItemRow[];
}
