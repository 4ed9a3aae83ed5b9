import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { makeEntity, makeWorld } from '../test/fixtures';
import { WorldForm } from '../features/worlds/components/world-form';
import { EntityForm } from '../features/entities/components/entity-form';
import { LIMITS } from './limits';

describe('form limits are the API limits', () => {
  it('the world name stops at 120, the limit the message names', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    // A name that is already too long (say, made before the limit) is refused with the same number.
    renderWithProviders(<WorldForm world={makeWorld({ name: 'x'.repeat(130) })} onSubmit={onSubmit} />);
    const name = screen.getByLabelText('Tên thế giới');
    expect(name).toHaveAttribute('maxLength', String(LIMITS.worldName));
    expect(LIMITS.worldName).toBe(120);

    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(name).toHaveAccessibleDescription('Tối đa 120 ký tự.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('typing stops at the limit, and a counter shows how close it is', async () => {
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={vi.fn()} />);
    const name = screen.getByLabelText('Tên thế giới');
    await user.type(name, 'a'.repeat(125));
    expect(name.value).toHaveLength(120);
    expect(screen.getByTestId('length-counter')).toHaveTextContent('120 / 120');
  });

  it('a character name and its attributes take the API limits', () => {
    renderWithProviders(<EntityForm entity={makeEntity({ attributes: { age: 'old' } })} onSubmit={vi.fn()} />);
    expect(screen.getByLabelText('Tên')).toHaveAttribute('maxLength', String(LIMITS.entityName));
    expect(screen.getByLabelText('Mô tả')).toHaveAttribute('maxLength', String(LIMITS.entityDescription));
    expect(screen.getByLabelText('Tên thuộc tính 1')).toHaveAttribute('maxLength', String(LIMITS.attributeName));
  });
});
