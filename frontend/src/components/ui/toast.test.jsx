import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { choosePlacement, useToast } from './toast';

const viewport = { width: 375, height: 667 };
const size = { width: 300, height: 56 };

describe('where a toast sits', () => {
  it('bottom centre when nothing is there', () => {
    expect(choosePlacement(size, [{ left: 0, right: 375, top: 0, bottom: 64 }], viewport, 64)).toBe('bottom');
  });

  it('moves to the top when a form\'s submit button is at the bottom of the screen', () => {
    const submit = { left: 250, right: 360, top: 610, bottom: 650 };
    expect(choosePlacement(size, [submit], viewport, 64)).toBe('top');
  });

  it('stays at the bottom when the top holds a sticky bar and the bottom is free', () => {
    const stickyBar = { left: 0, right: 375, top: 64, bottom: 120 };
    expect(choosePlacement(size, [stickyBar], viewport, 64)).toBe('bottom');
  });
});

function Notifier({ message }) {
  const { notify } = useToast();
  return <button type="button" onClick={() => { notify(message, 'info'); notify(message, 'info'); }}>notify</button>;
}

describe('toasts', () => {
  it('say the same thing once, politely, and only the notice takes clicks', async () => {
    renderWithProviders(<Notifier message="Phiên đăng nhập đã kết thúc" />);
    act(() => screen.getByRole('button', { name: 'notify' }).click());
    expect(screen.getAllByTestId('toast')).toHaveLength(1);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region.className).toContain('pointer-events-none');
    expect(screen.getByTestId('toast').className).toContain('pointer-events-auto');
  });
});
