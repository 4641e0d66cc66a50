import { SIGN_OFF_LINES, type ReportSignOff, type SignOffLine } from '@kcbx/api-contract';
import { Button } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import './reports.css';

const lineLabel = (line: SignOffLine): MessageKey => `reports.line.${line}`;

/**
 * 制表人 / 审核人 / 负责人 at the foot of a printed report: a line signed in the system shows who and when; an
 * unsigned one prints blank for a pen. With `onSign`, each unsigned line has its 签字 button (not printed) and a
 * refusal is said under its line.
 */
export function SignOffLines({
  signOffs = [],
  onSign,
  error,
}: {
  signOffs?: ReportSignOff[];
  onSign?: (line: SignOffLine) => void;
  error?: { line: SignOffLine; text: string } | null;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="kcbx-sign-lines" data-testid="sign-lines">
      {SIGN_OFF_LINES.map((line) => {
        const signed = signOffs.find((s) => s.line === line);
        return (
          <div key={line} className="kcbx-sign-line" data-testid={`sign-${line}`}>
            <span className="label">{t(lineLabel(line))}：</span>
            <span className="blank">{signed ? t('reports.signedAt', { name: signed.name, date: formatDateTime(signed.at) }) : ''}</span>
            {!signed && onSign && (
              <Button size="small" className="kcbx-no-print" onClick={() => onSign(line)} data-testid={`sign-${line}-button`}>
                {t('reports.sign')}
              </Button>
            )}
            {error?.line === line && (
              <div className="kcbx-no-print kcbx-sign-error" role="alert">
                {error.text}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
