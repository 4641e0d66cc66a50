/**
 * A4 print sheet: Chinese serif fonts (what official forms use), labels and values in ruled rows, room for a
 * signature and the school's stamp. Sans CJK fonts close the list: a machine without a Chinese serif (the CI
 * box has WenQuanYi only) still prints characters, not boxes. Applied by the print mode; @media print hides everything else.
 */
export const PRINT_CSS = `
.kcbx-print { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "STSong",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif;
  color: #000; max-width: 180mm; margin: 0 auto; font-size: 11pt; }
.kcbx-print h1 { text-align: center; font-size: 18pt; letter-spacing: 2pt; margin: 0 0 8mm; }
.kcbx-print h3 { font-size: 12pt; margin: 4mm 0 2mm; }
.kcbx-print .kcbx-print-field { display: flex; border-bottom: 0.5pt solid #000; min-height: 8mm; align-items: center; }
.kcbx-print .kcbx-print-label { flex: 0 0 40mm; font-weight: bold; padding-right: 2mm; }
.kcbx-print .kcbx-print-value { flex: 1; white-space: pre-wrap; }
.kcbx-print .kcbx-row .kcbx-print-label { flex: 0 0 auto; padding-right: 4mm; }
.kcbx-print .kcbx-field-label { font-weight: bold; }
.kcbx-print .ant-card { border: 0.5pt solid #000; border-radius: 0; }
.kcbx-print .ant-table { font-size: 10pt; }
.kcbx-print .kcbx-stamp { display: flex; justify-content: space-between; margin-top: 14mm; }
.kcbx-print .kcbx-stamp span { flex: 1; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body * { visibility: hidden; }
  .kcbx-print, .kcbx-print * { visibility: visible; }
  .kcbx-print { position: absolute; left: 0; top: 0; width: 100%; max-width: none; }
  .kcbx-print .ant-btn { display: none; }
}
`;
