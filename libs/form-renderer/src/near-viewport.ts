import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How far outside the window a widget is mounted ahead of scrolling to it. */
const MARGIN_PX = 800;

let observer: IntersectionObserver | undefined;
const wakers = new WeakMap<Element, () => void>();

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) wakers.get(e.target)?.();
    },
    { rootMargin: `${MARGIN_PX}px 0px` },
  );
  return observer;
}

// On the server (print previews, tests) there is no layout: everything renders at once.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Whether a field's widget should be mounted yet. A large form mounts the real (heavy) antd widgets only
 * near the window: those on screen before the first paint (measured in a layout effect), the rest as they
 * scroll near or receive focus. The field's value and validation stay registered all along — only the
 * widget is deferred — and once mounted a widget stays.
 */
export function useNearViewport(enabled: boolean, focusId?: string) {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [near, setNear] = useState(!enabled || !supported);
  const element = useRef<Element | null>(null);
  const focusOnWake = useRef(false);
  const ref = useCallback((el: Element | null) => {
    element.current = el;
  }, []);

  useIsoLayoutEffect(() => {
    const el = element.current;
    if (near || !el) return;
    const rect = el.getBoundingClientRect();
    if (rect.top < window.innerHeight + MARGIN_PX && rect.bottom > -MARGIN_PX) return setNear(true);
    const io = sharedObserver();
    wakers.set(el, () => setNear(true));
    io.observe(el);
    return () => {
      io.unobserve(el);
      wakers.delete(el);
    };
  }, [near]);

  useIsoLayoutEffect(() => {
    if (near && focusOnWake.current && focusId) document.getElementById(focusId)?.focus();
  }, [near]);

  const wakeForFocus = useCallback(() => {
    focusOnWake.current = true;
    setNear(true);
  }, []);
  return { near, ref, wakeForFocus };
}
