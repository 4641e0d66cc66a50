/**
 * The renderer's own elements styled by class, in one <style> per form, rather than inline: a 500-field
 * form set several inline style objects per field (frame, label, stand-in widget, table cells), property
 * by property — a visible share of its mount in Chromium profiles. Text colours are dark enough for WCAG AA
 * (4.5:1 on white): antd's #ff4d4f and 45 % black are too light for 12 px text.
 */
export const FORM_CSS = `
.kcbx-field { margin-bottom: 16px; }
.kcbx-field-label { display: block; margin-bottom: 4px; }
.kcbx-required-mark { color: #ff4d4f; margin-right: 4px; }
.kcbx-field-help { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
.kcbx-field-message { color: #cf1322; font-size: 12px; }
.kcbx-refused { color: #cf1322; margin-bottom: 12px; }
.kcbx-deferred { min-height: 32px; padding: 4px 11px; border: 1px solid #d9d9d9; border-radius: 6px; line-height: 22px; overflow: hidden; white-space: nowrap; }
.kcbx-chunk { content-visibility: auto; overflow-clip-margin: 8px; }
.kcbx-chunk-rows { will-change: transform; }
.kcbx-chunk-far { content-visibility: auto; }
.kcbx-rows { width: 100%; border-collapse: collapse; border: 1px solid #f0f0f0; }
.kcbx-rows-fixed { table-layout: fixed; }
.kcbx-rows-chunk { border-top: 0; }
.kcbx-rows > thead > tr > th { background: #fafafa; font-weight: 600; text-align: left; padding: 8px; border: 1px solid #f0f0f0; }
.kcbx-rows > tbody > tr > td { padding: 8px; border: 1px solid #f0f0f0; vertical-align: top; }
.kcbx-row-remove { color: #cf1322; background: none; border: 0; padding: 4px 0; cursor: pointer; font: inherit; white-space: nowrap; }
`;
