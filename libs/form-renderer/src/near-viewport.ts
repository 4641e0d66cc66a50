import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

/** How far outside the window a part of the form gets its real widgets ahead of scrolling to it. */
const MARGIN_PX = 800;

/** Table rows per chunk: the unit that is observed and gets its widgets at once. */
export const CHUNK_SIZE = 8;
/** Fields per chunk (fewer: the first screen gets real widgets by whole chunks, and fields are taller). */
export const FIELD_CHUNK_SIZE = 6;

/** Rough heights, to tell which chunks fill the first screen without asking the browser for layout. */
export const FIELD_PX = 74;
export const ROW_PX = 49;

let observer: IntersectionObserver | undefined;
const wakers = new WeakMap<Element, () => void>();

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        wakers.get(e.target)?.();
        wakers.delete(e.target);
        observer!.unobserve(e.target);
      }
    },
    { rootMargin: `${MARGIN_PX}px 0px` },
  );
  return observer;
}

/**
 * Pixels of the first screen not yet given to a chunk, per form: chunks rendered first (the top of the form)
 * get real widgets before the first paint; the rest wait for the observer. Deciding by estimate rather than
 * by measuring keeps the first render free of forced layouts (measuring each field cost a full layout of
 * the page before the first paint).
 */
export interface FirstScreen {
  px: number;
}

export function firstScreen(): FirstScreen {
  return { px: typeof window === 'undefined' ? Infinity : window.innerHeight };
}

/** Whether the chunk around a field has its real widgets (outside any chunk: yes). */
export const NearContext = createContext(true);

/**
 * A chunk of a large form (a few fields or table rows): whether its widgets should be real yet. Near from
 * the start if it falls in the first screen, else from when it comes within MARGIN_PX of the window (one
 * IntersectionObserver target per chunk, not per field). Once near, it stays near.
 */
export function useNearChunk(enabled: boolean, budget: FirstScreen | undefined, estimatePx: number) {
  const parentNear = useContext(NearContext);
  const supported = typeof IntersectionObserver !== 'undefined';
  const [near, setNear] = useState(() => {
    if (!enabled || !supported || !budget) return true;
    const inFirstScreen = budget.px > 0;
    budget.px -= estimatePx;
    return inFirstScreen;
  });
  const element = useRef<Element | null>(null);
  const ref = useCallback((el: Element | null) => {
    element.current = el;
  }, []);
  useEffect(() => {
    const el = element.current;
    if (near || !el) return;
    const io = sharedObserver();
    wakers.set(el, () => setNear(true));
    io.observe(el);
    return () => {
      io.unobserve(el);
      wakers.delete(el);
    };
  }, [near]);
  return { near: parentNear && near, ref };
}

/**
 * Whether a field's widget is mounted: when its chunk is near, or when the stand-in receives focus (Tab from
 * the field above), in which case the real widget takes the focus over. The value and validation stay
 * registered all along — only the widget is deferred — and once mounted a widget stays.
 */
export function useNearWidget(focusId?: string) {
  const chunkNear = useContext(NearContext);
  const [woken, setWoken] = useState(false);
  // No effect per field for this (500 of them on a large form): the widget takes the focus on the next frame,
  // by which time the focus event's render is committed.
  const wakeForFocus = useCallback(() => {
    setWoken(true);
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  }, [focusId]);
  return { near: chunkNear || woken, wakeForFocus };
}
