import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { differenceLabel } from './reconciliationLabels';
import type { Explanation } from './useExplanation';

/** The note that explains one difference (why the child is on one list and not the other). */
export function ExplainModal({ explanation: x }: { explanation: Explanation }) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!x.explaining}
      title={x.explaining ? t('reports.check.explainTitle', { name: x.explaining.name }) : ''}
      onCancel={x.close}
      onOk={x.save}
      confirmLoading={x.saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      {x.explaining && (
        <Form layout="vertical">
          <Form.Item
            label={t(differenceLabel(x.explaining.kind))}
            validateStatus={x.noteError ? 'error' : undefined}
            help={x.noteError ?? undefined}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              value={x.note}
              onChange={(e) => x.setNote(e.target.value)}
              placeholder={t('reports.check.notePlaceholder')}
              data-testid="explain-note"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
