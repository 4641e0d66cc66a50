import type { Student } from '@kcbx/api-contract';
import { useState } from 'react';
import { Button, Descriptions, Space, Tag, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { studentsApi } from '../../api/students';
import { useI18n } from '../../i18n/i18n';
import { formatPhone } from './formatPhone';
import { flagTexts, gradeText, sexText, statusText } from './studentText';

/**
 * Who the file is about. The ID number stays masked until the user asks: the full number comes from
 * GET /api/students/{id}, which only answers users whose scope covers the child and audits every call.
 */
export function StudentHeader({ student, onError }: { student: Student; onError(e: unknown): void }) {
  const { t, formatDate } = useI18n();
  const [full, setFull] = useState<Student | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = full ?? student;

  const reveal = () => {
    setBusy(true);
    studentsApi
      .withFullId(student.id)
      .then(setFull)
      .catch(onError)
      .finally(() => setBusy(false));
  };

  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="student-header">
      <Descriptions.Item label={t('students.name')}>
        <strong>{student.name}</strong>
        {student.isDemo && <Tag style={{ marginInlineStart: 6 }}>{t('students.demo')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('students.sex')}>{sexText(t, student.sex)}</Descriptions.Item>
      <Descriptions.Item label={t('students.birthDate')}>{student.birthDate ? formatDate(student.birthDate) : ''}</Descriptions.Item>
      <Descriptions.Item label={t('students.idNumber')}>
        <Space size={8} wrap>
          <span style={{ fontFamily: 'monospace' }} data-testid="student-id-number">
            {full?.idNumber ?? student.idNumberMasked}
          </span>
          {!full?.idNumber && (
            <Tooltip title={t('students.file.revealHint')}>
              <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={reveal} className="kcbx-no-print" data-testid="reveal-id">
                {t('students.file.revealId')}
              </Button>
            </Tooltip>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('students.studentNumber')}>{shown.studentNumber ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('students.ethnicity')}>{student.ethnicity ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('students.school')}>{student.school ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('students.grade')}>{gradeText(student)}</Descriptions.Item>
      <Descriptions.Item label={t('students.status')}>
        {statusText(t, student.status)}
        {student.statusUntil ? t('students.statusUntil', { date: student.statusUntil }) : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('students.village')}>{student.village ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('students.guardians')} span={2}>
        <span data-testid="student-guardians">
          {shown.guardians.map((g, i) => (
            <span key={i} style={{ marginInlineEnd: 16 }}>
              {t('students.guardianLine', { name: g.name, relation: g.relation })}
              {g.phone ? ` ${formatPhone(g.phone)}` : ''}
            </span>
          ))}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('students.flags')} span={3}>
        {flagTexts(t, student.flags).map((f) => (
          <Tag key={f}>{f}</Tag>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
}
