import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one h1. It takes focus when its step appears, so a screen reader announces the new
 * screen and the next Tab starts from the top of it instead of from a button that vanished.
 */
export function StepHeading({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 className="step-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
