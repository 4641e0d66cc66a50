import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { isPngDataUrl } from '@kcbx/forms';
import { t, useFormEnv } from '../form-context';
import { useField } from './use-field';

/** A canvas to sign on with mouse, pen or finger; the value is a PNG data URL. */
export function SignatureField({ name, readonly }: { name: string; readonly: boolean }) {
  const { locale } = useFormEnv();
  const f = useField(name, readonly);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    ctx.clearRect(0, 0, canvas.current.width, canvas.current.height);
    // Only a PNG drawn here before: the pad never loads an image from anywhere else.
    if (isPngDataUrl(f.value)) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0);
      img.src = f.value;
    }
    // Redraw only when the stored value is replaced from outside (reset, clear), not on each stroke.
  }, [f.value === undefined]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top] as const;
  };
  return (
    <div className="kcbx-signature">
      <canvas
        ref={canvas}
        width={400}
        height={140}
        style={{ border: '1px solid #d9d9d9', borderRadius: 6, touchAction: 'none', background: '#fff', maxWidth: '100%' }}
        onPointerDown={(e) => {
          if (f.disabled) return;
          // Keep receiving the stroke when the pen leaves the pad, so lifting it outside still saves the signature.
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineWidth = 2;
          ctx.lineCap = 'round';
          ctx.beginPath();
          ctx.moveTo(...point(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineTo(...point(e));
          ctx.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          f.onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      {!f.disabled && (
        <div>
          <Button size="small" onClick={() => f.onChange(undefined)}>
            {t(locale, '清除签名', 'Clear')}
          </Button>
        </div>
      )}
    </div>
  );
}
