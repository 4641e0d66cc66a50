import { TreeSelect, type TreeSelectProps } from 'antd';

/**
 * antd's TreeSelect for an org unit inside a Form.Item. A required Form.Item gives its control `aria-required`,
 * and TreeSelect copies it onto its outer <div>, where ARIA does not allow it (axe: aria-allowed-attr, critical).
 * It is left off: the field still shows its required mark and its message at the field; its label names it.
 */
export function UnitTreeSelect(props: TreeSelectProps<string>) {
  const rest: Record<string, unknown> = { ...props };
  delete rest['aria-required'];
  return <TreeSelect<string> {...(rest as TreeSelectProps<string>)} />;
}
