import { makeResidentId } from '@kcbx/cn-codes';
import type { Tx } from '../database/transaction';
import type { DemoCountyRepository } from './demo-county.repository';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, Student } from '../database/entities';

const SURNAMES = ['马', '杨', '李', '王', '张', '海', '田', '苏', '何', '罗', '金', '虎'];
const GIVEN_BOYS = ['小军', '志强', '海龙', '建华', '文博', '子豪', '明轩', '俊杰', '国庆', '永福'];
const GIVEN_GIRLS = ['玉兰', '海燕', '小花', '雪梅', '思雨', '欣怡', '梦瑶', '丽娟', '春花', '佳琪'];
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];

/** A small deterministic generator, so every fresh demo database holds the same invented children. */
function generator(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * Invented children for a demo county (names, ID numbers that pass the GB 11643 checksum, marked isDemo),
 * `perSchool` at each school, in grades that fit the school and the child's age.
 */
export async function seedDemoStudents(
  repo: DemoCountyRepository,
  m: Tx,
  tenantId: string,
  countyCode: string,
  schools: OrgUnit[],
  perSchool: number,
) {
  const rand = generator(Number(countyCode));
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const now = nowIso();
  const schoolYear = 2026;
  let sequence = 1;
  const rows: Student[] = [];
  for (const school of schools) {
    const middle = school.name.includes('中学');
    for (let i = 0; i < perSchool; i++) {
      const gradeIndex = middle ? 6 + Math.floor(rand() * 3) : Math.floor(rand() * 6);
      const birthYear = schoolYear - 7 - gradeIndex;
      const birthDate = `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const sex = rand() < 0.5 ? 'male' : 'female';
      const surname = pick(SURNAMES);
      const idNumber = makeResidentId(countyCode, birthDate, sequence * 2, sex);
      sequence++;
      rows.push({
        id: newId(),
        tenantId,
        name: surname + pick(sex === 'male' ? GIVEN_BOYS : GIVEN_GIRLS),
        sex,
        ethnicity: rand() < 0.55 ? '回族' : '汉族',
        birthDate,
        idNumber,
        studentNumber: `G${idNumber}`,
        schoolId: school.id,
        schoolPath: school.path,
        grade: GRADES[gradeIndex],
        className: `${1 + Math.floor(rand() * 3)}班`,
        residenceCode: school.path.split('/').filter(Boolean)[1] ?? null,
        village: `${pick(['北', '南', '东', '西', '新', '上', '下'])}${pick(['坡', '沟', '庄', '湾', '台', '川'])}村`,
        guardians: [
          {
            name: `${surname}${pick(['建军', '国华', '永胜', '学文'])}`,
            relation: '父亲',
            phone: `139${String(10000000 + sequence).slice(-8)}`,
          },
        ],
        flags: { povertyHousehold: rand() < 0.2, leftBehind: rand() < 0.15, migrant: false, disability: null, orphan: false },
        status: 'enrolled',
        isDemo: true,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await repo.insertStudents(rows, m);
  return rows.length;
}
