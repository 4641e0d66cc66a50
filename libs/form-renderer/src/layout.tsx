import { Button, Card, Col, Row, Steps, Tabs } from 'antd';
import { useState } from 'react';
import { get, useFormContext, useFormState } from 'react-hook-form';
import { isLayout, type LayoutElement, type UiElement } from '@kcbx/forms';
import { ControlField } from './fields/control-field';
import { t, useFormEnv, type ScopeBase } from './form-context';
import { textFor } from './labels';
import { estimateHeight, NearChunk } from './near-chunk';
import { FIELD_CHUNK_SIZE } from './near-viewport';
import { RuleGate } from './rule-gate';
import { fieldNamesIn } from './step-fields';

/** Renders any UI schema element under a scope base (the form root, a table row, a nested object). */
export function ElementView({ element, base }: { element: UiElement; base: ScopeBase }) {
  const inner = <ElementBody element={element} base={base} />;
  return element.rule ? (
    <RuleGate rule={element.rule} baseName={base.name}>
      {inner}
    </RuleGate>
  ) : (
    inner
  );
}

function Children({ elements, base }: { elements: UiElement[]; base: ScopeBase }) {
  const { deferWidgets } = useFormEnv();
  if (deferWidgets && elements.length > FIELD_CHUNK_SIZE) {
    // A large form: fields in chunks that get their widgets as they come near the window.
    const chunks: UiElement[][] = [];
    for (let i = 0; i < elements.length; i += FIELD_CHUNK_SIZE) chunks.push(elements.slice(i, i + FIELD_CHUNK_SIZE));
    return (
      <>
        {chunks.map((chunk, c) => (
          <NearChunk key={c} estimatePx={chunk.reduce((px, e) => px + estimateHeight(e), 0)}>
            {chunk.map((child, i) => (
              <ElementView key={i} element={child} base={base} />
            ))}
          </NearChunk>
        ))}
      </>
    );
  }
  return (
    <>
      {elements.map((child, i) => (
        <ElementView key={i} element={child} base={base} />
      ))}
    </>
  );
}

function ElementBody({ element, base }: { element: UiElement; base: ScopeBase }) {
  const { locale, mode } = useFormEnv();
  switch (element.type) {
    case 'Control':
      return <ControlField control={element} base={base} />;
    case 'Label':
      return (
        <div className="kcbx-label-text" style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>
          {textFor(element.text, locale)}
        </div>
      );
    case 'HorizontalLayout':
      return (
        <Row gutter={16} className="kcbx-row">
          {element.elements.map((child, i) => (
            <Col key={i} flex="1 1 0" style={{ minWidth: 0 }}>
              <ElementView element={child} base={base} />
            </Col>
          ))}
        </Row>
      );
    case 'Group': {
      const title = typeof element.label === 'boolean' ? undefined : textFor(element.label, locale);
      return (
        <Card size="small" title={title} className="kcbx-group" style={{ marginBottom: 16 }}>
          <Children elements={element.elements} base={base} />
        </Card>
      );
    }
    case 'Categorization':
      return mode === 'print' ? <PrintCategories element={element} base={base} /> : <Categories element={element} base={base} />;
    case 'Category':
    case 'VerticalLayout':
      return <Children elements={element.elements} base={base} />;
    default:
      return null;
  }
}

function categoryLabel(category: UiElement, locale: 'zh-CN' | 'en', index: number): string {
  const label = 'label' in category && typeof category.label !== 'boolean' ? textFor(category.label, locale) : undefined;
  return label ?? `${index + 1}`;
}

/**
 * Tabs, or a stepper (options.variant "stepper") with previous/next buttons. A stepper moves forward only
 * when the steps it leaves are valid (their errors are shown); going back is always allowed.
 */
function Categories({ element, base }: { element: LayoutElement; base: ScopeBase }) {
  const { locale, mode } = useFormEnv();
  const { trigger } = useFormContext();
  const [current, setCurrent] = useState(0);
  const categories = element.elements.filter(isLayout);
  const go = async (target: number) => {
    if (mode === 'edit') {
      for (let step = current; step < target; step++) {
        if (!(await trigger(fieldNamesIn(categories[step], base.name)))) return setCurrent(step);
      }
    }
    setCurrent(target);
  };
  if (element.options?.variant === 'stepper') {
    return (
      <div className="kcbx-stepper">
        <Steps
          current={current}
          onChange={(step) => void go(step)}
          items={categories.map((c, i) => ({ title: categoryLabel(c, locale, i) }))}
          style={{ marginBottom: 16 }}
        />
        {categories.map((c, i) => (
          // Keep every step mounted (hidden) so values and errors of other steps stay registered.
          <div key={i} style={{ display: i === current ? 'block' : 'none' }}>
            <ElementView element={c} base={base} />
          </div>
        ))}
        {element.options?.showNavButtons !== false && (
          <div style={{ display: 'flex', gap: 8 }}>
            <Button disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              {t(locale, '上一步', 'Previous')}
            </Button>
            <Button disabled={current === categories.length - 1} onClick={() => void go(current + 1)}>
              {t(locale, '下一步', 'Next')}
            </Button>
          </div>
        )}
      </div>
    );
  }
  return (
    <Tabs
      className="kcbx-tabs"
      items={categories.map((c, i) => ({
        key: String(i),
        label: <TabLabel text={categoryLabel(c, locale, i)} names={fieldNamesIn(c, base.name)} />,
        forceRender: true,
        children: <ElementView element={c} base={base} />,
      }))}
    />
  );
}

/** A tab's title, marked when a field inside it has an error (after a submit the clerk sees which tab to open). */
function TabLabel({ text, names }: { text: string; names: string[] }) {
  const { errors } = useFormState({ name: names });
  const count = names.filter((n) => get(errors, n)).length;
  return (
    <span className={count ? 'kcbx-tab-invalid' : undefined}>
      {text}
      {count > 0 && <span style={{ color: '#ff4d4f', marginLeft: 4 }}>({count})</span>}
    </span>
  );
}

/** On paper every category is printed, one after another, under its title. */
function PrintCategories({ element, base }: { element: LayoutElement; base: ScopeBase }) {
  const { locale } = useFormEnv();
  return (
    <>
      {element.elements.filter(isLayout).map((c, i) => (
        <section key={i} className="kcbx-print-section">
          <h3>{categoryLabel(c, locale, i)}</h3>
          <ElementView element={c} base={base} />
        </section>
      ))}
    </>
  );
}
